using System.Linq.Expressions;
using Consultation.Data;
using Consultation.Items;
using Consultation.Outcomes;
using Consultation.Visits;

namespace Consultation.Review;

/// <summary>The items behind a figure: the same rows the figure counts, as a list of items.</summary>
public static class ReviewDrill
{
    /// <summary>The duties each figure counts, as in <see cref="ReviewQueries.ByUnitAsync"/>, given the time now.</summary>
    private static readonly Dictionary<string, Func<DateTime, Expression<Func<ReviewDuty, bool>>>> OnDuties = new()
    {
        ["received"] = _ => d => true,
        ["answered"] = _ => d => d.AnsweredAtUtc != null,
        ["onTime"] = _ => d => d.OnTime,
        ["late"] = _ => d => d.AnsweredAtUtc != null && !d.OnTime,
        ["contacted"] = _ => d => d.Contacted,
        ["notContacted"] = _ => d => d.AnsweredAtUtc != null && !d.Contacted,
        ["categoryA"] = _ => d => d.Category == ResponseCategory.A,
        ["categoryB"] = _ => d => d.Category == ResponseCategory.B,
        ["categoryC"] = _ => d => d.Category == ResponseCategory.C,
        ["categoryD"] = _ => d => d.Category == ResponseCategory.D,
        ["evaluated"] = _ => d => d.Latest != null,
        ["satisfied"] = _ => d => d.Latest == Verdict.Satisfied || d.Latest == Verdict.BasicallySatisfied,
        ["dissatisfied"] = _ => d => d.Latest == Verdict.Dissatisfied,
        ["firstEvaluated"] = _ => d => d.First != null,
        ["firstSatisfied"] = _ => d => d.First == Verdict.Satisfied || d.First == Verdict.BasicallySatisfied,
        ["reHandled"] = _ => d => d.ReHandlings > 0,
        ["overdue"] = now => d => d.AwaitingAnswer && d.DueAtUtc < now,
        ["longOverdueDifficult"] = _ => d => d.AwaitingAnswer && d.IsDifficult && d.IsLongOverdue,
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
            return scope.Duties(db).Where(onDuty(scope.Now)).Select(d => d.ItemId);
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
