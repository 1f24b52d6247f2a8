using System.Linq.Expressions;
using Consultation.Data;
using Consultation.Items;
using Consultation.Outcomes;
using Consultation.Visits;

namespace Consultation.Review;

/// <summary>The items behind a figure: the same rows the figure counts, as a list of items.</summary>
public static class ReviewDrill
{
    private static readonly string[] DutyFigures =
    [
        "received", "answered", "onTime", "late", "contacted", "notContacted", "categoryA", "categoryB", "categoryC", "categoryD",
        "evaluated", "satisfied", "dissatisfied", "firstEvaluated", "firstSatisfied", "reHandled", "overdue", "longOverdueDifficult",
    ];

    /// <summary>The duties a figure counts, as in <see cref="ReviewQueries.ByUnitAsync"/>.</summary>
    private static Expression<Func<ReviewDuty, bool>> OnDuty(string figure, DateTime now) => figure switch
    {
        "received" => d => true,
        "answered" => d => d.AnsweredAtUtc != null,
        "onTime" => d => d.OnTime,
        "late" => d => d.AnsweredAtUtc != null && !d.OnTime,
        "contacted" => d => d.Contacted,
        "notContacted" => d => d.AnsweredAtUtc != null && !d.Contacted,
        "categoryA" => d => d.Category == ResponseCategory.A,
        "categoryB" => d => d.Category == ResponseCategory.B,
        "categoryC" => d => d.Category == ResponseCategory.C,
        "categoryD" => d => d.Category == ResponseCategory.D,
        "evaluated" => d => d.Latest != null,
        "satisfied" => d => d.Latest == Verdict.Satisfied || d.Latest == Verdict.BasicallySatisfied,
        "dissatisfied" => d => d.Latest == Verdict.Dissatisfied,
        "firstEvaluated" => d => d.First != null,
        "firstSatisfied" => d => d.First == Verdict.Satisfied || d.First == Verdict.BasicallySatisfied,
        "reHandled" => d => d.ReHandlings > 0,
        "overdue" => d => d.AwaitingAnswer && d.DueAtUtc < now,
        "longOverdueDifficult" => d => d.AwaitingAnswer && d.IsDifficult && d.IsLongOverdue,
        _ => throw new ArgumentOutOfRangeException(nameof(figure), figure, "Not a figure counted on duties."),
    };

    private static readonly Dictionary<string, VisitState> OnVisits = new()
    {
        ["visitsScheduled"] = VisitState.Scheduled,
        ["visitsHeld"] = VisitState.Held,
        ["visitsNoShow"] = VisitState.NoShow,
        ["visitsCancelled"] = VisitState.Cancelled,
    };

    public static IEnumerable<string> Keys => DutyFigures.Concat(OnVisits.Keys).Append("overdueCommitments");

    public static bool IsKnown(string? figure) => figure is not null && Keys.Contains(figure);

    /// <summary>The ids of the items behind the figure; a visit figure may be narrowed to one method.</summary>
    public static IQueryable<int> ItemIds(AppDbContext db, ReviewScope scope, string figure, VisitMethod? method)
    {
        if (DutyFigures.Contains(figure))
            return scope.Duties(db).Where(OnDuty(figure, scope.Now)).Select(d => d.ItemId);
        if (OnVisits.TryGetValue(figure, out var state))
        {
            var visits = scope.Visits(db).Where(v => v.State == state);
            if (method is { } m) visits = visits.Where(v => v.Method == m);
            return visits.Select(v => v.ItemId);
        }
        return scope.OverdueCommitments(db).Select(c => c.ItemId);
    }

    public static IQueryable<Item> Items(AppDbContext db, ReviewScope scope, string figure, VisitMethod? method)
    {
        var ids = ItemIds(db, scope, figure, method);
        return db.Items.Where(i => ids.Contains(i.Id));
    }
}
