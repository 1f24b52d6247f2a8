namespace Consultation.Calls;

/// <summary>One join and its leave in a visit's video room.</summary>
public class AttendanceEntry
{
    public long Id { get; set; }
    public int VisitId { get; set; }
    public int ParticipantId { get; set; }
    public DateTime JoinedAtUtc { get; set; }
    public DateTime? LeftAtUtc { get; set; }
}

/// <summary>A participant's short call-quality summary, reported by their browser from getStats().</summary>
public class CallQuality
{
    public long Id { get; set; }
    public int VisitId { get; set; }
    public int ParticipantId { get; set; }
    public int DurationSeconds { get; set; }
    public double? RoundTripMs { get; set; }
    public double? PacketLossPercent { get; set; }
    public double? BitrateKbps { get; set; }
    public bool Relayed { get; set; }
    public DateTime ReportedAtUtc { get; set; }
}

/// <summary>A plain-text chat line kept with the visit.</summary>
public class ChatMessage
{
    public long Id { get; set; }
    public int VisitId { get; set; }
    public int ParticipantId { get; set; }
    public required string Text { get; set; }
    public DateTime SentAtUtc { get; set; }
}
