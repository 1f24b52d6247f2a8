using System.ComponentModel.DataAnnotations;
using Consultation.Data;
using Consultation.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Consultation.Accounts;

public sealed record AccountDto(int Id, string UserName, string DisplayName, string[] Roles, int? UnitId, string? UnitName,
    int? DeputyId, string? DeputyName, bool IsLockedOut);

public sealed record CreateAccount(
    [property: Required, StringLength(64, MinimumLength = 3), RegularExpression("^[A-Za-z0-9._@-]+$",
        ErrorMessage = "Use letters, digits and . _ @ - only.")] string UserName,
    [property: Required, StringLength(100, MinimumLength = 1)] string DisplayName,
    [property: Required, StringLength(128)] string Password,
    [property: Required, AllowedValues(Roles.Deputy, Roles.Handler, Roles.Office, Roles.Admin,
        ErrorMessage = "The role must be Deputy, Handler, Office or Admin.")] string Role,
    int? UnitId,
    int? DeputyId);

public static class AdminAccountsApi
{
    public static void MapAdminAccounts(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin/accounts").WithTags("Admin").RequireAuthorization(Roles.Admin).WithValidation();
        admin.MapGet("/", List);
        admin.MapPost("/", Create);
    }

    private static async Task<Ok<AccountDto[]>> List(AppDbContext db, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var rows = await (
            from u in db.Users
            join unit in db.Units on u.UnitId equals unit.Id into units
            from unit in units.DefaultIfEmpty()
            join deputy in db.Deputies on u.DeputyId equals deputy.Id into deputies
            from deputy in deputies.DefaultIfEmpty()
            orderby u.UserName
            select new { u.Id, u.UserName, u.DisplayName, u.UnitId, UnitName = unit.Name, u.DeputyId, DeputyName = deputy.Name, u.LockoutEnd }
        ).ToListAsync();
        var roles = await (
            from ur in db.UserRoles
            join r in db.Roles on ur.RoleId equals r.Id
            select new { ur.UserId, r.Name }
        ).ToListAsync();
        var byUser = roles.ToLookup(r => r.UserId, r => r.Name!);
        return TypedResults.Ok(rows.Select(u => new AccountDto(u.Id, u.UserName!, u.DisplayName, [.. byUser[u.Id]],
            u.UnitId, u.UnitName, u.DeputyId, u.DeputyName, u.LockoutEnd > now)).ToArray());
    }

    private static async Task<Results<Created<AccountDto>, ProblemHttpResult, ValidationProblem>> Create(
        CreateAccount request, UserManager<User> users, AppDbContext db, TimeProvider clock)
    {
        if (await users.FindByNameAsync(request.UserName) is not null)
            return Problems.BadRequest("duplicate_user", $"The user name '{request.UserName}' is taken: choose another.");
        int? unitId = null, deputyId = null;
        string? unitName = null, deputyName = null;
        if (request.Role == Roles.Handler)
        {
            unitName = await db.Units.Where(u => u.Id == request.UnitId && u.IsActive).Select(u => u.Name).FirstOrDefaultAsync();
            if (unitName is null)
                return Problems.BadRequest("unit_required", "A handler belongs to a unit: choose an active handler unit.");
            unitId = request.UnitId;
        }
        if (request.Role == Roles.Deputy)
        {
            deputyName = await db.Deputies.Where(d => d.Id == request.DeputyId).Select(d => d.Name).FirstOrDefaultAsync();
            if (deputyName is null)
                return Problems.BadRequest("deputy_required", "A deputy account is linked to a deputy's record: choose one.");
            if (await db.Users.AnyAsync(u => u.DeputyId == request.DeputyId))
                return Problems.BadRequest("deputy_taken", $"{deputyName} already has an account.");
            deputyId = request.DeputyId;
        }

        var user = new User
        {
            UserName = request.UserName, DisplayName = request.DisplayName.Trim(), UnitId = unitId, DeputyId = deputyId,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        await using var transaction = await db.Database.BeginTransactionAsync();
        var created = await users.CreateAsync(user, request.Password);
        if (!created.Succeeded)
            return IdentityProblems.Of("password", created);
        await users.AddToRoleAsync(user, request.Role);
        await transaction.CommitAsync();
        return TypedResults.Created($"/api/admin/accounts/{user.Id}", new AccountDto(user.Id, user.UserName, user.DisplayName,
            [request.Role], unitId, unitName, deputyId, deputyName, false));
    }
}
