using System.Globalization;
using System.Security.Claims;
using Consultation.Accounts;
using Consultation.Visits;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Consultation.Calls;

/// <summary>
/// The session a join link signs into: its own cookie scheme, which the default authorization policy does not
/// read, so it opens nothing but what names <see cref="CallPolicy"/> (the hub, the pre-call check's endpoints),
/// and those check that the visit is the link's own.
/// </summary>
public static class LinkSession
{
    public const string Scheme = "JoinLink";
    public const string CallPolicy = "Call";
    public const string VisitClaim = "consultation:link-visit";
    public const string ParticipantClaim = "consultation:link-participant";

    public static void AddLinkSession(this IServiceCollection services, bool development)
    {
        services.AddAuthentication().AddCookie(Scheme, o =>
        {
            o.Cookie.Name = "consultation-link";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            // The ticket ends when the room closes (set at sign-in), however active the person is.
            o.SlidingExpiration = false;
            o.Events = new CookieAuthenticationEvents
            {
                OnRedirectToLogin = ctx => Deny(ctx.Response, StatusCodes.Status401Unauthorized),
                OnRedirectToAccessDenied = ctx => Deny(ctx.Response, StatusCodes.Status403Forbidden),
            };
        });
        services.AddAuthorizationBuilder().AddPolicy(CallPolicy, p => p
            .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme, Scheme)
            .RequireAuthenticatedUser());
    }

    public static ClaimsPrincipal Principal(JoinLink link, string displayName) => new(new ClaimsIdentity(
    [
        new Claim(VisitClaim, link.VisitId.ToString(CultureInfo.InvariantCulture)),
        new Claim(ParticipantClaim, link.ParticipantId.ToString(CultureInfo.InvariantCulture)),
        new Claim(CurrentUser.DisplayNameClaim, displayName),
    ], Scheme));

    /// <summary>The visit and participant a link session is for; null for an account's session.</summary>
    public static (int VisitId, int ParticipantId)? Of(ClaimsPrincipal? user) =>
        int.TryParse(user?.FindFirstValue(VisitClaim), out var visit) && int.TryParse(user.FindFirstValue(ParticipantClaim), out var participant)
            ? (visit, participant)
            : null;

    /// <summary>
    /// Who the caller is among the visit's participants: the link's participant when it is this visit's link, else
    /// the account's own place (by user, or by deputy record for a deputy).
    /// </summary>
    public static VisitParticipant? ParticipantOf(ReturnVisit visit, ClaimsPrincipal? user)
    {
        if (Of(user) is { } link && link.VisitId == visit.Id)
            return visit.Participants.FirstOrDefault(p => p.Id == link.ParticipantId);
        var me = CurrentUser.Of(user);
        if (me.UserId is null)
            return null;
        return visit.Participants.FirstOrDefault(p =>
            p.UserId == me.UserId || (me.IsInRole(Roles.Deputy) && me.DeputyId is { } d && p.DeputyId == d));
    }

    private static Task Deny(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }
}
