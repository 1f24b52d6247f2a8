namespace Consultation.Visits;

public enum RecordState { Draft, Confirmed }

/// <summary>The minutes of a visit (回访记录), written by the lead handler and confirmed by the deputy.</summary>
public class VisitRecord : IVersioned
{
    public int Id { get; set; }
    public int VisitId { get; set; }
    public ReturnVisit? Visit { get; set; }
    public int ItemId { get; set; }
    public int AuthorId { get; set; }
    /// <summary>The method actually used: a failed video visit may be completed by phone or in person.</summary>
    public VisitMethod MethodUsed { get; set; }
    public required string Participants { get; set; }
    public required string DeputyOpinion { get; set; }
    public string? Explained { get; set; }
    public RecordState State { get; set; }
    public DateTime WrittenAtUtc { get; set; }
    public DateTime? ConfirmedAtUtc { get; set; }
    public string? DeputyRemark { get; set; }
    /// <summary>A confirmed record is changed only by a new record that amends it.</summary>
    public int? AmendsRecordId { get; set; }
    public List<Commitment> Commitments { get; set; } = [];
    public Guid Version { get; set; }
}

/// <summary>Something a unit promised in a visit, with an owner and a due date, tracked afterwards.</summary>
public class Commitment : IVersioned
{
    public int Id { get; set; }
    public int RecordId { get; set; }
    public int ItemId { get; set; }
    public int OwnerUnitId { get; set; }
    public required string Text { get; set; }
    public DateTime DueAtUtc { get; set; }
    public DateTime? DoneAtUtc { get; set; }
    public Guid Version { get; set; }
}
