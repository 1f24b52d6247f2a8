using Consultation.Accounts;
using Consultation.Data;
using Consultation.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Consultation.Notifications;

public sealed record NotificationPage(NotificationDto[] Items, int Unread, int Total);

public static class NotificationsApi
{
    public const int PageSize = 20;

    public static void MapNotifications(this IEndpointRouteBuilder app)
    {
        app.MapHub<NotificationHub>("/hubs/notifications");
        var group = app.MapGroup("/api/notifications").WithTags("Notifications").RequireAuthorization();
        group.MapGet("/", List);
        group.MapPost("/{id:long}/read", MarkRead);
        group.MapPost("/read-all", MarkAllRead);
    }

    private static async Task<Ok<NotificationPage>> List(CurrentUser me, AppDbContext db, int page = 1, bool unreadOnly = false)
    {
        var mine = db.Notifications.Where(n => n.UserId == me.Id);
        var shown = unreadOnly ? mine.Where(n => n.ReadAtUtc == null) : mine;
        var rows = await shown.OrderByDescending(n => n.Id).Skip((Math.Max(page, 1) - 1) * PageSize).Take(PageSize).ToListAsync();
        return TypedResults.Ok(new NotificationPage(rows.Select(n => n.ToDto()).ToArray(),
            await mine.CountAsync(n => n.ReadAtUtc == null), await shown.CountAsync()));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> MarkRead(long id, CurrentUser me, AppDbContext db, TimeProvider clock)
    {
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == id && n.UserId == me.Id);
        if (notification is null)
            return Problems.NotFound("The notification");
        notification.ReadAtUtc ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> MarkAllRead(CurrentUser me, AppDbContext db, TimeProvider clock)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Notifications.Where(n => n.UserId == me.Id && n.ReadAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, now));
        return TypedResults.NoContent();
    }
}
