using System.Security.Claims;
using Consultation.Audit;
using Microsoft.AspNetCore.Http;

namespace Consultation.Accounts;

/// <summary>The signed-in user of this request, read from the cookie's claims (no database call).</summary>
public sealed class CurrentUser(IHttpContextAccessor http) : IAuditActor
{
    private ClaimsPrincipal? _principal;

    /// <summary>The user of a SignalR connection, whose principal is fixed when it connects.</summary>
    public static CurrentUser Of(ClaimsPrincipal? principal) => new(new HttpContextAccessor()) { _principal = principal };

    public const string UnitClaim = "consultation:unit";
    public const string DeputyClaim = "consultation:deputy";
    public const string DisplayNameClaim = "consultation:display-name";

    private ClaimsPrincipal? Principal => _principal ?? http.HttpContext?.User;

    public bool IsSignedIn => Principal?.Identity?.IsAuthenticated == true;
    public int? UserId => int.TryParse(Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
    public int Id => UserId ?? throw new InvalidOperationException("No user is signed in.");
    public string Name => Principal?.Identity?.Name ?? "system";
    public string DisplayName => Principal?.FindFirstValue(DisplayNameClaim) ?? Name;
    public int? UnitId => int.TryParse(Principal?.FindFirstValue(UnitClaim), out var id) ? id : null;
    public int? DeputyId => int.TryParse(Principal?.FindFirstValue(DeputyClaim), out var id) ? id : null;
    public bool IsInRole(string role) => Principal?.IsInRole(role) == true;
}
