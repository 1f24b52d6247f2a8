using Consultation.Accounts;
using Consultation.Items;
using Consultation.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Consultation.Visits;

/// <summary>Visit records as one person sees them, with what they may do now.</summary>
internal static class RecordViews
{
    /// <summary>Every visit of the item this person may see, with its records: the item page and the printed file.</summary>
    public static async Task<Results<Ok<VisitRecords[]>, ProblemHttpResult>> OfItemAsync(int id, ItemDesk desk)
    {
        if (await desk.LoadAsync(id) is not { } work)
            return Problems.NotFound("The item");
        var visits = await desk.Db.Visits.VisibleTo(desk.Db, desk.Me).Include(v => v.Participants)
            .Where(v => v.ItemId == id).OrderBy(v => v.StartUtc).ToListAsync();
        var all = new List<VisitRecords>();
        foreach (var visit in visits)
            all.Add(await OfVisitAsync(desk, new RecordScope(desk, visit, work)));
        return TypedResults.Ok(all.ToArray());
    }

    public static async Task<VisitRecords> OfVisitAsync(ItemDesk desk, RecordScope scope)
    {
        var db = desk.Db;
        var visit = scope.Visit;
        var records = await db.VisitRecords.AsNoTracking().Include(r => r.Commitments)
            .Where(r => r.VisitId == visit.Id).OrderBy(r => r.Id).ToListAsync();
        var shown = records.Where(scope.Sees).ToList();
        var people = shown.Select(r => r.AuthorId).Concat(shown.Select(r => r.ConfirmedById).OfType<int>()).Distinct().ToArray();
        var names = await db.Users.Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        var unitIds = shown.SelectMany(r => r.Commitments).Select(c => c.OwnerUnitId).Distinct().ToArray();
        var units = await db.Units.Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name);

        var open = records.Any(r => r.State != RecordState.Confirmed);
        var dtos = shown.Select(r =>
        {
            string[] actions =
            [
                .. scope.Edit(r) is null ? ["edit", "submit"] : Array.Empty<string>(),
                .. scope.Confirm(r) is null ? ["confirm"] : Array.Empty<string>(),
                .. r.State == RecordState.Confirmed && !open && r.Id == records[^1].Id && scope.Write() is null ? ["amend"] : Array.Empty<string>(),
            ];
            return new RecordDto(r.Id, r.VisitId, r.ItemId, r.AmendsRecordId, r.State, r.MethodUsed, r.Participants, r.DeputyOpinion,
                r.Explained, names.GetValueOrDefault(r.AuthorId, ""), r.WrittenAtUtc, r.SubmittedAtUtc, r.ConfirmedAtUtc,
                r.ConfirmedById is { } by ? names.GetValueOrDefault(by) : null, r.DeputyRemark,
                r.Commitments.Where(c => c.WithdrawnAtUtc is null).OrderBy(c => c.DueAtUtc).ThenBy(c => c.Id)
                    .Select(c => Commitment(desk, c, units)).ToArray(),
                actions, r.Version);
        }).ToArray();

        var write = records.Count == 0 && scope.Write() is null;
        return new VisitRecords(visit.Id, visit.ItemId, visit.Method, visit.State, visit.StartUtc, dtos,
            write ? ["write"] : [], write || dtos.Any(d => d.Actions.Length > 0) ? await DraftAsync(desk, visit) : null,
            scope.OwnerUnits.Values.OrderBy(a => a.Role).Select(a => new UnitOption(a.UnitId, a.Unit!.Name, a.Role)).ToArray());
    }

    private static CommitmentDto Commitment(ItemDesk desk, Commitment c, Dictionary<int, string> units)
    {
        var tracked = c.IsTracked;
        var mine = desk.Me.IsInRole(Roles.Handler) && desk.Me.UnitId == c.OwnerUnitId;
        return new CommitmentDto(c.Id, c.Text, c.OwnerUnitId, units.GetValueOrDefault(c.OwnerUnitId, ""), c.DueAtUtc, c.DoneAtUtc,
            tracked, tracked && c.DoneAtUtc is null && c.DueAtUtc < desk.Now,
            tracked && mine && c.DoneAtUtc is null ? ["done"] : [], c.Version);
    }

    private static async Task<RecordDraft> DraftAsync(ItemDesk desk, ReturnVisit visit)
    {
        var joined = await desk.Db.Attendance.Where(a => a.VisitId == visit.Id).Select(a => a.ParticipantId).Distinct().ToListAsync();
        var present = joined.Count > 0 ? visit.Participants.Where(p => joined.Contains(p.Id)) : visit.Participants.Where(p => !p.NoShow);
        var unitIds = visit.Participants.Select(p => p.UnitId).OfType<int>().Distinct().ToArray();
        var units = await desk.Db.Units.Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name);
        // No-show, or still open although nobody ever joined: the call could not connect.
        var failed = visit.Method == VisitMethod.Video && (visit.State == VisitState.NoShow || (visit.State == VisitState.Scheduled && joined.Count == 0));
        return new RecordDraft(
            present.OrderBy(p => p.Role).ThenBy(p => p.Id)
                .Select(p => p.UnitId is { } u && units.TryGetValue(u, out var unit) ? $"{p.DisplayName} ({unit})" : p.DisplayName).ToArray(),
            failed ? VisitMethod.Phone : visit.Method, failed);
    }
}
