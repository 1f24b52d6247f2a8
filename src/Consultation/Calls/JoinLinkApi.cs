using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Consultation.Data;
using Consultation.Visits;
using Consultation.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Consultation.Calls;

public sealed record RedeemLink([property: Required, StringLength(100)] string Token);

/// <summary>Where a join link leads; <c>Session</c> is <c>link</c> when the link signed the person in, <c>account</c> when they already were.</summary>
public sealed record JoinedByLink(int VisitId, string Session);

public sealed record LinkSessionDto(int VisitId, int ParticipantId, string DisplayName);

/// <summary>
/// What the pre-call check and the call page show of a visit, for an account or a link session: the room's window
/// for this participant, and who of the lead unit is expected.
/// </summary>
public sealed record VisitBasics(
    int Id, string? ItemNumber, string ItemTitle, VisitMethod Method, VisitState State, DateTime StartUtc, DateTime EndUtc,
    DateTime RoomOpensAtUtc, DateTime RoomClosesAtUtc, int ParticipantId, string DisplayName, ParticipantRole Role,
    string[] LeadUnitNames, DateTime ServerNowUtc);

/// <summary>Who is in the visit's room now besides the one asking, as the pre-call check says it ("刘伟 is in the call").</summary>
public sealed record RoomPresence(bool Open, PresentPeer[] Present);

public sealed record PresentPeer(string DisplayName, ParticipantRole Role);

/// <summary>Redeeming join links, and the few endpoints a link session may use besides the hub.</summary>
public static class JoinLinkApi
{
    public static void MapJoinLinks(this IEndpointRouteBuilder app)
    {
        var join = app.MapGroup("/api/join").WithTags("Calls");
        join.MapPost("", Redeem).AllowAnonymous().WithValidation();
        join.MapGet("/session", Session).RequireAuthorization(p => p.AddAuthenticationSchemes(LinkSession.Scheme).RequireAuthenticatedUser());
        var call = app.MapGroup("/api/visits/{id:int}").WithTags("Calls").RequireAuthorization(LinkSession.CallPolicy);
        call.MapGet("/basics", Basics);
        call.MapGet("/ice-servers", IceServers);
        call.MapGet("/room", Presence);
    }

    private static async Task<Results<Ok<JoinedByLink>, ProblemHttpResult>> Redeem(RedeemLink request, HttpContext http, JoinLinks links)
    {
        var token = request.Token.Trim();
        // Someone signed in with their own account goes on to the visit as themselves; the link stays unspent.
        if (http.User.Identity?.IsAuthenticated == true)
            return await links.FindAsync(token) is { } known
                ? TypedResults.Ok(new JoinedByLink(known.VisitId, "account"))
                : Refused(LinkRefusal.Unknown, null);
        var (link, participant, refusal) = await links.RedeemAsync(token);
        if (refusal is { } why)
            return Refused(why, link?.VisitId);
        await http.SignInAsync(LinkSession.Scheme, LinkSession.Principal(link!, participant!.DisplayName),
            // A browser-session cookie whose ticket the server refuses after the room closes.
            new AuthenticationProperties { ExpiresUtc = new DateTimeOffset(link!.ExpiresAtUtc, TimeSpan.Zero) });
        return TypedResults.Ok(new JoinedByLink(link.VisitId, "link"));
    }

    private static ProblemHttpResult Refused(LinkRefusal why, int? visitId)
    {
        var extensions = new Dictionary<string, object?> { ["visitId"] = visitId };
        return why switch
        {
            LinkRefusal.Used => Problems.Of(StatusCodes.Status410Gone, "join_link_used",
                "This join link has already been used. Sign in with your account to join the visit.", extensions),
            LinkRefusal.Expired => Problems.Of(StatusCodes.Status410Gone, "join_link_expired",
                "This join link has expired (the visit's room has closed, or the visit was moved or cancelled). Sign in with your account to see your visits.", extensions),
            _ => Problems.Of(StatusCodes.Status404NotFound, "join_link_unknown",
                "This join link is not valid. Check that the whole link was opened, or sign in with your account."),
        };
    }

    private static Results<Ok<LinkSessionDto>, UnauthorizedHttpResult> Session(ClaimsPrincipal user) =>
        LinkSession.Of(user) is { } link
            ? TypedResults.Ok(new LinkSessionDto(link.VisitId, link.ParticipantId, Accounts.CurrentUser.Of(user).DisplayName))
            : TypedResults.Unauthorized();

    private static async Task<Results<Ok<VisitBasics>, ProblemHttpResult>> Basics(
        int id, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, IOptions<CallSettings> calls, IOptions<VisitSettings> visits)
    {
        if (await VisitOfAsync(db, id, user) is not { } found)
            return NotParticipant();
        var (visit, me) = found;
        var item = await db.Items.Where(i => i.Id == visit.ItemId).Select(i => new { i.Number, i.Title }).SingleAsync();
        return TypedResults.Ok(new VisitBasics(visit.Id, item.Number, item.Title, visit.Method, visit.State, visit.StartUtc, visit.EndUtc,
            RoomWindow.OpensFor(visit, me.Role, calls.Value, visits.Value), RoomWindow.Closes(visit, visits.Value), me.Id, me.DisplayName,
            me.Role, visit.Participants.Where(p => p.Role == ParticipantRole.LeadUnit).Select(p => p.DisplayName).ToArray(),
            clock.GetUtcNow().UtcDateTime));
    }

    /// <summary>
    /// STUN and TURN servers with credentials for this participant, valid at most until the room closes, and the ICE policy:
    /// the pre-call check tests them, and "Join now" makes its first peer connection with them while Join is answered.
    /// </summary>
    private static async Task<Results<Ok<IceConfig>, ProblemHttpResult>> IceServers(
        int id, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, IOptions<CallSettings> calls, IOptions<VisitSettings> visits)
    {
        if (await VisitOfAsync(db, id, user) is not { } found)
            return NotParticipant();
        var (visit, me) = found;
        var now = clock.GetUtcNow().UtcDateTime;
        if (RoomWindow.IsGone(visit, now, visits.Value))
            return Problems.Conflict("room_closed", "This visit has no video room open now or later: ask the unit to schedule another visit.");
        var closes = RoomWindow.Closes(visit, visits.Value);
        return TypedResults.Ok(new IceConfig(TurnCredentials.For(calls.Value, visit.Id, me.Id, now, closes), IceConfig.PolicyOf(calls.Value)));
    }

    private static async Task<Results<Ok<RoomPresence>, ProblemHttpResult>> Presence(int id, ClaimsPrincipal user, AppDbContext db, RoomRegistry rooms)
    {
        if (await VisitOfAsync(db, id, user) is not var (_, me))
            return NotParticipant();
        var room = await rooms.ReadAsync(id);
        var present = (room?.Members ?? []).Where(m => m.Peer.ParticipantId != me.Id).OrderBy(m => m.Peer.Role)
            .Select(m => new PresentPeer(m.Peer.DisplayName, m.Peer.Role)).ToArray();
        return TypedResults.Ok(new RoomPresence(room?.IsOpen ?? false, present));
    }

    internal static async Task<(ReturnVisit Visit, VisitParticipant Me)?> VisitOfAsync(AppDbContext db, int id, ClaimsPrincipal user)
    {
        var visit = await db.Visits.AsNoTracking().Include(v => v.Participants).SingleOrDefaultAsync(v => v.Id == id);
        return visit is not null && LinkSession.ParticipantOf(visit, user) is { } me ? (visit, me) : null;
    }

    internal static ProblemHttpResult NotParticipant() =>
        Problems.Of(StatusCodes.Status403Forbidden, "not_participant",
            "You are not a participant of this visit: open the link from your own invitation, or sign in with your own account.");
}
