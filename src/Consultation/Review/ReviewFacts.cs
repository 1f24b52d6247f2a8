using Consultation.Data;
using Consultation.Items;
using Consultation.Outcomes;
using Consultation.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Consultation.Review;

/// <summary>
/// Writes the review's rows (<see cref="ReviewRow"/>): for every item a save touches, <see cref="AppDbContext"/>
/// has its rows computed again from the item's own rows and replaced, in the same transaction. The definitions of
/// the facts are written here once: first answer, on time, contact before the answer, first and latest verdicts,
/// re-handlings, tracked commitments.
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

    /// <summary>Computes the review rows of these items again from the items' own rows and replaces them.</summary>
    public static async Task RefreshAsync(AppDbContext db, IEnumerable<int> itemIds, DateTime now, CancellationToken cancellationToken = default)
    {
        foreach (var ids in itemIds.Distinct().Order().Chunk(500))
            await RefreshChunkAsync(db, ids, now, cancellationToken);
    }

    /// <summary>
    /// Computes the review rows of the items that never had them (those written before the rows existed), in
    /// batches with progress in the log. Runs at start after the migrations; a database already up to date costs one query.
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
        // Writing the items first locks them until the transaction ends: two saves on one item (PostgreSQL and SQL
        // Server let them run at once) compute its rows one after the other, the second from what the first committed,
        // instead of both deleting the old rows and inserting the same new ones.
        await db.Items.Where(i => ids.Contains(i.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.FactsComputedAtUtc, now), cancellationToken);
        var items = await db.Items.AsNoTracking().Where(i => ids.Contains(i.Id) && i.Number != null && i.State != ItemState.Rejected)
            .ToListAsync(cancellationToken);
        var duties = await db.Assignments.AsNoTracking().Where(a => ids.Contains(a.ItemId)
            && a.State == AssignmentState.Active && a.Role != AssignmentRole.Co).ToListAsync(cancellationToken);
        var firstAnswers = (await db.Responses.Where(r => ids.Contains(r.ItemId) && !r.IsFollowUp && r.ReHandlingId == null)
                .Select(r => new { r.Id, r.ItemId, r.UnitId, r.AnsweredAtUtc, r.Category }).ToListAsync(cancellationToken))
            .GroupBy(r => (r.ItemId, r.UnitId)).ToDictionary(g => g.Key, g => g.MinBy(r => r.Id)!);
        var extendedTo = (await db.ExtensionRequests.Where(x => ids.Contains(x.ItemId) && x.State == RequestState.Approved)
                .Select(x => new { x.AssignmentId, x.RequestedDueAtUtc }).ToListAsync(cancellationToken))
            .GroupBy(x => x.AssignmentId).ToDictionary(g => g.Key, g => g.Max(x => x.RequestedDueAtUtc));
        var visits = await db.Visits.Where(v => ids.Contains(v.ItemId))
            .Select(v => new { v.Id, v.ItemId, v.LeadUnitId, v.State, v.Method, v.Phase, v.StartUtc }).ToListAsync(cancellationToken);
        var firstContact = visits.Where(v => v.State == VisitState.Held && v.Phase is VisitPhase.BeforeAnswer or VisitPhase.DuringHandling)
            .GroupBy(v => v.ItemId).ToDictionary(g => g.Key, g => g.Min(v => v.StartUtc));
        var evaluations = await db.Evaluations.Where(e => ids.Contains(e.ItemId))
            .Select(e => new { e.Id, e.ItemId, e.ResponseId, Verdict = Evaluation.VerdictOf(e.Work, e.Result) }).ToListAsync(cancellationToken);
        var latestVerdict = evaluations.GroupBy(e => e.ItemId).ToDictionary(g => g.Key, g => g.MaxBy(e => e.Id)!.Verdict);
        var firstVerdict = evaluations.GroupBy(e => e.ResponseId).ToDictionary(g => g.Key, g => g.MinBy(e => e.Id)!.Verdict);
        var reHandlings = await db.ReHandlings.Where(r => ids.Contains(r.ItemId)).GroupBy(r => r.ItemId)
            .Select(g => new { ItemId = g.Key, Count = g.Count() }).ToDictionaryAsync(r => r.ItemId, r => r.Count, cancellationToken);
        var tracked = await RefreshTrackedAsync(db, ids, cancellationToken);

        var counted = items.ToDictionary(i => i.Id);
        var rows = new List<ReviewRow>();
        foreach (var duty in duties.Where(d => counted.ContainsKey(d.ItemId)))
        {
            var item = counted[duty.ItemId];
            var answer = firstAnswers.GetValueOrDefault((duty.ItemId, duty.UnitId));
            var deadline = extendedTo.TryGetValue(duty.Id, out var extended) ? extended : duty.OriginalDueAtUtc;
            rows.Add(Describe(item, new ReviewDuty
            {
                Id = duty.Id, UnitId = duty.UnitId,
                ReceivedMonth = Month(item.SubmittedAtUtc),
                AnsweredAtUtc = answer?.AnsweredAtUtc,
                AnsweredMonth = Month(answer?.AnsweredAtUtc),
                Category = answer?.Category,
                OnTime = answer is not null && answer.AnsweredAtUtc <= deadline,
                Contacted = answer is not null && firstContact.TryGetValue(duty.ItemId, out var contact) && contact <= answer.AnsweredAtUtc,
                Latest = latestVerdict.TryGetValue(duty.ItemId, out var latest) ? latest : null,
                First = answer is not null && firstVerdict.TryGetValue(answer.Id, out var first) ? first : null,
                ReHandlings = reHandlings.GetValueOrDefault(duty.ItemId),
                DueAtUtc = duty.DueAtUtc,
                AwaitingAnswer = Deadlines.Open.Contains(item.State),
            }));
        }
        foreach (var visit in visits.Where(v => counted.ContainsKey(v.ItemId)))
            rows.Add(Describe(counted[visit.ItemId], new ReviewVisit
            {
                Id = visit.Id, UnitId = visit.LeadUnitId, State = visit.State, Method = visit.Method, Month = Month(visit.StartUtc)!.Value,
            }));
        foreach (var commitment in tracked.Where(c => counted.ContainsKey(c.ItemId)))
            rows.Add(Describe(counted[commitment.ItemId], new ReviewCommitment
            {
                Id = commitment.Id, UnitId = commitment.OwnerUnitId, DueAtUtc = commitment.DueAtUtc, Done = commitment.DoneAtUtc is not null,
            }));

        await db.ReviewDuties.Where(r => ids.Contains(r.ItemId)).ExecuteDeleteAsync(cancellationToken);
        await db.ReviewVisits.Where(r => ids.Contains(r.ItemId)).ExecuteDeleteAsync(cancellationToken);
        await db.ReviewCommitments.Where(r => ids.Contains(r.ItemId)).ExecuteDeleteAsync(cancellationToken);
        db.AddRange(rows);
        await db.SaveChangesAsync(cancellationToken);
        // Rows are replaced, never updated: the next refresh of these items must not meet them in the change tracker.
        foreach (var row in rows)
            db.Entry(row).State = EntityState.Detached;
    }

    /// <summary>The item's filter values, copied onto its row.</summary>
    private static T Describe<T>(Item item, T row) where T : ReviewRow
    {
        row.ItemId = item.Id;
        row.SessionId = item.SessionId;
        row.Kind = item.Kind;
        row.ReceivedAtUtc = item.SubmittedAtUtc;
        row.IsUrgent = item.IsUrgent;
        row.IsTroublesome = item.IsTroublesome;
        row.IsDifficult = item.IsDifficult;
        row.IsKey = item.IsKey;
        row.IsLongOverdue = item.IsLongOverdue;
        return row;
    }

    /// <summary>The month in the office's zone, as yyyyMM.</summary>
    private static int? Month(DateTime? utc)
    {
        if (utc is not { } at)
            return null;
        var local = at + ReviewScope.Offset;
        return local.Year * 100 + local.Month;
    }

    /// <summary>
    /// Sets <see cref="Commitment.IsTracked"/> on the items' commitments (of the visit's current record, not
    /// withdrawn) and returns the tracked ones.
    /// </summary>
    private static async Task<List<Commitment>> RefreshTrackedAsync(AppDbContext db, int[] ids, CancellationToken cancellationToken)
    {
        var commitments = await db.Commitments.AsNoTracking().Where(c => ids.Contains(c.ItemId)).ToListAsync(cancellationToken);
        if (commitments.Count == 0)
            return commitments;
        var records = await db.VisitRecords.AsNoTracking().Where(r => ids.Contains(r.ItemId)).ToListAsync(cancellationToken);
        var byVisit = records.ToLookup(r => r.VisitId);
        var current = records.Where(r => RecordHistory.IsCurrent(r, byVisit[r.VisitId])).Select(r => r.Id).ToHashSet();
        var result = new List<Commitment>();
        foreach (var commitment in commitments)
        {
            var isTracked = commitment.WithdrawnAtUtc is null && current.Contains(commitment.RecordId);
            if (commitment.IsTracked != isTracked)
                await db.Commitments.Where(c => c.Id == commitment.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.IsTracked, isTracked), cancellationToken);
            if (isTracked)
                result.Add(commitment);
        }
        return result;
    }
}
