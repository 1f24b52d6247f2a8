using System.ComponentModel.DataAnnotations;
using Consultation.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;

namespace Consultation.Accounts;

public sealed record Profile(
    [property: EmailAddress, StringLength(256)] string? Email,
    [property: Phone, StringLength(32)] string? PhoneNumber,
    bool NotifyByEmail,
    bool NotifyBySms,
    [property: Required, StringLength(64)] string TimeZone);

/// <summary>Each person's contact details, the channels they want besides the notification centre, and their time zone.</summary>
public static class ProfileApi
{
    public static void MapProfile(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/account/profile").WithTags("Account").RequireAuthorization().WithValidation();
        group.MapGet("/", Get);
        group.MapPut("/", Update);
    }

    private static async Task<Results<Ok<Profile>, UnauthorizedHttpResult>> Get(CurrentUser me, UserManager<User> users) =>
        await users.FindByIdAsync(me.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)) is { } user
            ? TypedResults.Ok(new Profile(user.Email, user.PhoneNumber, user.NotifyByEmail, user.NotifyBySms, user.TimeZone))
            : TypedResults.Unauthorized();

    private static async Task<Results<Ok<Profile>, ValidationProblem, UnauthorizedHttpResult>> Update(
        Profile request, CurrentUser me, UserManager<User> users)
    {
        if (await users.FindByIdAsync(me.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)) is not { } user)
            return TypedResults.Unauthorized();
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(request.TimeZone, out _))
            return Problems.Invalid("timeZone", "Choose a time zone by its IANA name, for example Asia/Shanghai.");
        if (request.NotifyByEmail && string.IsNullOrWhiteSpace(request.Email))
            return Problems.Invalid("email", "Give an e-mail address to be told by e-mail, or turn e-mail off.");
        if (request.NotifyBySms && string.IsNullOrWhiteSpace(request.PhoneNumber))
            return Problems.Invalid("phoneNumber", "Give a mobile number to be told by SMS, or turn SMS off.");
        user.Email = string.IsNullOrWhiteSpace(request.Email) ? null : request.Email.Trim();
        user.NormalizedEmail = user.Email?.ToUpperInvariant();
        user.PhoneNumber = string.IsNullOrWhiteSpace(request.PhoneNumber) ? null : request.PhoneNumber.Trim();
        (user.NotifyByEmail, user.NotifyBySms, user.TimeZone) = (request.NotifyByEmail, request.NotifyBySms, request.TimeZone);
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
            return IdentityProblems.Of("email", result);
        return TypedResults.Ok(new Profile(user.Email, user.PhoneNumber, user.NotifyByEmail, user.NotifyBySms, user.TimeZone));
    }
}
