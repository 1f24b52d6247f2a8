using Consultation.Audit;
using Consultation.Data;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Consultation.Accounts;

public static class AccountsSetup
{
    public static IHostApplicationBuilder AddConsultationAccounts(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var settings = builder.Configuration.GetSection("Accounts");
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddScoped<IAuditActor>(sp => sp.GetRequiredService<CurrentUser>());

        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddIdentityCore<User>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = settings.GetValue("MaxFailedSignIns", 5);
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(settings.GetValue("LockoutMinutes", 15));
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<Role>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<UserClaimsFactory>()
            .AddDefaultTokenProviders();

        var development = builder.Environment.IsDevelopment();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "consultation";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.ExpireTimeSpan = TimeSpan.FromHours(settings.GetValue("SessionHours", 8));
            o.SlidingExpiration = true;
            // The web app signs in by itself: the API answers 401/403 and never redirects to an HTML page.
            o.Events = new CookieAuthenticationEvents
            {
                OnRedirectToLogin = ctx => Deny(ctx, StatusCodes.Status401Unauthorized),
                OnRedirectToAccessDenied = ctx => Deny(ctx, StatusCodes.Status403Forbidden),
            };
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(Roles.Deputy, p => p.RequireRole(Roles.Deputy))
            .AddPolicy(Roles.Handler, p => p.RequireRole(Roles.Handler))
            .AddPolicy(Roles.Office, p => p.RequireRole(Roles.Office))
            .AddPolicy(Roles.Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.OfficeOrAdmin, p => p.RequireRole(Roles.Office, Roles.Admin));
        return builder;
    }

    private static Task Deny(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        ctx.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}

public static class Policies
{
    public const string OfficeOrAdmin = nameof(OfficeOrAdmin);
}
