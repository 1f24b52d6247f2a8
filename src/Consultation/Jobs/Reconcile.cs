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

    public async Task RunAsync()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var horizon = now - settings.Value.CloseAfterEnd - TimeSpan.FromHours(1);
        // Visits with work ahead: their slots are brought in line with the plan (missing ones are added).
        var visits = await db.Visits.Where(v => (v.State == VisitState.Scheduled && v.EndUtc > horizon)
                                                || (v.State == VisitState.Cancelled && v.StartUtc > now))
            .Select(v => v.Id).ToListAsync();
        foreach (var id in visits)
            await scheduler.SyncVisitAsync(id);

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
        foreach (var slot in await db.ScheduledJobs.Where(j => j.CompletedAtUtc == null).ToListAsync())
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
}
