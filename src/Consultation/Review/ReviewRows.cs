using Consultation.Items;
using Consultation.Outcomes;
using Consultation.Visits;

namespace Consultation.Review;

/// <summary>
/// What the review counts, one narrow row per thing counted, written by <see cref="ReviewFacts"/> whenever the item
/// changes (never by hand). Each row carries the item's filter values, so that a figure over a whole year is one
/// scan of one table: no join back to the items, no lookup per row. Only registered items that were not rejected
/// have rows. Months are counted in the office's zone, as yyyyMM.
/// </summary>
public abstract class ReviewRow : IItemTags
{
    /// <summary>The id of the row counted: the assignment, the visit or the commitment.</summary>
    public int Id { get; set; }
    public int ItemId { get; set; }
    /// <summary>The unit answering, leading the visit or owning the commitment.</summary>
    public int UnitId { get; set; }

    public int SessionId { get; set; }
    public ItemKind Kind { get; set; }
    /// <summary>When the item was received: submitted online or registered from paper.</summary>
    public DateTime? ReceivedAtUtc { get; set; }
    public bool IsUrgent { get; set; }
    public bool IsTroublesome { get; set; }
    public bool IsDifficult { get; set; }
    public bool IsKey { get; set; }
    public bool IsLongOverdue { get; set; }
}

/// <summary>A duty: a unit's active lead or separate assignment on an item (the units that answer).</summary>
public sealed class ReviewDuty : ReviewRow
{
    public int? ReceivedMonth { get; set; }
    /// <summary>The unit's first answer: not a follow-up of a B/C item, not the answer to a re-handling.</summary>
    public DateTime? AnsweredAtUtc { get; set; }
    public int? AnsweredMonth { get; set; }
    public ResponseCategory? Category { get; set; }
    /// <summary>Answered by the deadline: the one set at assignment, or the last extension the office approved.</summary>
    public bool OnTime { get; set; }
    /// <summary>A held visit of phase before-answer or during-handling started no later than the first answer.</summary>
    public bool Contacted { get; set; }
    /// <summary>The item's latest evaluation, and the evaluation of this unit's first answer.</summary>
    public Verdict? Latest { get; set; }
    public Verdict? First { get; set; }
    public int ReHandlings { get; set; }
    /// <summary>The current deadline (the one the deadline watch uses), and whether the item still waits for an answer.</summary>
    public DateTime DueAtUtc { get; set; }
    public bool AwaitingAnswer { get; set; }
}

/// <summary>A return visit of the item, by the unit that leads it.</summary>
public sealed class ReviewVisit : ReviewRow
{
    public VisitState State { get; set; }
    public VisitMethod Method { get; set; }
    public int Month { get; set; }
}

/// <summary>A tracked commitment (of its visit's current record, not withdrawn), by its owner unit.</summary>
public sealed class ReviewCommitment : ReviewRow
{
    public DateTime DueAtUtc { get; set; }
    public bool Done { get; set; }
}
