using Microsoft.AspNetCore.Identity;

namespace Consultation.Accounts;

public static class Roles
{
    public const string Deputy = nameof(Deputy);
    public const string Handler = nameof(Handler);
    public const string Office = nameof(Office);
    public const string Admin = nameof(Admin);

    public static readonly string[] All = [Deputy, Handler, Office, Admin];
}

public class User : IdentityUser<int>, IAudited
{
    public required string DisplayName { get; set; }
    /// <summary>Set for handlers: the unit whose inbox they work in.</summary>
    public int? UnitId { get; set; }
    /// <summary>Set for deputies: the person record this account signs in for.</summary>
    public int? DeputyId { get; set; }
    public string TimeZone { get; set; } = "Asia/Shanghai";
    /// <summary>Channels this person chose besides the in-app notification centre.</summary>
    public bool NotifyByEmail { get; set; } = true;
    public bool NotifyBySms { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}

public class Role : IdentityRole<int>
{
    public Role() { }
    public Role(string name) : base(name) { }
}
