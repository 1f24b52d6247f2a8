using Consultation.Data;
using Consultation.Items;
using Consultation.Outcomes;
using Consultation.Visits;
using Microsoft.EntityFrameworkCore;

namespace Consultation.Review;

/// <summary>One aggregate query per kind of row: duties by unit, visits by unit, state and method, commitments by unit.</summary>
public static class ReviewQueries
{
    /// <summary>The figures of each unit in scope (a unit with no duty, visit or commitment has no row), ordered by unit id.</summary>
    public static async Task<FigureCounts[]> ByUnitAsync(AppDbContext db, ReviewScope scope)
    {
        var units = await scope.Duties(db).Facts(scope.Now)
            .GroupBy(f => f.UnitId)
            .Select(g => new FigureCounts
            {
                UnitId = g.Key,
                Received = g.Count(),
                Answered = g.Count(f => f.AnsweredAtUtc != null),
                AnsweredOnTime = g.Count(f => f.OnTime),
                Contacted = g.Count(f => f.Contacted),
                CategoryA = g.Count(f => f.Category == ResponseCategory.A),
                CategoryB = g.Count(f => f.Category == ResponseCategory.B),
                CategoryC = g.Count(f => f.Category == ResponseCategory.C),
                CategoryD = g.Count(f => f.Category == ResponseCategory.D),
                Evaluated = g.Count(f => f.Latest != null),
                Satisfied = g.Count(f => f.Latest == Verdict.Satisfied),
                BasicallySatisfied = g.Count(f => f.Latest == Verdict.BasicallySatisfied),
                Dissatisfied = g.Count(f => f.Latest == Verdict.Dissatisfied),
                FirstEvaluated = g.Count(f => f.First != null),
                FirstSatisfied = g.Count(f => f.First == Verdict.Satisfied || f.First == Verdict.BasicallySatisfied),
                ReHandlings = g.Sum(f => f.ReHandlings),
                Overdue = g.Count(f => f.Overdue),
                LongOverdueDifficult = g.Count(f => f.LongOverdueDifficult),
            })
            .ToDictionaryAsync(c => c.UnitId);

        FigureCounts Row(int unit) =>
            units.TryGetValue(unit, out var row) ? row : units[unit] = new FigureCounts { UnitId = unit };

        var visits = await Visits(db, scope)
            .GroupBy(v => new { v.LeadUnitId, v.State, v.Method })
            .Select(g => new { g.Key.LeadUnitId, g.Key.State, g.Key.Method, Count = g.Count() })
            .ToListAsync();
        foreach (var v in visits)
            Row(v.LeadUnitId).Visits[(int)v.Method].Add(v.State, v.Count);

        var commitments = await OverdueCommitments(db, scope)
            .GroupBy(c => c.OwnerUnitId).Select(g => new { Unit = g.Key, Count = g.Count() }).ToListAsync();
        foreach (var c in commitments)
            Row(c.Unit).OverdueCommitments = c.Count;

        return units.Values.OrderBy(u => u.UnitId).ToArray();
    }

    /// <summary>Visits of the items in scope, led by the chosen unit when there is one.</summary>
    public static IQueryable<ReturnVisit> Visits(AppDbContext db, ReviewScope scope)
    {
        var items = scope.Items(db);
        var visits = db.Visits.Where(v => items.Any(i => i.Id == v.ItemId));
        return scope.UnitId is { } unit ? visits.Where(v => v.LeadUnitId == unit) : visits;
    }

    /// <summary>Commitments of the items in scope past their due date and not done, from records that no later record amends.</summary>
    public static IQueryable<Commitment> OverdueCommitments(AppDbContext db, ReviewScope scope)
    {
        var items = scope.Items(db);
        var now = scope.Now;
        var commitments = db.Commitments.Overdue(now).Where(c => items.Any(i => i.Id == c.ItemId));
        return scope.UnitId is { } unit ? commitments.Where(c => c.OwnerUnitId == unit) : commitments;
    }

    /// <summary>Per month in the office's zone: duties received, first answers given, visits held.</summary>
    public static async Task<MonthRow[]> TrendAsync(AppDbContext db, ReviewScope scope)
    {
        var hours = ReviewScope.Offset.TotalHours;
        var duties = scope.Duties(db);
        var received = await duties.Where(a => a.Item!.SubmittedAtUtc != null)
            .Select(a => a.Item!.SubmittedAtUtc!.Value.AddHours(hours))
            .GroupBy(d => new { d.Year, d.Month }).Select(g => new { g.Key.Year, g.Key.Month, Count = g.Count() }).ToListAsync();
        var answered = await duties.Where(a => a.FirstAnsweredAtUtc != null)
            .Select(a => a.FirstAnsweredAtUtc!.Value.AddHours(hours))
            .GroupBy(d => new { d.Year, d.Month }).Select(g => new { g.Key.Year, g.Key.Month, Count = g.Count() }).ToListAsync();
        var held = await Visits(db, scope).Where(v => v.State == VisitState.Held)
            .Select(v => v.StartUtc.AddHours(hours))
            .GroupBy(d => new { d.Year, d.Month }).Select(g => new { g.Key.Year, g.Key.Month, Count = g.Count() }).ToListAsync();
        var all = received.Select(r => r.Year * 12 + r.Month - 1).Concat(answered.Select(a => a.Year * 12 + a.Month - 1))
            .Concat(held.Select(h => h.Year * 12 + h.Month - 1)).ToArray();
        if (all.Length == 0)
            return [];
        // Every month from the first to the last, so that a quiet month shows as zero rather than being skipped.
        return Enumerable.Range(all.Min(), all.Max() - all.Min() + 1)
            .Select(m => (Year: m / 12, Month: m % 12 + 1))
            .Select(m => new MonthRow($"{m.Year:0000}-{m.Month:00}",
                received.FirstOrDefault(r => r.Year == m.Year && r.Month == m.Month)?.Count ?? 0,
                answered.FirstOrDefault(r => r.Year == m.Year && r.Month == m.Month)?.Count ?? 0,
                held.FirstOrDefault(r => r.Year == m.Year && r.Month == m.Month)?.Count ?? 0))
            .ToArray();
    }
}

public sealed record MonthRow(string Month, int Received, int Answered, int VisitsHeld);
