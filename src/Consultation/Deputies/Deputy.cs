namespace Consultation.Deputies;

public enum DeputyBody { PeoplesCongress, Cppcc }

/// <summary>
/// The person record of a people's congress deputy or a CPPCC member. An account may be linked to it;
/// items name deputies, not accounts, so an item can be registered for someone who never signs in.
/// </summary>
public class Deputy : IAudited
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public DeputyBody Body { get; set; }
    /// <summary>The delegation or sector the deputy belongs to, e.g. "朝阳区代表团".</summary>
    public string? Delegation { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public bool IsActive { get; set; } = true;
}
