using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Consultation.Accounts;

/// <summary>Puts the user's unit and deputy record into the cookie so scoping needs no lookup per request.</summary>
internal sealed class UserClaimsFactory(UserManager<User> users, RoleManager<Role> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<User, Role>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(User user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(CurrentUser.DisplayNameClaim, user.DisplayName));
        if (user.UnitId is { } unit)
            identity.AddClaim(new Claim(CurrentUser.UnitClaim, unit.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (user.DeputyId is { } deputy)
            identity.AddClaim(new Claim(CurrentUser.DeputyClaim, deputy.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return identity;
    }
}
