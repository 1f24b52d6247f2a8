using System.Linq.Expressions;
using Consultation.Data;
using Consultation.Items;
using Consultation.Outcomes;
using Consultation.Visits;

namespace Consultation.Review;

/// <summary>The items behind a figure: the same rows the figure counts, as a list of items.</summary>
public static class ReviewDrill
{
    private static readonly Dictionary<string, Expression<Func<DutyFacts, bool>>> OnDuties = new()
    {
        ["received"] = f => true,
        ["answered"] = f => f.AnsweredAtUtc != null,
        ["onTime"] = f => f.OnTime,
        ["late"] = f => f.AnsweredAtUtc != null && !f.OnTime,
        ["contacted"] = f => f.Contacted,
        ["notContacted"] = f => f.AnsweredAtUtc != null && !f.Contacted,
        ["categoryA"] = f => f.Category == ResponseCategory.A,
        ["categoryB"] = f => f.Category == ResponseCategory.B,
        ["categoryC"] = f => f.Category == ResponseCategory.C,
        ["categoryD"] = f => f.Category == ResponseCategory.D,
        ["evaluated"] = f => f.Latest != null,
        ["satisfied"] = f => f.Latest == Verdict.Satisfied || f.Latest == Verdict.BasicallySatisfied,
        ["dissatisfied"] = f => f.Latest == Verdict.Dissatisfied,
        ["firstEvaluated"] = f => f.First != null,
        ["firstSatisfied"] = f => f.First == Verdict.Satisfied || f.First == Verdict.BasicallySatisfied,
        ["reHandled"] = f => f.ReHandlings > 0,
        ["overdue"] = f => f.Overdue,
        ["longOverdueDifficult"] = f => f.LongOverdueDifficult,
    };

    private static readonly Dictionary<string, VisitState> OnVisits = new()
    {
        ["visitsScheduled"] = VisitState.Scheduled,
        ["visitsHeld"] = VisitState.Held,
        ["visitsNoShow"] = VisitState.NoShow,
        ["visitsCancelled"] = VisitState.Cancelled,
    };

    public static IEnumerable<string> Keys => OnDuties.Keys.Concat(OnVisits.Keys).Append("overdueCommitments");

    public static bool IsKnown(string? figure) => figure is not null && Keys.Contains(figure);

    /// <summary>The ids of the items behind the figure; a visit figure may be narrowed to one method.</summary>
    public static IQueryable<int> ItemIds(AppDbContext db, ReviewScope scope, string figure, VisitMethod? method)
    {
        if (OnDuties.TryGetValue(figure, out var onDuty))
            return scope.Duties(db).Facts(scope.Now).Where(onDuty).Select(f => f.ItemId);
        if (OnVisits.TryGetValue(figure, out var state))
        {
            var visits = ReviewQueries.Visits(db, scope).Where(v => v.State == state);
            if (method is { } m) visits = visits.Where(v => v.Method == m);
            return visits.Select(v => v.ItemId);
        }
        return ReviewQueries.OverdueCommitments(db, scope).Select(c => c.ItemId);
    }

    public static IQueryable<Item> Items(AppDbContext db, ReviewScope scope, string figure, VisitMethod? method)
    {
        var ids = ItemIds(db, scope, figure, method);
        return db.Items.Where(i => ids.Contains(i.Id));
    }
}
