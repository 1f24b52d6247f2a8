using System.Linq.Expressions;
using Consultation.Data;
using Consultation.Items;
using Consultation.Outcomes;
using Consultation.Visits;

namespace Consultation.Review;

/// <summary>
/// What the review knows about one duty (a unit's active lead or separate assignment on an item), computed in the
/// database. Every figure, the ranking and every drill-down are counts over these rows, so they agree.
/// </summary>
public sealed class DutyFacts
{
    public int ItemId { get; init; }
    public int UnitId { get; init; }
    /// <summary>When the item was received: submitted online or registered from paper.</summary>
    public DateTime? ReceivedAtUtc { get; init; }
    /// <summary>The unit's first answer: not a follow-up of a B/C item, not the answer to a re-handling.</summary>
    public DateTime? AnsweredAtUtc { get; init; }
    public ResponseCategory? Category { get; init; }
    /// <summary>Answered by the deadline: the one set at assignment, or the last extension the office approved.</summary>
    public bool OnTime { get; init; }
    /// <summary>A held visit of phase before-answer or during-handling (any method) started no later than the first answer.</summary>
    public bool Contacted { get; init; }
    /// <summary>The item's latest evaluation, and its evaluation of the first answer (null when not evaluated).</summary>
    public Verdict? Latest { get; init; }
    public Verdict? First { get; init; }
    public int ReHandlings { get; init; }
    /// <summary>Still waiting for the unit's answer and past its current deadline (the one the deadline watch uses).</summary>
    public bool Overdue { get; init; }
    /// <summary>Tagged both difficult and long overdue, and still waiting for an answer.</summary>
    public bool LongOverdueDifficult { get; init; }
}

/// <summary>An evaluation in one word: dissatisfied if either part is, satisfied if both parts are, else basically satisfied.</summary>
public enum Verdict { Satisfied, BasicallySatisfied, Dissatisfied }

public static class DutyFactsQuery
{
    public static IQueryable<DutyFacts> Facts(this IQueryable<Assignment> duties, AppDbContext db, DateTime now)
    {
        var open = Deadlines.Open;
        return duties
            .Select(a => new
            {
                a.ItemId, a.UnitId, a.Item!.State, a.Item.IsDifficult, a.Item.IsLongOverdue, a.Item.SubmittedAtUtc, a.DueAtUtc,
                Deadline = db.ExtensionRequests.Where(x => x.AssignmentId == a.Id && x.State == RequestState.Approved)
                    .Max(x => (DateTime?)x.RequestedDueAtUtc) ?? a.OriginalDueAtUtc,
                First = db.Responses
                    .Where(r => r.ItemId == a.ItemId && r.UnitId == a.UnitId && !r.IsFollowUp && r.ReHandlingId == null)
                    .OrderBy(r => r.AnsweredAtUtc).ThenBy(r => r.Id)
                    .Select(r => new { r.Id, r.AnsweredAtUtc, r.Category }).FirstOrDefault(),
                FirstContact = db.Visits.Where(v => v.ItemId == a.ItemId && v.State == VisitState.Held
                                                    && (v.Phase == VisitPhase.BeforeAnswer || v.Phase == VisitPhase.DuringHandling))
                    .Min(v => (DateTime?)v.StartUtc),
                Latest = db.Evaluations.Where(e => e.ItemId == a.ItemId)
                    .OrderByDescending(e => e.EvaluatedAtUtc).ThenByDescending(e => e.Id)
                    .Select(VerdictOf).FirstOrDefault(),
                ReHandlings = db.ReHandlings.Count(r => r.ItemId == a.ItemId),
            })
            .Select(f => new DutyFacts
            {
                ItemId = f.ItemId,
                UnitId = f.UnitId,
                ReceivedAtUtc = f.SubmittedAtUtc,
                AnsweredAtUtc = f.First == null ? null : f.First.AnsweredAtUtc,
                Category = f.First == null ? null : f.First.Category,
                OnTime = f.First != null && f.First.AnsweredAtUtc <= f.Deadline,
                Contacted = f.First != null && f.FirstContact != null && f.FirstContact <= f.First.AnsweredAtUtc,
                Latest = f.Latest,
                First = f.First == null ? null
                    : db.Evaluations.Where(e => e.ResponseId == f.First.Id).OrderBy(e => e.EvaluatedAtUtc).ThenBy(e => e.Id)
                        .Select(VerdictOf).FirstOrDefault(),
                ReHandlings = f.ReHandlings,
                Overdue = open.Contains(f.State) && f.DueAtUtc < now,
                LongOverdueDifficult = f.IsDifficult && f.IsLongOverdue && open.Contains(f.State),
            });
    }

    private static readonly Expression<Func<Evaluation, Verdict?>> VerdictOf = e =>
        e.Work == Satisfaction.Dissatisfied || e.Result == Satisfaction.Dissatisfied ? Verdict.Dissatisfied
        : e.Work == Satisfaction.Satisfied && e.Result == Satisfaction.Satisfied ? Verdict.Satisfied
        : Verdict.BasicallySatisfied;
}
