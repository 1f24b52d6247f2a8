using Consultation.Accounts;
using Consultation.Items;
using Consultation.Jobs;
using Consultation.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Consultation.Visits;

/// <summary>
/// Visit records (回访记录): the lead unit writes a draft after the visit and submits it; the item's submitter confirms
/// it, with a remark if they wish; a confirmed record changes only through an amendment that is confirmed in turn.
/// </summary>
public static class VisitRecordsApi
{
    public static void MapVisitRecords(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Visit records").RequireAuthorization().WithValidation();
        api.MapGet("/visits/{id:int}/records", OfVisit);
        api.MapGet("/items/{id:int}/records", RecordViews.OfItemAsync);
        api.MapPost("/visits/{id:int}/records", Write).RequireAuthorization(Roles.Handler);
        api.MapPut("/records/{id:int}", Edit).RequireAuthorization(Roles.Handler);
        api.MapPost("/records/{id:int}/submit", Submit).RequireAuthorization(Roles.Handler);
        api.MapPost("/records/{id:int}/amendment", Amend).RequireAuthorization(Roles.Handler);
        api.MapPost("/records/{id:int}/confirm", Confirm).RequireAuthorization(Roles.Deputy);
        api.MapPost("/commitments/{id:int}/done", CommitmentDone.MarkAsync).RequireAuthorization(Roles.Handler);
    }

    private static async Task<Results<Ok<VisitRecords>, ProblemHttpResult>> OfVisit(int id, ItemDesk desk) =>
        await RecordScope.LoadAsync(desk, id) is { } scope
            ? TypedResults.Ok(await RecordViews.OfVisitAsync(desk, scope))
            : Problems.NotFound("The visit");

    private static async Task<Results<Ok<VisitRecords>, ProblemHttpResult, ValidationProblem>> Write(int id, WriteRecord body, ItemDesk desk)
    {
        if (await RecordScope.LoadAsync(desk, id) is not { } scope)
            return Problems.NotFound("The visit");
        if (scope.Write() is { } refusal)
            return refusal.ToProblem();
        if (await desk.Db.VisitRecords.AnyAsync(r => r.VisitId == id))
            return Refusal.When("record_exists",
                "This visit already has a record: edit its draft, or amend it once the deputy has confirmed it.").ToProblem();
        if (RecordForm.Check(scope, body, desk.Now, []) is { } invalid)
            return invalid;
        var record = new VisitRecord
        {
            VisitId = id, ItemId = scope.Item.Id, AuthorId = desk.Me.Id, State = RecordState.Draft, WrittenAtUtc = desk.Now,
            Participants = "", DeputyOpinion = "",
        };
        RecordForm.Apply(record, body, desk.Now);
        desk.Db.VisitRecords.Add(record);
        await desk.SaveAsync();
        return TypedResults.Ok(await RecordViews.OfVisitAsync(desk, (await RecordScope.LoadAsync(desk, id))!));
    }

    private static async Task<Results<Ok<VisitRecords>, ProblemHttpResult, ValidationProblem>> Edit(int id, WriteRecord body, ItemDesk desk)
    {
        if (await LoadAsync(desk, id, body.Version) is not ({ } record, { } scope))
            return Problems.NotFound("The record");
        if (scope.Edit(record) is { } refusal)
            return refusal.ToProblem();
        if (RecordForm.Check(scope, body, desk.Now, record.Commitments) is { } invalid)
            return invalid;
        if (body.Version != record.Version)
            return EditConflict;
        RecordForm.Apply(record, body, desk.Now);
        return await SavedAsync(desk, scope);
    }

    private static async Task<Results<Ok<VisitRecords>, ProblemHttpResult, ValidationProblem>> Submit(int id, RecordVersion body, ItemDesk desk, JobScheduler jobs)
    {
        if (await LoadAsync(desk, id, body.Version) is not ({ } record, { } scope))
            return Problems.NotFound("The record");
        if (scope.Edit(record) is { } refusal)
            return refusal.ToProblem();
        if (body.Version != record.Version)
            return EditConflict;
        (record.State, record.SubmittedAtUtc) = (RecordState.Submitted, desk.Now);
        // A written record says the contact took place, whatever became of the video room: the visit counts as held,
        // so a failed video visit completed by phone or in person still opens the way to the answer and its evaluation.
        var visit = await desk.Db.Visits.SingleAsync(v => v.Id == record.VisitId);
        if (visit.State is VisitState.Scheduled or VisitState.NoShow)
        {
            (visit.State, visit.ClosedAtUtc) = (VisitState.Held, visit.ClosedAtUtc ?? desk.Now);
            desk.AfterSave(() => jobs.SyncVisitAsync(visit.Id));
        }
        await desk.Notify.QueueAsync(desk.Notify.AccountsOf(SubmitterOf(scope)), "visit-record-submitted", scope.Item,
            new { startUtc = visit.StartUtc, amendment = record.AmendsRecordId is not null });
        return await SavedAsync(desk, scope);
    }

    private static async Task<Results<Ok<VisitRecords>, ProblemHttpResult, ValidationProblem>> Amend(int id, WriteRecord body, ItemDesk desk)
    {
        if (await LoadAsync(desk, id, null) is not ({ } amended, { } scope))
            return Problems.NotFound("The record");
        if (scope.Write() is { } refusal)
            return refusal.ToProblem();
        var records = await desk.Db.VisitRecords.Where(r => r.VisitId == amended.VisitId).ToListAsync();
        if (amended.State != RecordState.Confirmed)
            return Refusal.When("record_not_confirmed", "Only a confirmed record is amended; edit the draft instead.").ToProblem();
        if (records.Any(r => r.State != RecordState.Confirmed))
            return Refusal.When("amendment_open", "An amendment of this record is already waiting: finish it first.").ToProblem();
        if (records.Any(r => r.AmendsRecordId == amended.Id))
            return Refusal.When("record_amended", "This record was already amended: amend the latest confirmed record.").ToProblem();
        if (RecordForm.Check(scope, body, desk.Now, amended.Commitments) is { } invalid)
            return invalid;
        var amendment = new VisitRecord
        {
            VisitId = amended.VisitId, ItemId = amended.ItemId, AuthorId = desk.Me.Id, State = RecordState.Draft, WrittenAtUtc = desk.Now,
            AmendsRecordId = amended.Id, Participants = "", DeputyOpinion = "",
        };
        RecordForm.Apply(amendment, body, desk.Now, carriedFrom: amended.Commitments);
        desk.Db.VisitRecords.Add(amendment);
        return await SavedAsync(desk, scope);
    }

    private static async Task<Results<Ok<VisitRecords>, ProblemHttpResult, ValidationProblem>> Confirm(int id, ConfirmRecord body, ItemDesk desk)
    {
        if (await LoadAsync(desk, id, body.Version) is not ({ } record, { } scope))
            return Problems.NotFound("The record");
        if (scope.Confirm(record) is { } refusal)
            return refusal.ToProblem();
        if (body.Version != record.Version)
            return EditConflict;
        (record.State, record.ConfirmedAtUtc, record.ConfirmedById) = (RecordState.Confirmed, desk.Now, desk.Me.Id);
        record.DeputyRemark = string.IsNullOrWhiteSpace(body.Remark) ? null : body.Remark.Trim();
        if (record.AmendsRecordId is { } amendedId)
            await CarryDoneMarksAsync(desk, record, amendedId);
        await desk.Notify.QueueAsync(desk.Notify.HandlersOf(scope.Visit.LeadUnitId).Union(desk.Notify.Office()),
            record.DeputyRemark is null ? "visit-record-confirmed" : "visit-record-remarked", scope.Item,
            new { startUtc = scope.Visit.StartUtc, remark = record.DeputyRemark });
        return await SavedAsync(desk, scope);
    }

    /// <summary>A commitment marked done on the amended record while its amendment waited stays done.</summary>
    private static async Task CarryDoneMarksAsync(ItemDesk desk, VisitRecord amendment, int amendedId)
    {
        var done = await desk.Db.Commitments.Where(c => c.RecordId == amendedId && c.DoneAtUtc != null).ToDictionaryAsync(c => c.Id);
        foreach (var copy in amendment.Commitments.Where(c => c.DoneAtUtc is null && c.CopiedFromId is { } from && done.ContainsKey(from)))
            (copy.DoneAtUtc, copy.DoneById) = (done[copy.CopiedFromId!.Value].DoneAtUtc, done[copy.CopiedFromId!.Value].DoneById);
    }

    private static int[] SubmitterOf(RecordScope scope) =>
        scope.Item.Signers.Where(s => s.Role == SignerRole.Submitter).Select(s => s.DeputyId).ToArray();

    private static readonly ProblemHttpResult EditConflict =
        Problems.Conflict("edit_conflict", "Someone changed this record after you opened it: reload it, then try again.");

    /// <summary>The record (tracked, with its commitments) and its scope, or nothing when this person may not see it.</summary>
    private static async Task<(VisitRecord?, RecordScope?)> LoadAsync(ItemDesk desk, int id, Guid? version)
    {
        var record = await desk.Db.VisitRecords.Include(r => r.Commitments).SingleOrDefaultAsync(r => r.Id == id);
        if (record is null || await RecordScope.LoadAsync(desk, record.VisitId) is not { } scope || !scope.Sees(record))
            return (null, null);
        if (version is { } v && v == record.Version)
            desk.Db.Entry(record).Property(r => r.Version).OriginalValue = v;
        return (record, scope);
    }

    private static async Task<Results<Ok<VisitRecords>, ProblemHttpResult, ValidationProblem>> SavedAsync(ItemDesk desk, RecordScope scope)
    {
        try
        {
            await desk.SaveAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return EditConflict;
        }
        return TypedResults.Ok(await RecordViews.OfVisitAsync(desk, (await RecordScope.LoadAsync(desk, scope.Visit.Id))!));
    }
}
