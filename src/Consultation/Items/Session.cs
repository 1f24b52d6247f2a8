namespace Consultation.Items;

/// <summary>One annual session of the congress and the CPPCC; items are numbered within it.</summary>
public class Session : IAudited
{
    public int Id { get; set; }
    public int Year { get; set; }
    /// <summary>As the office writes it, e.g. "市十六届人大三次会议 / 市政协十四届三次会议".</summary>
    public required string Name { get; set; }
    public bool IsCurrent { get; set; }
}
