using Consultation.Accounts;
using Consultation.Outcomes;
using Consultation.Visits;
using Microsoft.EntityFrameworkCore;

namespace Consultation.Items;

/// <summary>The item page: everything this person may see of one item, and what they may do now.</summary>
internal static class ItemDetails
{
    public static async Task<ItemDetail> BuildAsync(ItemDesk desk, ItemWork work)
    {
        var (item, rules) = work;
        var db = desk.Db;
        var now = desk.Now;
        var deadlines = desk.Deadlines;
        // Deputies see the public side; the office and the units also see opinions and requests.
        var internalView = desk.Me.IsInRole(Roles.Office) || item.Assignments.Any(a => a.UnitId == desk.Me.UnitId && desk.Me.IsInRole(Roles.Handler));
        var units = item.Assignments.ToDictionary(a => a.Id, a => a.Unit!.Name);
        var unitNames = item.Assignments.Select(a => a.Unit!).DistinctBy(u => u.Id).ToDictionary(u => u.Id, u => u.Name);
        var open = ItemRules.Handling.Contains(item.State);

        var progress = await db.ProgressEntries.Where(p => p.ItemId == item.Id).OrderBy(p => p.AtUtc).ToListAsync();
        var opinions = internalView
            ? await db.CoHandlerOpinions.Where(o => o.ItemId == item.Id).OrderBy(o => o.SubmittedAtUtc).ToListAsync()
            : [];
        var extensions = await db.ExtensionRequests.Where(r => r.ItemId == item.Id
            && (internalView || r.State == RequestState.Approved)).ToListAsync();
        var returns = internalView ? await db.ReturnRequests.Where(r => r.ItemId == item.Id).ToListAsync() : [];
        var responses = await db.Responses.Where(r => r.ItemId == item.Id).OrderBy(r => r.AnsweredAtUtc).ToListAsync();
        var evaluations = await (
            from e in db.Evaluations
            where e.ItemId == item.Id
            join d in db.Deputies on e.DeputyId equals d.Id
            select new { e, d.Name }).ToListAsync();
        var reHandlings = await db.ReHandlings.Where(r => r.ItemId == item.Id).OrderBy(r => r.OpenedAtUtc).ToListAsync();
        // A visit's summary is its latest record (an amendment, once written); deputies never see a draft.
        var visits = await (
            from v in db.Visits
            where v.ItemId == item.Id
            orderby v.StartUtc
            select new VisitSummary(v.Id, v.Phase, v.Method, v.State, v.StartUtc, v.DurationMinutes,
                db.VisitRecords.Where(r => r.VisitId == v.Id && (internalView || r.State != RecordState.Draft))
                    .OrderByDescending(r => r.Id).Select(r => r.DeputyOpinion).FirstOrDefault()))
            .ToListAsync();
        var attachments = await db.Attachments.VisibleTo(db, desk.Me).Where(a => a.ItemId == item.Id)
            .OrderBy(a => a.UploadedAtUtc).ThenBy(a => a.Id).Select(AttachmentAccess.ToDto).ToArrayAsync();

        var answering = item.Assignments.Where(a => a.State == AssignmentState.Active && a.Role != AssignmentRole.Co)
            .OrderBy(a => a.DueAtUtc).FirstOrDefault();
        return new ItemDetail(
            item.Id, item.Number, item.SessionId, item.Session?.Name ?? "", item.Kind, item.Level, item.State,
            item.Title, item.Body, item.Problem, item.Requests, TagsOf(item), item.IsKey, item.HandlingPlan,
            item.SubmittedAtUtc, item.RegisteredAtUtc, item.RejectionReason, item.ClosedAtUtc, item.UnderTracking,
            answering?.DueAtUtc, Deadlines.StatusOf(answering?.DueAtUtc, open, now, deadlines),
            item.Signers.OrderBy(s => s.Role).ThenBy(s => s.Id)
                .Select(s => new SignerDto(s.DeputyId, s.Deputy?.Name ?? "", s.Role, s.Role == SignerRole.Submitter || s.ConfirmedAtUtc is not null))
                .ToArray(),
            item.Assignments.OrderBy(a => a.Role).ThenBy(a => a.Id)
                .Select(a => new AssignmentDto(a.Id, a.UnitId, a.Unit!.Name, a.Role, a.State, a.AssignedAtUtc, a.SignedForAtUtc,
                    a.DueAtUtc, deadlines.ReturnWindowEnds(a.AssignedAtUtc),
                    Deadlines.StatusOf(a.DueAtUtc, open && a.State == AssignmentState.Active, now, deadlines)))
                .ToArray(),
            progress.Select(p => new ProgressDto(p.Id, p.AtUtc, unitNames.GetValueOrDefault(p.UnitId, ""), p.Text)).ToArray(),
            opinions.Select(o => new OpinionDto(o.Id, unitNames.GetValueOrDefault(o.UnitId, ""), o.SubmittedAtUtc, o.Text)).ToArray(),
            [
                .. extensions.Select(r => new RequestDto(r.Id, "extension", r.AssignmentId, units.GetValueOrDefault(r.AssignmentId, ""),
                    r.Reason, r.State, r.RequestedAtUtc, r.RequestedDueAtUtc, r.DecisionNote)),
                .. returns.Select(r => new RequestDto(r.Id, "return", r.AssignmentId, units.GetValueOrDefault(r.AssignmentId, ""),
                    r.Reason, r.State, r.RequestedAtUtc, null, r.DecisionNote)),
            ],
            responses.Select(r => new ResponseDto(r.Id, unitNames.GetValueOrDefault(r.UnitId, ""), r.Category, r.Text, r.AnsweredAtUtc,
                r.IsFollowUp, r.ReHandlingId is not null,
                evaluations.Where(e => e.e.ResponseId == r.Id)
                    .Select(e => new EvaluationDto(e.e.Id, e.Name, e.e.Work, e.e.Result, e.e.Comment, e.e.EvaluatedAtUtc)).ToArray()))
                .ToArray(),
            reHandlings.Select(r => new ReHandlingDto(r.Id, r.OpenedAtUtc, r.DueAtUtc, r.AnsweredAtUtc)).ToArray(),
            visits.ToArray(),
            attachments,
            rules.Actions(await desk.HasContactAsync(item.Id)),
            item.Version);
    }

    public static string[] TagsOf(Item item) => TagsOf(item.IsUrgent, item.IsTroublesome, item.IsDifficult, item.IsLongOverdue);

    public static string[] TagsOf(bool urgent, bool troublesome, bool difficult, bool longOverdue) =>
        new (bool On, string Tag)[] { (urgent, "urgent"), (troublesome, "troublesome"), (difficult, "difficult"), (longOverdue, "longOverdue") }
            .Where(t => t.On).Select(t => t.Tag).ToArray();
}
