using Consultation.Accounts;
using Consultation.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Consultation.Items;

public sealed record SessionDto(int Id, int Year, string Name, bool IsCurrent);

public static class SessionsApi
{
    /// <summary>The sessions, newest first: the office registers items in them; the office and handlers filter the review by them.</summary>
    public static void MapSessions(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/sessions", async (AppDbContext db) => TypedResults.Ok(await db.Sessions.OrderByDescending(s => s.Year)
                .Select(s => new SessionDto(s.Id, s.Year, s.Name, s.IsCurrent)).ToArrayAsync()))
            .WithTags("Items").RequireAuthorization(p => p.RequireRole(Roles.Office, Roles.Handler));
}
