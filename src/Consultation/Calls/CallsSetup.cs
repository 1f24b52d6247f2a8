using Consultation.Notifications;
using Consultation.ScaleOut;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Consultation.Calls;

public static class CallsSetup
{
    public static IHostApplicationBuilder AddCalls(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<CallSettings>(builder.Configuration.GetSection("Calls"));
        if (ScaleOutSetup.RedisOf(builder.Configuration) is null)
            builder.Services.AddSingleton<RoomRegistry>();
        else
        {
            builder.Services.AddSingleton<SharedRooms>();
            builder.Services.AddSingleton<RoomRegistry>(s => s.GetRequiredService<SharedRooms>());
            builder.Services.AddHostedService(s => s.GetRequiredService<SharedRooms>());
        }
        builder.Services.AddSingleton<AttendanceLog>();
        builder.Services.AddSingleton<WaitingNotice>();
        builder.Services.AddSingleton<IRetryRule, LobbyRetryRule>();
        builder.Services.AddScoped<JoinLinks>();
        builder.Services.AddLinkSession(builder.Environment.IsDevelopment());
        return builder;
    }

    /// <summary>
    /// Signed-in users (or a join link's session, for its own visit) only, checked when a connection opens, not per
    /// hub invocation (see <see cref="CallHub"/>).
    /// </summary>
    public static void MapCalls(this IEndpointRouteBuilder app)
    {
        app.MapHub<CallHub>(CallHub.Path, o =>
        {
            o.ApplicationMaxBufferSize = 64 * 1024;
            // A short network blip resumes the same connection, replaying what was missed, instead of rejoining.
            o.AllowStatefulReconnects = true;
        }).RequireAuthorization(LinkSession.CallPolicy);
        app.MapJoinLinks();
        app.MapCallReport();
        app.MapLobbyNote();
    }

    /// <summary>
    /// A call's WebSocket request lives as long as the call, and with it the request's cookies: the sign-in cookie's
    /// text twice over (the header and its parsed copy), about 4 KB for every participant. Once authorization has let
    /// the connection in, nothing reads them again (the hub knows the user from <c>Context.User</c>), so they are
    /// let go. Goes after <c>UseAuthorization</c>. Every request to the hub is let go of them, whatever its transport:
    /// whether it is a WebSocket cannot be asked here, before the hub's own WebSocket middleware.
    /// </summary>
    public static void UseCallConnectionsWithoutCookies(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(CallHub.Path))
            {
                context.Request.Headers.Cookie = default;
                context.Features.Set<IRequestCookiesFeature>(new RequestCookiesFeature(context.Features));
            }
            return next(context);
        });
}
