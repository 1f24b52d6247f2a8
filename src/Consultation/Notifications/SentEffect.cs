namespace Consultation.Notifications;

/// <summary>
/// The ledger that makes every effect (one notification of one kind to one person for one visit or item)
/// happen once: the key is unique, so a job that runs twice finds its effect already recorded.
/// </summary>
public class SentEffect
{
    public long Id { get; set; }
    /// <summary>e.g. "visit:42:s1:FirstReminder:user:7:sms" (a visit's keys: <see cref="Visits.VisitEffectKey"/>).</summary>
    public required string Key { get; set; }
    public required string Kind { get; set; }
    public Channel Channel { get; set; }
    public int? VisitId { get; set; }
    public int? ItemId { get; set; }
    public int? RecipientUserId { get; set; }
    public DateTime RecordedAtUtc { get; set; }
    /// <summary>
    /// Null while an e-mail or SMS is recorded but not yet confirmed sent: the reconcile job retries it, up to
    /// <see cref="EffectLedger.MaxAttempts"/> times, or gives it up once it is no longer true (<see cref="LastError"/> says why).
    /// </summary>
    public DateTime? DeliveredAtUtc { get; set; }
    public int Attempts { get; set; }
    /// <summary>The message as sent (JSON), so an e-mail or SMS whose sending was interrupted can be sent again.</summary>
    public string? Payload { get; set; }
    public string? LastError { get; set; }
}

/// <summary>An in-app notification in a person's notification centre.</summary>
public class Notification
{
    public long Id { get; set; }
    public int UserId { get; set; }
    public required string Kind { get; set; }
    /// <summary>Values the UI fills into the text of <see cref="Kind"/> (JSON), so it reads in either language.</summary>
    public string? Data { get; set; }
    public int? ItemId { get; set; }
    public int? VisitId { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? ReadAtUtc { get; set; }
}
