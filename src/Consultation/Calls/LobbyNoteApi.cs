using System.Security.Claims;
using Consultation.Data;
using Consultation.Items;
using Consultation.Visits;
using Consultation.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Consultation.Calls;

public sealed record LobbyNote(string? Text);

/// <summary>
/// A lead-unit handler who cannot join at once tells those waiting in the lobby ("I'll be there in five minutes")
/// without joining: a chat line of the visit, kept with it, shown in the lobby as it comes.
/// </summary>
public static class LobbyNoteApi
{
    public static void MapLobbyNote(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/visits/{id:int}/lobby-note", Post).WithTags("Calls").RequireAuthorization(LinkSession.CallPolicy);

    private static async Task<Results<Ok<ChatLine>, ProblemHttpResult, ValidationProblem>> Post(int id, LobbyNote note, ClaimsPrincipal user,
        AppDbContext db, IHubContext<CallHub, IVisitClient> hub, TimeProvider clock, IOptions<CallSettings> calls, IOptions<VisitSettings> visits)
    {
        if (await JoinLinkApi.VisitOfAsync(db, id, user) is not var (visit, me))
            return JoinLinkApi.NotParticipant();
        if (me.Role != ParticipantRole.LeadUnit)
            return Refusal.Who("lead_unit_only", "Only the lead unit writes to those waiting in the lobby.").ToProblem();
        var text = note.Text?.Trim() ?? "";
        if (text.Length == 0 || text.Length > calls.Value.MaxChatLength)
            return Problems.Invalid("text", $"Write 1 to {calls.Value.MaxChatLength} characters.");
        var now = clock.GetUtcNow().UtcDateTime;
        if (RoomWindow.IsGone(visit, now, visits.Value))
            return Problems.Conflict("room_closed", "This visit has no video room open now or later: there is no lobby to write to.");
        return TypedResults.Ok(await CallReportApi.SayAsync(db, hub.Clients.Group(CallHub.Group(id)), id, me.Id, me.DisplayName, text, now));
    }
}
