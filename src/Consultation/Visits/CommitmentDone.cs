using Consultation.Items;
using Consultation.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Consultation.Visits;

/// <summary>The owner unit's handlers mark a commitment done; from then on it is neither due nor overdue.</summary>
internal static class CommitmentDone
{
    public static async Task<Results<Ok<VisitRecords>, ProblemHttpResult>> MarkAsync(int id, RecordVersion body, ItemDesk desk)
    {
        var commitment = await desk.Db.Commitments.SingleOrDefaultAsync(c => c.Id == id && c.WithdrawnAtUtc == null);
        var visitId = commitment is null ? null
            : await desk.Db.VisitRecords.Where(r => r.Id == commitment.RecordId && r.State != RecordState.Draft).Select(r => (int?)r.VisitId).SingleOrDefaultAsync();
        if (commitment is null || visitId is null || await RecordScope.LoadAsync(desk, visitId.Value) is not { } scope || !scope.SeesDrafts)
            return Problems.NotFound("The commitment");
        if (desk.Me.UnitId != commitment.OwnerUnitId)
            return Refusal.Who("owner_unit_only", "Only the handlers of the unit that owns a commitment mark it done.").ToProblem();
        if (commitment.DoneAtUtc is not null)
            return Refusal.When("commitment_done", "This commitment is already marked done.").ToProblem();
        if (!await desk.Db.Commitments.Where(c => c.Id == id).Tracked().AnyAsync())
            return Refusal.When("commitment_superseded", "An amendment of the record replaced this commitment: mark the one in the latest record.").ToProblem();
        if (commitment.Version != body.Version)
            return Problems.Conflict("edit_conflict", "Someone changed this commitment after you opened it: reload the item, then try again.");
        (commitment.DoneAtUtc, commitment.DoneById) = (desk.Now, desk.Me.Id);
        await desk.SaveAsync();
        return TypedResults.Ok(await RecordViews.OfVisitAsync(desk, (await RecordScope.LoadAsync(desk, visitId.Value))!));
    }
}
