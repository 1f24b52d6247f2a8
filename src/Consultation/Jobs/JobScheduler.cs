using Consultation.Data;
using Consultation.Items;
using Consultation.Visits;
using Hangfire;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Consultation.Jobs;

/// <summary>
/// Keeps Hangfire in step with our tables: each slot of scheduled work ("visit:42:FirstReminder") holds the id of
/// the Hangfire job that fills it. A change replaces the jobs whose time moved and removes those no longer due.
/// Call it after the change is saved, so that a job never runs before the row it reads exists.
/// </summary>
public sealed class JobScheduler(AppDbContext db, IBackgroundJobClient jobs, IOptions<VisitSettings> visitSettings, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task SyncVisitAsync(int visitId)
    {
        var visit = await db.Visits.AsNoTracking().SingleAsync(v => v.Id == visitId);
        var planned = VisitPlan.For(visit, visitSettings.Value)
            .ToDictionary(p => VisitPlan.JobKey(visit.Id, p.Kind), p => (p.Kind, p.DueAtUtc));
        var slots = await db.ScheduledJobs.Where(j => j.VisitId == visitId).ToListAsync();
        foreach (var slot in slots.Where(s => !planned.ContainsKey(s.Key)))
        {
            if (slot.CompletedAtUtc is null)
                jobs.Delete(slot.HangfireJobId);
            db.ScheduledJobs.Remove(slot);
        }
        foreach (var (key, (kind, due)) in planned)
        {
            var slot = slots.FirstOrDefault(s => s.Key == key);
            if (slot is not null && slot.Sequence == visit.Sequence && slot.DueAtUtc == due)
                continue;
            if (slot is { CompletedAtUtc: null })
                jobs.Delete(slot.HangfireJobId);
            var id = Schedule<VisitJobs>(j => j.RunAsync(visit.Id, kind, visit.Sequence), due);
            Fill(slot, key, kind.ToString(), visit.Id, null, visit.Sequence, due, id);
        }
        await db.SaveChangesAsync();
    }

    /// <summary>Whether a visit's slots are exactly its plan, so that <see cref="SyncVisitAsync"/> would change nothing.</summary>
    public bool InLine(ReturnVisit visit, IEnumerable<ScheduledJob> slots)
    {
        var planned = VisitPlan.For(visit, visitSettings.Value).ToDictionary(p => VisitPlan.JobKey(visit.Id, p.Kind), p => p.DueAtUtc);
        var have = slots.ToList();
        return have.Count == planned.Count
               && have.All(s => planned.TryGetValue(s.Key, out var due) && s.Sequence == visit.Sequence && s.DueAtUtc == due);
    }

    /// <summary>The reminder to evaluate an answer that is still without an evaluation a week later.</summary>
    public async Task ScheduleEvaluationReminderAsync(int itemId, int responseId, DateTime answeredAtUtc)
    {
        var key = ItemJobs.EvaluationReminderKey(itemId);
        var slot = await db.ScheduledJobs.SingleOrDefaultAsync(j => j.Key == key);
        if (slot is { CompletedAtUtc: null })
            jobs.Delete(slot.HangfireJobId);
        var due = answeredAtUtc + visitSettings.Value.EvaluationReminderAfter;
        var id = Schedule<ItemJobs>(j => j.RemindToEvaluateAsync(itemId, responseId), due);
        Fill(slot, key, "EvaluationReminder", null, itemId, responseId, due, id);
        await db.SaveChangesAsync();
    }

    /// <summary>Re-creates the job of a slot whose Hangfire job went missing; its effects happen once anyway.</summary>
    public void Refill(ScheduledJob slot, string jobId)
    {
        slot.HangfireJobId = jobId;
        slot.ScheduledAtUtc = Now;
    }

    public string Schedule<T>(System.Linq.Expressions.Expression<Func<T, Task>> job, DateTime dueUtc) =>
        dueUtc <= Now
            ? jobs.Create(job, new EnqueuedState())
            : jobs.Create(job, new ScheduledState(new DateTimeOffset(dueUtc, TimeSpan.Zero).UtcDateTime));

    private void Fill(ScheduledJob? slot, string key, string kind, int? visitId, int? itemId, int sequence, DateTime due, string jobId)
    {
        if (slot is null)
        {
            slot = new ScheduledJob { Key = key, Kind = kind, HangfireJobId = jobId };
            db.ScheduledJobs.Add(slot);
        }
        (slot.Kind, slot.VisitId, slot.ItemId, slot.Sequence, slot.DueAtUtc, slot.HangfireJobId, slot.ScheduledAtUtc, slot.CompletedAtUtc) =
            (kind, visitId, itemId, sequence, due, jobId, Now, null);
    }
}
