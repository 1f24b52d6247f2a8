using Consultation.Accounts;
using Consultation.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Consultation.Notifications;

public sealed record PolicyDto(bool RequireSmsForReminders);

public static class NotificationPolicyApi
{
    public static void MapNotificationPolicy(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/office/notification-policy").WithTags("Office").RequireAuthorization(Roles.Office);
        group.MapGet("/", async (AppDbContext db) =>
            TypedResults.Ok(new PolicyDto(await db.NotificationPolicy.AnyAsync(p => p.RequireSmsForReminders))));
        group.MapPut("/", Update);
    }

    private static async Task<Ok<PolicyDto>> Update(PolicyDto request, AppDbContext db)
    {
        var policy = await db.NotificationPolicy.SingleOrDefaultAsync(p => p.Id == 1);
        if (policy is null)
            db.NotificationPolicy.Add(policy = new NotificationPolicy { Id = 1 });
        policy.RequireSmsForReminders = request.RequireSmsForReminders;
        await db.SaveChangesAsync();
        return TypedResults.Ok(new PolicyDto(policy.RequireSmsForReminders));
    }
}
