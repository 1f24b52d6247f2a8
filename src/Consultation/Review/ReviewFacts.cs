using Consultation.Data;
using Consultation.Items;
using Consultation.Outcomes;
using Consultation.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Consultation.Review;

/// <summary>
/// Keeps the facts the review counts stored where the figures read them, so that a figure over a whole year is one
/// pass over the duties instead of recomputing every unit's first answer, contact and evaluations per request:
/// on each duty (assignment) its first answer, whether it came on time and after a contact, and its first verdict;
/// on each item its latest verdict and re-handling count; on each commitment whether it is tracked.
/// <see cref="AppDbContext"/> refreshes the facts of every item a save touches, in the same transaction; the
/// definitions are written here once, over the item's own rows.
/// </summary>
public static class ReviewFacts
{
    /// <summary>The rows whose changes can change an item's facts.</summary>
    private static readonly HashSet<Type> Sources =
    [
        typeof(Item), typeof(Assignment), typeof(ExtensionRequest), typeof(Response), typeof(Evaluation),
        typeof(ReHandling), typeof(ReturnVisit), typeof(VisitRecord), typeof(Commitment),
    ];

    public static bool Concerns(Type entity) => Sources.Contains(entity);

    /// <summary>Computes the facts of these items again from their rows and writes those that changed.</summary>
    public static async Task RefreshAsync(AppDbContext db, IEnumerable<int> itemIds, DateTime now, CancellationToken cancellationToken = default)
    {
        foreach (var ids in itemIds.Distinct().Order().Chunk(500))
            await RefreshChunkAsync(db, ids, now, cancellationToken);
    }

    /// <summary>
    /// Computes the facts of the items that never had them (those written before the facts were stored), in batches
    /// with progress in the log. Runs at start after the migrations; a database already up to date costs one query.
    /// </summary>
    public static async Task ComputeMissingAsync(AppDbContext db, TimeProvider clock, ILogger log, CancellationToken cancellationToken = default)
    {
        var missing = await db.Items.CountAsync(i => i.FactsComputedAtUtc == null, cancellationToken);
        if (missing == 0)
            return;
        log.LogInformation("Computing the review facts of {Count} items", missing);
        for (var done = 0; ;)
        {
            var ids = await db.Items.Where(i => i.FactsComputedAtUtc == null).OrderBy(i => i.Id)
                .Select(i => i.Id).Take(2000).ToArrayAsync(cancellationToken);
            if (ids.Length == 0)
                break;
            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                await RefreshAsync(db, ids, clock.GetUtcNow().UtcDateTime, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            done += ids.Length;
            log.LogInformation("Review facts: {Done} of {Count} items", done, missing);
        }
    }

    private static async Task RefreshChunkAsync(AppDbContext db, int[] ids, DateTime now, CancellationToken cancellationToken)
    {
        var duties = await db.Assignments.AsNoTracking().Where(a => ids.Contains(a.ItemId)).ToListAsync(cancellationToken);
        var firstAnswers = (await db.Responses.Where(r => ids.Contains(r.ItemId) && !r.IsFollowUp && r.ReHandlingId == null)
                .Select(r => new { r.Id, r.ItemId, r.UnitId, r.AnsweredAtUtc, r.Category }).ToListAsync(cancellationToken))
            .GroupBy(r => (r.ItemId, r.UnitId)).ToDictionary(g => g.Key, g => g.MinBy(r => r.Id)!);
        var extendedTo = (await db.ExtensionRequests.Where(x => ids.Contains(x.ItemId) && x.State == RequestState.Approved)
                .Select(x => new { x.AssignmentId, x.RequestedDueAtUtc }).ToListAsync(cancellationToken))
            .GroupBy(x => x.AssignmentId).ToDictionary(g => g.Key, g => g.Max(x => x.RequestedDueAtUtc));
        var firstContact = (await db.Visits.Where(v => ids.Contains(v.ItemId) && v.State == VisitState.Held
                    && (v.Phase == VisitPhase.BeforeAnswer || v.Phase == VisitPhase.DuringHandling))
                .Select(v => new { v.ItemId, v.StartUtc }).ToListAsync(cancellationToken))
            .GroupBy(v => v.ItemId).ToDictionary(g => g.Key, g => g.Min(v => v.StartUtc));
        var evaluations = await db.Evaluations.Where(e => ids.Contains(e.ItemId))
            .Select(e => new { e.Id, e.ItemId, e.ResponseId, e.Work, e.Result }).ToListAsync(cancellationToken);
        var latestVerdict = evaluations.GroupBy(e => e.ItemId)
            .ToDictionary(g => g.Key, g => g.MaxBy(e => e.Id)!).ToDictionary(p => p.Key, p => Evaluation.VerdictOf(p.Value.Work, p.Value.Result));
        var firstVerdict = evaluations.GroupBy(e => e.ResponseId)
            .ToDictionary(g => g.Key, g => g.MinBy(e => e.Id)!).ToDictionary(p => p.Key, p => Evaluation.VerdictOf(p.Value.Work, p.Value.Result));
        var reHandlings = await db.ReHandlings.Where(r => ids.Contains(r.ItemId)).GroupBy(r => r.ItemId)
            .Select(g => new { ItemId = g.Key, Count = g.Count() }).ToDictionaryAsync(r => r.ItemId, r => r.Count, cancellationToken);

        foreach (var duty in duties)
        {
            var answer = firstAnswers.GetValueOrDefault((duty.ItemId, duty.UnitId));
            var deadline = extendedTo.TryGetValue(duty.Id, out var extended) ? extended : duty.OriginalDueAtUtc;
            DateTime? answeredAt = answer?.AnsweredAtUtc;
            var category = answer?.Category;
            var onTime = answeredAt <= deadline;
            var contacted = answeredAt is not null && firstContact.TryGetValue(duty.ItemId, out var contact) && contact <= answeredAt;
            var verdict = answer is not null && firstVerdict.TryGetValue(answer.Id, out var v) ? v : (Verdict?)null;
            if (duty.FirstAnsweredAtUtc == answeredAt && duty.FirstCategory == category && duty.AnsweredOnTime == onTime
                && duty.ContactedBeforeAnswer == contacted && duty.FirstVerdict == verdict)
                continue;
            await db.Assignments.Where(a => a.Id == duty.Id).ExecuteUpdateAsync(s => s
                .SetProperty(a => a.FirstAnsweredAtUtc, answeredAt)
                .SetProperty(a => a.FirstCategory, category)
                .SetProperty(a => a.AnsweredOnTime, onTime)
                .SetProperty(a => a.ContactedBeforeAnswer, contacted)
                .SetProperty(a => a.FirstVerdict, verdict), cancellationToken);
        }

        var items = await db.Items.Where(i => ids.Contains(i.Id))
            .Select(i => new { i.Id, i.LatestVerdict, i.ReHandlingCount, i.FactsComputedAtUtc }).ToListAsync(cancellationToken);
        foreach (var item in items)
        {
            var latest = latestVerdict.TryGetValue(item.Id, out var l) ? l : (Verdict?)null;
            var count = reHandlings.GetValueOrDefault(item.Id);
            if (item.LatestVerdict == latest && item.ReHandlingCount == count && item.FactsComputedAtUtc is not null)
                continue;
            await db.Items.Where(i => i.Id == item.Id).ExecuteUpdateAsync(s => s
                .SetProperty(i => i.LatestVerdict, latest)
                .SetProperty(i => i.ReHandlingCount, count)
                .SetProperty(i => i.FactsComputedAtUtc, i => i.FactsComputedAtUtc ?? now), cancellationToken);
        }

        await RefreshTrackedAsync(db, ids, cancellationToken);
    }

    /// <summary>A commitment is tracked when its record is its visit's current record and it was not withdrawn.</summary>
    private static async Task RefreshTrackedAsync(AppDbContext db, int[] ids, CancellationToken cancellationToken)
    {
        var commitments = await db.Commitments.Where(c => ids.Contains(c.ItemId))
            .Select(c => new { c.Id, c.RecordId, c.WithdrawnAtUtc, c.IsTracked }).ToListAsync(cancellationToken);
        if (commitments.Count == 0)
            return;
        var records = await db.VisitRecords.AsNoTracking().Where(r => ids.Contains(r.ItemId)).ToListAsync(cancellationToken);
        var byVisit = records.ToLookup(r => r.VisitId);
        var current = records.Where(r => RecordHistory.IsCurrent(r, byVisit[r.VisitId])).Select(r => r.Id).ToHashSet();
        foreach (var commitment in commitments)
        {
            var tracked = commitment.WithdrawnAtUtc is null && current.Contains(commitment.RecordId);
            if (commitment.IsTracked != tracked)
                await db.Commitments.Where(c => c.Id == commitment.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.IsTracked, tracked), cancellationToken);
        }
    }
}
