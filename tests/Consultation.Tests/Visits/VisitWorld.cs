using Consultation.Items;
using Consultation.Jobs;
using Consultation.Tests.Items;
using Consultation.Visits;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Consultation.Tests.Visits;

/// <summary>Helpers for visit tests: schedule through the API, read Hangfire's storage, run jobs on the fake clock.</summary>
public static class VisitWorld
{
    public static async Task<VisitDto> ScheduleAsync(this ItemWorld w, int itemId, DateTime startUtc, int minutes = 45,
        string method = "Video", int[]? staff = null)
    {
        var response = await w.Send(w.Lead, HttpMethod.Post, $"/api/items/{itemId}/visits", new
        {
            phase = "DuringHandling", method, startUtc, durationMinutes = minutes, staffUserIds = staff ?? [],
            coSignerIds = Array.Empty<int>(), agenda = "通报办理进展，听取代表意见。",
        });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {text}\n{w.App.Errors.Last}");
        return System.Text.Json.JsonSerializer.Deserialize<VisitDto>(text, ItemWorld.Json)!;
    }

    /// <summary>The jobs waiting in Hangfire's storage for a visit, by kind, with when they are due.</summary>
    public static Dictionary<VisitJobKind, (string Id, DateTime? DueUtc, string State)> PendingJobs(this ItemWorld w, int visitId)
    {
        var storage = w.App.Services.GetRequiredService<JobStorage>();
        using var connection = storage.GetConnection();
        var monitor = storage.GetMonitoringApi();
        var scheduled = monitor.ScheduledJobs(0, 1_000).Where(j => connection.GetJobData(j.Key)?.State == "Scheduled").Select(j => (j.Key, j.Value.Job, Due: (DateTime?)j.Value.EnqueueAt, State: "Scheduled"));
        var enqueued = monitor.EnqueuedJobs("default", 0, 1_000).Where(j => connection.GetJobData(j.Key)?.State == "Enqueued").Select(j => (j.Key, j.Value.Job, Due: (DateTime?)null, State: "Enqueued"));
        return scheduled.Concat(enqueued)
            .Where(j => j.Job.Type == typeof(VisitJobs) && (int)j.Job.Args[0] == visitId)
            .ToDictionary(j => (VisitJobKind)j.Job.Args[1], j => (j.Key, j.Due, j.State));
    }

    public static async Task RunVisitJobAsync(this ItemWorld w, int visitId, VisitJobKind kind, int sequence = 0)
    {
        await using var scope = w.App.Services.CreateAsyncScope();
        await ActivatorUtilities.CreateInstance<VisitJobs>(scope.ServiceProvider).RunAsync(visitId, kind, sequence);
    }

    public static async Task RunReconcileAsync(this ItemWorld w)
    {
        await using var scope = w.App.Services.CreateAsyncScope();
        await ActivatorUtilities.CreateInstance<Reconcile>(scope.ServiceProvider).RunAsync();
    }

    public static async Task<ItemDetail> ItemWithContactableDeputyAsync(this ItemWorld w) => await w.SignedAsync();

    /// <summary>Any write moves one of these: a visit's state, sequence or time, a request, an audit entry or a notification.</summary>
    public static Task<string> VisitFingerprintAsync(this ItemWorld w) => w.App.WithDb(async db => string.Join(";",
        string.Join(",", await db.Visits.OrderBy(v => v.Id).Select(v => new { v.Id, v.State, v.Sequence, v.StartUtc, v.DurationMinutes }).ToListAsync()),
        string.Join(",", await db.VisitRequests.OrderBy(r => r.Id).Select(r => new { r.Id, r.State }).ToListAsync()),
        await db.AuditEntries.CountAsync(), await db.Notifications.CountAsync()));
}
