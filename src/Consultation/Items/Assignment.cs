namespace Consultation.Items;

public enum AssignmentRole { Lead, Co, Separate }

public enum AssignmentState { Active, Returned, Withdrawn }

/// <summary>A unit's duty on one item: lead (主办), co-handling (协办) or separate (分办).</summary>
public class Assignment : IVersioned
{
    public int Id { get; set; }
    public int ItemId { get; set; }
    public Item? Item { get; set; }
    public int UnitId { get; set; }
    public Units.HandlerUnit? Unit { get; set; }
    public AssignmentRole Role { get; set; }
    public AssignmentState State { get; set; }

    public DateTime AssignedAtUtc { get; set; }
    public DateTime? SignedForAtUtc { get; set; }
    public DateTime? ReturnedAtUtc { get; set; }
    /// <summary>The answer deadline (lead and separate units) or the opinion deadline (co-handling units).</summary>
    public DateTime DueAtUtc { get; set; }
    /// <summary>The deadline before any extension: the extension cap is counted from the assignment.</summary>
    public DateTime OriginalDueAtUtc { get; set; }

    public Guid Version { get; set; }
}

public enum RequestState { Pending, Approved, Refused }

/// <summary>A unit's request that the office approves or refuses.</summary>
public interface IDecided
{
    RequestState State { get; set; }
    int? DecidedById { get; set; }
    DateTime? DecidedAtUtc { get; set; }
    string? DecisionNote { get; set; }
}

/// <summary>A unit asks the office for more time; the reason is shown to the deputy once approved.</summary>
public class ExtensionRequest : IAudited, IDecided
{
    public int Id { get; set; }
    public int ItemId { get; set; }
    public int AssignmentId { get; set; }
    public DateTime RequestedDueAtUtc { get; set; }
    public required string Reason { get; set; }
    public RequestState State { get; set; }
    public int RequestedById { get; set; }
    public DateTime RequestedAtUtc { get; set; }
    public int? DecidedById { get; set; }
    public DateTime? DecidedAtUtc { get; set; }
    public string? DecisionNote { get; set; }
}

/// <summary>A unit says the item was wrongly assigned to it; only the office can re-assign.</summary>
public class ReturnRequest : IAudited, IDecided
{
    public int Id { get; set; }
    public int ItemId { get; set; }
    public int AssignmentId { get; set; }
    public required string Reason { get; set; }
    public RequestState State { get; set; }
    public int RequestedById { get; set; }
    public DateTime RequestedAtUtc { get; set; }
    public int? DecidedById { get; set; }
    public DateTime? DecidedAtUtc { get; set; }
    public string? DecisionNote { get; set; }
}
