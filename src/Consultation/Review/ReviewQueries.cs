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
        var now = scope.Now;
        var units = await scope.Duties(db)
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
                Overdue = g.Count(f => f.AwaitingAnswer && f.DueAtUtc < now),
                LongOverdueDifficult = g.Count(f => f.AwaitingAnswer && f.IsDifficult && f.IsLongOverdue),
            })
            .ToDictionaryAsync(c => c.UnitId);

        FigureCounts Row(int unit) =>
            units.TryGetValue(unit, out var row) ? row : units[unit] = new FigureCounts { UnitId = unit };

        var visits = await scope.Visits(db)
            .GroupBy(v => new { v.UnitId, v.State, v.Method })
            .Select(g => new { g.Key.UnitId, g.Key.State, g.Key.Method, Count = g.Count() })
            .ToListAsync();
        foreach (var v in visits)
            Row(v.UnitId).Visits[(int)v.Method].Add(v.State, v.Count);

        var commitments = await scope.OverdueCommitments(db)
            .GroupBy(c => c.UnitId).Select(g => new { Unit = g.Key, Count = g.Count() }).ToListAsync();
        foreach (var c in commitments)
            Row(c.Unit).OverdueCommitments = c.Count;

        return units.Values.OrderBy(u => u.UnitId).ToArray();
    }

    /// <summary>Per month in the office's zone: duties received, first answers given, visits held.</summary>
    public static async Task<MonthRow[]> TrendAsync(AppDbContext db, ReviewScope scope)
    {
        var duties = scope.Duties(db);
        var received = await duties.Where(d => d.ReceivedMonth != null).GroupBy(d => d.ReceivedMonth!.Value)
            .Select(g => new { Month = g.Key, Count = g.Count() }).ToDictionaryAsync(m => m.Month, m => m.Count);
        var answered = await duties.Where(d => d.AnsweredMonth != null).GroupBy(d => d.AnsweredMonth!.Value)
            .Select(g => new { Month = g.Key, Count = g.Count() }).ToDictionaryAsync(m => m.Month, m => m.Count);
        var held = await scope.Visits(db).Where(v => v.State == VisitState.Held).GroupBy(v => v.Month)
            .Select(g => new { Month = g.Key, Count = g.Count() }).ToDictionaryAsync(m => m.Month, m => m.Count);
        var all = received.Keys.Concat(answered.Keys).Concat(held.Keys).Select(m => m / 100 * 12 + m % 100 - 1).ToArray();
        if (all.Length == 0)
            return [];
        // Every month from the first to the last, so that a quiet month shows as zero rather than being skipped.
        return Enumerable.Range(all.Min(), all.Max() - all.Min() + 1)
            .Select(m => (Year: m / 12, Month: m % 12 + 1))
            .Select(m => (m.Year, m.Month, Key: m.Year * 100 + m.Month))
            .Select(m => new MonthRow($"{m.Year:0000}-{m.Month:00}",
                received.GetValueOrDefault(m.Key), answered.GetValueOrDefault(m.Key), held.GetValueOrDefault(m.Key)))
            .ToArray();
    }
}

public sealed record MonthRow(string Month, int Received, int Answered, int VisitsHeld);
