using Consultation.Items;
using Consultation.Outcomes;

namespace Consultation.Review;

/// <summary>
/// What the review knows about one duty (a unit's active lead or separate assignment on an item), read from what
/// <see cref="ReviewFacts"/> stored. Every figure, the ranking and every drill-down are counts over these rows, so
/// they agree.
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

/// <summary>The duties' facts as stored by <see cref="ReviewFacts"/>, with what depends on the clock computed now.</summary>
public static class DutyFactsQuery
{
    public static IQueryable<DutyFacts> Facts(this IQueryable<Assignment> duties, DateTime now)
    {
        var open = Deadlines.Open;
        return duties.Select(a => new DutyFacts
        {
            ItemId = a.ItemId,
            UnitId = a.UnitId,
            ReceivedAtUtc = a.Item!.SubmittedAtUtc,
            AnsweredAtUtc = a.FirstAnsweredAtUtc,
            Category = a.FirstCategory,
            OnTime = a.AnsweredOnTime,
            Contacted = a.ContactedBeforeAnswer,
            Latest = a.Item.LatestVerdict,
            First = a.FirstVerdict,
            ReHandlings = a.Item.ReHandlingCount,
            Overdue = open.Contains(a.Item.State) && a.DueAtUtc < now,
            LongOverdueDifficult = a.Item.IsDifficult && a.Item.IsLongOverdue && open.Contains(a.Item.State),
        });
    }
}
