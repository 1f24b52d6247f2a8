using Consultation.Accounts;
using Consultation.Data;
using Consultation.Items;
using Consultation.Visits;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Consultation.Home;

public sealed record Figure(string Key, int Value);

public sealed record HomeDto(string Role, Figure[] Figures);

/// <summary>The few counts each role sees first on its home page.</summary>
public static class HomeApi
{
    public static void MapHome(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/home", Get).WithTags("Home").RequireAuthorization();

    private static async Task<Ok<HomeDto>> Get(CurrentUser me, AppDbContext db, TimeProvider clock, IOptions<DeadlineSettings> deadlines)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var home = me switch
        {
            _ when me.IsInRole(Roles.Admin) => new HomeDto(Roles.Admin, await AdminFigures(db, now)),
            _ when me.IsInRole(Roles.Office) => new HomeDto(Roles.Office, await OfficeFigures(db, now, deadlines.Value)),
            _ when me.IsInRole(Roles.Handler) => new HomeDto(Roles.Handler, await HandlerFigures(db, me, now, deadlines.Value)),
            _ => new HomeDto(Roles.Deputy, await DeputyFigures(db, me, now)),
        };
        return TypedResults.Ok(home);
    }

    private static async Task<Figure[]> DeputyFigures(AppDbContext db, CurrentUser me, DateTime now)
    {
        var deputy = me.DeputyId ?? -1;
        var mine = db.Items.Where(i => i.Signers.Any(s => s.DeputyId == deputy));
        return
        [
            new("myItems", await mine.CountAsync()),
            new("awaitingEvaluation", await mine.CountAsync(i => i.State == ItemState.Answered
                && i.Signers.Any(s => s.DeputyId == deputy && s.Role == SignerRole.Submitter))),
            new("upcomingVisits", await db.Visits.CountAsync(v => v.State == VisitState.Scheduled && v.EndUtc > now
                && v.Participants.Any(p => p.DeputyId == deputy))),
        ];
    }

    private static async Task<Figure[]> HandlerFigures(AppDbContext db, CurrentUser me, DateTime now, DeadlineSettings settings)
    {
        var unit = me.UnitId ?? -1;
        var ours = db.Assignments.Where(a => a.UnitId == unit);
        var answering = ours.Answering();
        return
        [
            new("inbox", await ours.CountAsync(a => a.State == AssignmentState.Active && a.Item!.State != ItemState.Closed)),
            new("dueSoon", await answering.DueSoon(now, settings).CountAsync()),
            new("overdue", await answering.Overdue(now).CountAsync()),
            new("upcomingVisits", await db.Visits.CountAsync(v => v.State == VisitState.Scheduled && v.EndUtc > now
                && (v.LeadUnitId == unit || v.Participants.Any(p => p.UnitId == unit)))),
        ];
    }

    private static async Task<Figure[]> OfficeFigures(AppDbContext db, DateTime now, DeadlineSettings settings)
    {
        var answering = db.Assignments.Answering();
        var current = db.Items.Where(i => i.Session!.IsCurrent && i.State != ItemState.Draft);
        return
        [
            new("itemsThisSession", await current.CountAsync()),
            new("unassigned", await current.CountAsync(i => i.State == ItemState.Registered)),
            new("dueSoon", await answering.DueSoon(now, settings).Select(a => a.ItemId).Distinct().CountAsync()),
            new("overdue", await answering.Overdue(now).Select(a => a.ItemId).Distinct().CountAsync()),
        ];
    }

    private static async Task<Figure[]> AdminFigures(AppDbContext db, DateTime now)
    {
        // Identity keeps lockouts as DateTimeOffset, which SQLite cannot compare: the list is short.
        var lockouts = await db.Users.Where(u => u.LockoutEnd != null).Select(u => u.LockoutEnd).ToListAsync();
        return
        [
            new("accounts", await db.Users.CountAsync()),
            new("units", await db.Units.CountAsync()),
            new("lockedAccounts", lockouts.Count(end => end > now)),
        ];
    }
}
