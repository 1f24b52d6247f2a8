namespace Consultation.Visits;

/// <summary>Draft while the lead unit writes it, Submitted when the deputy is asked to confirm it, then Confirmed.</summary>
public enum RecordState { Draft, Submitted, Confirmed }

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
    public DateTime? SubmittedAtUtc { get; set; }
    public DateTime? ConfirmedAtUtc { get; set; }
    /// <summary>The deputy (their account) who confirmed the record, with or without a remark.</summary>
    public int? ConfirmedById { get; set; }
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
    /// <summary>Taken out of a draft before it was submitted (rows are never deleted).</summary>
    public DateTime? WithdrawnAtUtc { get; set; }
    /// <summary>In an amendment: the commitment of the amended record that this one carries forward.</summary>
    public int? CopiedFromId { get; set; }
    /// <summary>The owner unit's handler who marked it done.</summary>
    public int? DoneById { get; set; }
    /// <summary>
    /// Of its visit's current record and not withdrawn: followed up by the deadline watch and the review. Kept by
    /// Review.ReviewFacts after every save that touches the item's records (see RecordHistory); never set by hand.
    /// </summary>
    public bool IsTracked { get; private set; }
    public Guid Version { get; set; }
}
