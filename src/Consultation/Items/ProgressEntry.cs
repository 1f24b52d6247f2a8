namespace Consultation.Items;

/// <summary>One dated line of the progress checklist the deputy sees (办理进度).</summary>
public class ProgressEntry : IAudited
{
    public int Id { get; set; }
    public int ItemId { get; set; }
    public int UnitId { get; set; }
    public int AuthorId { get; set; }
    public DateTime AtUtc { get; set; }
    public required string Text { get; set; }
}

/// <summary>A co-handling unit's written opinion to the lead unit (协办意见).</summary>
public class CoHandlerOpinion : IAudited
{
    public int Id { get; set; }
    public int ItemId { get; set; }
    public int AssignmentId { get; set; }
    public int UnitId { get; set; }
    public int AuthorId { get; set; }
    public DateTime SubmittedAtUtc { get; set; }
    public required string Text { get; set; }
}
