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

/// <summary>
/// The facts of every duty in one query: each lookup (first answer, approved extension, first contact, evaluations,
/// re-handlings) is a grouped derived table joined once, so the database makes one pass over each table rather than
/// a correlated lookup per duty and per figure. "First" and "latest" follow the ids: answers and evaluations are
/// appended as they happen.
/// </summary>
public static class DutyFactsQuery
{
    /// <summary>Each unit's first answer on each item: not a follow-up, not the answer to a re-handling.</summary>
    public static IQueryable<Response> FirstAnswers(AppDbContext db)
    {
        var firstIds = db.Responses.Where(r => !r.IsFollowUp && r.ReHandlingId == null)
            .GroupBy(r => new { r.ItemId, r.UnitId }).Select(g => g.Min(r => r.Id));
        return db.Responses.Where(r => firstIds.Contains(r.Id));
    }

    public static IQueryable<DutyFacts> Facts(this IQueryable<Assignment> duties, AppDbContext db, DateTime now)
    {
        var open = Deadlines.Open;
        var firstAnswers = FirstAnswers(db);
        var extensions = db.ExtensionRequests.Where(x => x.State == RequestState.Approved)
            .GroupBy(x => x.AssignmentId).Select(g => new { AssignmentId = g.Key, DueAtUtc = g.Max(x => x.RequestedDueAtUtc) });
        var contacts = db.Visits.Where(v => v.State == VisitState.Held && (v.Phase == VisitPhase.BeforeAnswer || v.Phase == VisitPhase.DuringHandling))
            .GroupBy(v => v.ItemId).Select(g => new { ItemId = g.Key, StartUtc = g.Min(v => v.StartUtc) });
        var latestIds = db.Evaluations.GroupBy(e => e.ItemId).Select(g => g.Max(e => e.Id));
        var latestEvaluations = db.Evaluations.Where(e => latestIds.Contains(e.Id));
        var firstEvaluationIds = db.Evaluations.GroupBy(e => e.ResponseId).Select(g => g.Min(e => e.Id));
        var firstEvaluations = db.Evaluations.Where(e => firstEvaluationIds.Contains(e.Id));
        var reHandlings = db.ReHandlings.GroupBy(r => r.ItemId).Select(g => new { ItemId = g.Key, Count = g.Count() });

        var rows =
            from a in duties
            join i in db.Items on a.ItemId equals i.Id
            join f in firstAnswers on new { a.ItemId, a.UnitId } equals new { f.ItemId, f.UnitId } into fs
            from f in fs.DefaultIfEmpty()
            join x in extensions on a.Id equals x.AssignmentId into xs
            from x in xs.DefaultIfEmpty()
            join c in contacts on a.ItemId equals c.ItemId into cs
            from c in cs.DefaultIfEmpty()
            join l in latestEvaluations on a.ItemId equals l.ItemId into ls
            from l in ls.DefaultIfEmpty()
            join fe in firstEvaluations on f.Id equals fe.ResponseId into fes
            from fe in fes.DefaultIfEmpty()
            join h in reHandlings on a.ItemId equals h.ItemId into hs
            from h in hs.DefaultIfEmpty()
            select new
            {
                a.ItemId, a.UnitId, i.State, i.IsDifficult, i.IsLongOverdue, i.SubmittedAtUtc, a.DueAtUtc,
                Deadline = (DateTime?)x.DueAtUtc ?? a.OriginalDueAtUtc,
                AnsweredAtUtc = f != null ? (DateTime?)f.AnsweredAtUtc : null,
                Category = f != null ? (ResponseCategory?)f.Category : null,
                ContactAtUtc = (DateTime?)c.StartUtc,
                Latest = l == null ? null
                    : l.Work == Satisfaction.Dissatisfied || l.Result == Satisfaction.Dissatisfied ? Verdict.Dissatisfied
                    : l.Work == Satisfaction.Satisfied && l.Result == Satisfaction.Satisfied ? Verdict.Satisfied
                    : (Verdict?)Verdict.BasicallySatisfied,
                First = fe == null ? null
                    : fe.Work == Satisfaction.Dissatisfied || fe.Result == Satisfaction.Dissatisfied ? Verdict.Dissatisfied
                    : fe.Work == Satisfaction.Satisfied && fe.Result == Satisfaction.Satisfied ? Verdict.Satisfied
                    : (Verdict?)Verdict.BasicallySatisfied,
                ReHandlings = (int?)h.Count ?? 0,
            };
        return rows.Select(r => new DutyFacts
        {
            ItemId = r.ItemId,
            UnitId = r.UnitId,
            ReceivedAtUtc = r.SubmittedAtUtc,
            AnsweredAtUtc = r.AnsweredAtUtc,
            Category = r.Category,
            OnTime = r.AnsweredAtUtc != null && r.AnsweredAtUtc <= r.Deadline,
            Contacted = r.AnsweredAtUtc != null && r.ContactAtUtc != null && r.ContactAtUtc <= r.AnsweredAtUtc,
            Latest = r.Latest,
            First = r.First,
            ReHandlings = r.ReHandlings,
            Overdue = open.Contains(r.State) && r.DueAtUtc < now,
            LongOverdueDifficult = r.IsDifficult && r.IsLongOverdue && open.Contains(r.State),
        });
    }
}
