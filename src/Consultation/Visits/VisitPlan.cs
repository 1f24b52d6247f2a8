namespace Consultation.Visits;

/// <summary>The offsets of DESIGN.md §4, settings under <c>Visits</c>.</summary>
public sealed class VisitSettings
{
    public TimeSpan FirstReminderBefore { get; set; } = TimeSpan.FromHours(24);
    public TimeSpan SecondReminderBefore { get; set; } = TimeSpan.FromMinutes(15);
    public TimeSpan RoomOpensBefore { get; set; } = TimeSpan.FromMinutes(10);
    public TimeSpan NoShowCheckAfter { get; set; } = TimeSpan.FromMinutes(15);
    public TimeSpan CloseAfterEnd { get; set; } = TimeSpan.FromMinutes(30);
    public TimeSpan EvaluationReminderAfter { get; set; } = TimeSpan.FromDays(7);
    /// <summary>The zone times are entered and shown in unless a person chose another.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";
    /// <summary>Daily deadline watch, a cron expression in <see cref="TimeZone"/>.</summary>
    public string DeadlineWatchCron { get; set; } = "0 8 * * *";
    public int MaxDurationMinutes { get; set; } = 240;
    /// <summary>The address people open the app at; links in invitations start with it.</summary>
    public string PublicUrl { get; set; } = "http://localhost:5000";
}

/// <summary>The scheduled work of one visit, one job each, keyed so each has its effect at most once.</summary>
public enum VisitJobKind { Invitation, FirstReminder, SecondReminder, RoomOpen, NoShowCheck, AutoClose, Cancellation }

public static class VisitPlan
{
    /// <summary>
    /// What is due for a visit and when, counted from when it was last (re)scheduled: a reminder whose time had
    /// already passed then is not sent (a visit five minutes ahead gets no 24-hour reminder).
    /// </summary>
    public static IEnumerable<(VisitJobKind Kind, DateTime DueAtUtc)> For(ReturnVisit visit, VisitSettings settings)
    {
        if (visit.State == VisitState.Cancelled)
        {
            yield return (VisitJobKind.Cancellation, visit.ScheduledAtUtc);
            yield break;
        }
        if (visit.State != VisitState.Scheduled)
            yield break;
        var changed = visit.ScheduledAtUtc;
        yield return (VisitJobKind.Invitation, changed);
        if (visit.StartUtc - settings.FirstReminderBefore > changed)
            yield return (VisitJobKind.FirstReminder, visit.StartUtc - settings.FirstReminderBefore);
        if (visit.StartUtc - settings.SecondReminderBefore > changed)
            yield return (VisitJobKind.SecondReminder, visit.StartUtc - settings.SecondReminderBefore);
        if (visit.Method == VisitMethod.Video)
        {
            yield return (VisitJobKind.RoomOpen, Max(visit.StartUtc - settings.RoomOpensBefore, changed));
            yield return (VisitJobKind.NoShowCheck, visit.StartUtc + settings.NoShowCheckAfter);
        }
        yield return (VisitJobKind.AutoClose, visit.EndUtc + settings.CloseAfterEnd);
    }

    public static string JobKey(int visitId, VisitJobKind kind) => $"visit:{visitId}:{kind}";

    public static DateTime RoomOpensAt(ReturnVisit visit, VisitSettings settings) => visit.StartUtc - settings.RoomOpensBefore;

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}
