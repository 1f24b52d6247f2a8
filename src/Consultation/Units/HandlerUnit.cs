namespace Consultation.Units;

public enum UnitLevel { City, District }

/// <summary>A government department that handles items (承办单位).</summary>
public class HandlerUnit : IAudited
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string ShortName { get; set; }
    public UnitLevel Level { get; set; }
    public bool IsActive { get; set; } = true;
}
