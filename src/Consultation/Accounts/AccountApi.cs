using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Consultation.Data;
using Consultation.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Consultation.Accounts;

public sealed record SignInRequest(
    [property: Required, StringLength(64)] string UserName,
    [property: Required, StringLength(128)] string Password);

public sealed record ChangePasswordRequest(
    [property: Required, StringLength(128)] string CurrentPassword,
    [property: Required, StringLength(128)] string NewPassword);

public sealed record Me(int Id, string UserName, string DisplayName, string[] Roles, int? UnitId, string? UnitName, int? DeputyId);

public static class AccountApi
{
    public static void MapAccount(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/account").WithTags("Account").WithValidation();
        group.MapPost("/login", SignIn).AllowAnonymous();
        group.MapPost("/logout", SignOut).RequireAuthorization();
        group.MapGet("/me", GetMe).RequireAuthorization();
        group.MapPost("/password", ChangePassword).RequireAuthorization();
    }

    private static async Task<Results<Ok<Me>, ProblemHttpResult>> SignIn(
        SignInRequest request, SignInManager<User> signIn, AppDbContext db, TimeProvider clock)
    {
        var user = await signIn.UserManager.FindByNameAsync(request.UserName.Trim());
        // An unknown name and a wrong password get the same answer, so names cannot be probed.
        if (user is null)
            return InvalidCredentials();
        var result = await signIn.PasswordSignInAsync(user, request.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
            return Problems.Of(StatusCodes.Status401Unauthorized, "locked_out",
                "Too many failed sign-ins: this account is locked for a while. Try again later or ask the administrator to unlock it.",
                new Dictionary<string, object?> { ["lockoutEndUtc"] = user.LockoutEnd?.UtcDateTime });
        if (result.IsNotAllowed)
            return Problems.Of(StatusCodes.Status401Unauthorized, "not_allowed", "This account may not sign in. Ask the administrator.");
        if (!result.Succeeded)
            return InvalidCredentials();
        var roles = await signIn.UserManager.GetRolesAsync(user);
        return TypedResults.Ok(await ToMe(db, user, [.. roles]));
    }

    private static ProblemHttpResult InvalidCredentials() =>
        Problems.Of(StatusCodes.Status401Unauthorized, "invalid_credentials",
            "The user name or password is wrong. Check them and try again.");

    private static async Task<NoContent> SignOut(SignInManager<User> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<Me>, UnauthorizedHttpResult>> GetMe(ClaimsPrincipal principal, UserManager<User> users, AppDbContext db)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null)
            return TypedResults.Unauthorized();
        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToArray();
        return TypedResults.Ok(await ToMe(db, user, roles));
    }

    private static async Task<Results<NoContent, ValidationProblem, UnauthorizedHttpResult>> ChangePassword(
        ChangePasswordRequest request, ClaimsPrincipal principal, SignInManager<User> signIn)
    {
        var user = await signIn.UserManager.GetUserAsync(principal);
        if (user is null)
            return TypedResults.Unauthorized();
        var result = await signIn.UserManager.ChangePasswordAsync(user, request.CurrentPassword, request.NewPassword);
        if (!result.Succeeded)
        {
            var wrong = result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch));
            return wrong
                ? Problems.Invalid("currentPassword", "The current password is wrong.", "wrong_password")
                : IdentityProblems.Of("newPassword", result);
        }
        await signIn.RefreshSignInAsync(user);
        return TypedResults.NoContent();
    }

    internal static async Task<Me> ToMe(AppDbContext db, User user, string[] roles)
    {
        var unitName = user.UnitId is null ? null
            : await db.Units.Where(u => u.Id == user.UnitId).Select(u => u.Name).FirstOrDefaultAsync();
        return new Me(user.Id, user.UserName!, user.DisplayName, roles, user.UnitId, unitName, user.DeputyId);
    }
}

internal static class IdentityProblems
{
    /// <summary>Identity's errors under one field, with their codes so the web app can translate them.</summary>
    public static ValidationProblem Of(string field, IdentityResult result) =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { [field] = result.Errors.Select(e => e.Description).ToArray() },
            extensions: new Dictionary<string, object?>
            {
                ["code"] = "invalid",
                ["identityCodes"] = result.Errors.Select(e => e.Code).ToArray(),
            });
}
