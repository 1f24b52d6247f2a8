namespace Consultation.Visits;

/// <summary>
/// One slot of scheduled work ("visit:42:reminder-24h") and the Hangfire job that currently fills it. Our tables
/// say what is due; this row lets a reschedule replace the job and the reconcile job find one that went missing.
/// </summary>
public class ScheduledJob
{
    public long Id { get; set; }
    public required string Key { get; set; }
    public required string Kind { get; set; }
    public int? VisitId { get; set; }
    public int? ItemId { get; set; }
    /// <summary>The visit's <see cref="ReturnVisit.Sequence"/> the job was planned for; a job of an older one does nothing.</summary>
    public int Sequence { get; set; }
    public DateTime DueAtUtc { get; set; }
    public required string HangfireJobId { get; set; }
    public DateTime ScheduledAtUtc { get; set; }
    /// <summary>Set when the job has run to the end; the reconcile job looks only at slots without it.</summary>
    public DateTime? CompletedAtUtc { get; set; }
}
