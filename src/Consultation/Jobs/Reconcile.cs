using Consultation.Data;
using Consultation.Items;
using Consultation.Notifications;
using Consultation.Visits;
using Hangfire;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Consultation.Jobs;

/// <summary>
/// Our tables are the source of truth for what is due; Hangfire is only the trigger. Every minute this job
/// re-plans the visits and answers that still have work ahead, re-creates any job that went missing from
/// Hangfire's storage, and retries messages whose sending was interrupted.
/// </summary>
[AutomaticRetry(Attempts = 0)]
[DisableConcurrentExecution(timeoutInSeconds: 60)]
public sealed class Reconcile(AppDbContext db, JobScheduler scheduler, JobStorage storage, EffectLedger ledger,
    IOptions<VisitSettings> settings, TimeProvider clock, ILogger<Reconcile> log)
{
    public const string RecurringId = "reconcile";
    public const int ChecksPerRun = 500;

    // Where the last run's turn over the open slots stopped; one reconcile runs at a time.
    private static long _checkedUpTo;

    public async Task RunAsync()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var horizon = now - settings.Value.CloseAfterEnd - TimeSpan.FromHours(1);
        // Visits with work ahead whose slots differ from their plan (a slot missing, or left from an older plan) are
        // brought in line. Comparing in memory first keeps a run short with thousands of visits ahead: the job server
        // on SQLite has one worker, and reminders wait while this runs.
        var ahead = db.Visits.Where(v => (v.State == VisitState.Scheduled && v.EndUtc > horizon)
                                         || (v.State == VisitState.Cancelled && v.StartUtc > now));
        var visits = await ahead.AsNoTracking().ToListAsync();
        var slots = (await db.ScheduledJobs.AsNoTracking().Where(j => ahead.Any(v => v.Id == j.VisitId)).ToListAsync())
            .ToLookup(j => j.VisitId!.Value);
        foreach (var visit in visits.Where(v => !scheduler.InLine(v, slots[v.Id])))
            await scheduler.SyncVisitAsync(visit.Id);

        // Answers waiting for an evaluation without a reminder slot.
        var answered = await db.Items.Where(i => i.State == ItemState.Answered)
            .Select(i => new
            {
                i.Id,
                Response = db.Responses.Where(r => r.ItemId == i.Id && !r.IsFollowUp).OrderByDescending(r => r.AnsweredAtUtc)
                    .Select(r => new { r.Id, r.AnsweredAtUtc }).FirstOrDefault(),
            })
            .ToListAsync();
        var reminders = await db.ScheduledJobs.Where(j => j.Kind == "EvaluationReminder").ToDictionaryAsync(j => j.Key, j => j.Sequence);
        foreach (var a in answered.Where(a => a.Response is not null))
            if (reminders.GetValueOrDefault(ItemJobs.EvaluationReminderKey(a.Id)) != a.Response!.Id)
                await scheduler.ScheduleEvaluationReminderAsync(a.Id, a.Response.Id, a.Response.AnsweredAtUtc);

        // Slots whose job vanished (storage wiped, job deleted, or failed for good) are filled again.
        var refilled = 0;
        using var connection = storage.GetConnection();
        foreach (var slot in await SlotsToCheckAsync(now))
        {
            var state = connection.GetJobData(slot.HangfireJobId)?.State;
            if (state is not null && state != DeletedState.StateName && state != FailedState.StateName)
                continue;
            scheduler.Refill(slot, slot.VisitId is { } visitId
                ? scheduler.Schedule<VisitJobs>(j => j.RunAsync(visitId, Enum.Parse<VisitJobKind>(slot.Kind), slot.Sequence), slot.DueAtUtc)
                : scheduler.Schedule<ItemJobs>(j => j.RemindToEvaluateAsync(slot.ItemId!.Value, slot.Sequence), slot.DueAtUtc));
            refilled++;
        }
        await db.SaveChangesAsync();

        var retried = await ledger.RetryUndeliveredAsync();
        if (refilled > 0 || retried > 0)
            log.LogInformation("Reconcile re-created {Jobs} jobs and re-sent {Messages} messages", refilled, retried);
    }

    /// <summary>
    /// Asking the storage about a job is a round trip each, too slow for every open slot every minute once there are
    /// tens of thousands. A run asks about the slots already due but not done first, then about the others in turn
    /// (by id, from where the last run stopped), at most <see cref="ChecksPerRun"/> in all: a vanished job is found
    /// once it is due, or before, within a pass over all the open slots.
    /// </summary>
    private async Task<List<ScheduledJob>> SlotsToCheckAsync(DateTime now)
    {
        var open = db.ScheduledJobs.Where(j => j.CompletedAtUtc == null);
        var check = await open.Where(j => j.DueAtUtc <= now).OrderBy(j => j.DueAtUtc).Take(ChecksPerRun).ToListAsync();
        var after = Interlocked.Read(ref _checkedUpTo);
        check.AddRange(await open.Where(j => j.DueAtUtc > now && j.Id > after).OrderBy(j => j.Id).Take(ChecksPerRun - check.Count).ToListAsync());
        if (check.Count < ChecksPerRun)
            check.AddRange(await open.Where(j => j.DueAtUtc > now && j.Id <= after).OrderBy(j => j.Id).Take(ChecksPerRun - check.Count).ToListAsync());
        var inTurn = check.Where(j => j.DueAtUtc > now).ToList();
        Interlocked.Exchange(ref _checkedUpTo, inTurn.Count == 0 ? 0 : inTurn.Last().Id);
        return check;
    }
}
