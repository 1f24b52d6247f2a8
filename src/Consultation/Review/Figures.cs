using Consultation.Visits;

namespace Consultation.Review;

/// <summary>
/// The counts behind every figure, for one unit or for all the units asked about. Rates are derived from them:
/// see <see cref="Figures"/>.
/// </summary>
public sealed class FigureCounts
{
    public int UnitId { get; init; }
    /// <summary>Duties (items assigned to a unit to answer) of items in scope.</summary>
    public int Received { get; set; }
    public int Answered { get; set; }
    public int AnsweredOnTime { get; set; }
    public int Contacted { get; set; }
    public int CategoryA { get; set; }
    public int CategoryB { get; set; }
    public int CategoryC { get; set; }
    public int CategoryD { get; set; }
    public int Evaluated { get; set; }
    public int Satisfied { get; set; }
    public int BasicallySatisfied { get; set; }
    public int Dissatisfied { get; set; }
    public int FirstEvaluated { get; set; }
    public int FirstSatisfied { get; set; }
    /// <summary>Re-handlings opened by dissatisfied evaluations.</summary>
    public int ReHandlings { get; set; }
    public int Overdue { get; set; }
    public int LongOverdueDifficult { get; set; }
    /// <summary>Commitments owned by the unit, past due and not done, of each visit's current record (see RecordHistory).</summary>
    public int OverdueCommitments { get; set; }
    public VisitCounts[] Visits { get; set; } = VisitCounts.Empty();

    public void Add(FigureCounts other)
    {
        Received += other.Received; Answered += other.Answered; AnsweredOnTime += other.AnsweredOnTime; Contacted += other.Contacted;
        CategoryA += other.CategoryA; CategoryB += other.CategoryB; CategoryC += other.CategoryC; CategoryD += other.CategoryD;
        Evaluated += other.Evaluated; Satisfied += other.Satisfied; BasicallySatisfied += other.BasicallySatisfied;
        Dissatisfied += other.Dissatisfied; FirstEvaluated += other.FirstEvaluated; FirstSatisfied += other.FirstSatisfied;
        ReHandlings += other.ReHandlings; Overdue += other.Overdue; LongOverdueDifficult += other.LongOverdueDifficult;
        OverdueCommitments += other.OverdueCommitments;
        foreach (var v in other.Visits)
            Visits[(int)v.Method].Add(v);
    }
}

/// <summary>Visits of one method by state; "scheduled" are those still to take place (not held, missed or cancelled).</summary>
public sealed class VisitCounts
{
    public VisitMethod Method { get; init; }
    public int Scheduled { get; set; }
    public int Held { get; set; }
    public int NoShow { get; set; }
    public int Cancelled { get; set; }

    public static VisitCounts[] Empty() => Enum.GetValues<VisitMethod>().Select(m => new VisitCounts { Method = m }).ToArray();

    public void Add(VisitCounts other)
    {
        Scheduled += other.Scheduled; Held += other.Held; NoShow += other.NoShow; Cancelled += other.Cancelled;
    }

    public void Add(VisitState state, int count)
    {
        switch (state)
        {
            case VisitState.Scheduled: Scheduled += count; break;
            case VisitState.Held: Held += count; break;
            case VisitState.NoShow: NoShow += count; break;
            case VisitState.Cancelled: Cancelled += count; break;
        }
    }
}

/// <summary>
/// The figures of one unit (or of all), with their rates; a rate is null when nothing was there to count.
/// On-time rate = answered on time / answered. Contact rate = answered after a contact / answered.
/// Satisfaction rate = (satisfied + basically satisfied) / evaluated, on each item's latest evaluation.
/// First-time satisfaction rate = first answers evaluated satisfied or basically satisfied / first answers evaluated.
/// </summary>
public sealed record Figures(
    int? UnitId, string? UnitName, int Received, int Answered, int AnsweredOnTime, double? OnTimeRate,
    int Contacted, double? ContactRate, int CategoryA, int CategoryB, int CategoryC, int CategoryD,
    int Evaluated, int Satisfied, int BasicallySatisfied, int Dissatisfied, double? SatisfactionRate,
    int FirstEvaluated, int FirstSatisfied, double? FirstTimeSatisfactionRate, int ReHandlings,
    int VisitsScheduled, int VisitsHeld, int VisitsNoShow, int VisitsCancelled, VisitCounts[] VisitsByMethod,
    int Overdue, int OverdueCommitments, int LongOverdueDifficult)
{
    public static Figures Of(FigureCounts c, int? unitId, string? unitName) => new(
        unitId, unitName, c.Received, c.Answered, c.AnsweredOnTime, Rate(c.AnsweredOnTime, c.Answered),
        c.Contacted, Rate(c.Contacted, c.Answered), c.CategoryA, c.CategoryB, c.CategoryC, c.CategoryD,
        c.Evaluated, c.Satisfied, c.BasicallySatisfied, c.Dissatisfied, Rate(c.Satisfied + c.BasicallySatisfied, c.Evaluated),
        c.FirstEvaluated, c.FirstSatisfied, Rate(c.FirstSatisfied, c.FirstEvaluated), c.ReHandlings,
        c.Visits.Sum(v => v.Scheduled), c.Visits.Sum(v => v.Held), c.Visits.Sum(v => v.NoShow), c.Visits.Sum(v => v.Cancelled),
        c.Visits, c.Overdue, c.OverdueCommitments, c.LongOverdueDifficult);

    /// <summary>A share in percent with one decimal, as the office publishes it.</summary>
    public static double? Rate(int part, int whole) => whole == 0 ? null : Math.Round(100.0 * part / whole, 1);
}
