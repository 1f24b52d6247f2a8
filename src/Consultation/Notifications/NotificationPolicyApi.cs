using System.ComponentModel.DataAnnotations;
using Consultation.Accounts;
using Consultation.Data;
using Consultation.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Consultation.Notifications;

public sealed record PolicyDto(bool RequireSmsForReminders);

// Nullable so that a body without it is refused, not read as "no".
public sealed record PolicyChange(
    [property: Required(ErrorMessage = "Say whether reminders must also go by SMS: requireSmsForReminders is true or false.")] bool? RequireSmsForReminders);

public static class NotificationPolicyApi
{
    public static void MapNotificationPolicy(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/office/notification-policy").WithTags("Office").RequireAuthorization(Roles.Office).WithValidation();
        group.MapGet("/", async (AppDbContext db) =>
            TypedResults.Ok(new PolicyDto(await db.NotificationPolicy.AnyAsync(p => p.RequireSmsForReminders))));
        group.MapPut("/", Update);
    }

    private static async Task<Ok<PolicyDto>> Update(PolicyChange request, AppDbContext db)
    {
        var policy = await db.NotificationPolicy.SingleOrDefaultAsync(p => p.Id == 1);
        if (policy is null)
            db.NotificationPolicy.Add(policy = new NotificationPolicy { Id = 1 });
        policy.RequireSmsForReminders = request.RequireSmsForReminders == true;
        await db.SaveChangesAsync();
        return TypedResults.Ok(new PolicyDto(policy.RequireSmsForReminders));
    }
}
