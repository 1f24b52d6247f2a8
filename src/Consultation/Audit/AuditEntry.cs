namespace Consultation.Audit;

/// <summary>Who changed what and when, with the values before and after (JSON of the changed properties).</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    public int? UserId { get; set; }
    public required string Actor { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    /// <summary>Added or Modified; rows are never deleted.</summary>
    public required string Action { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
    /// <summary>The item the change belongs to, so the item page can show its own trail.</summary>
    public int? ItemId { get; set; }
}
