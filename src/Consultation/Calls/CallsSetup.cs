using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Consultation.Calls;

public static class CallsSetup
{
    public static IHostApplicationBuilder AddCalls(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<CallSettings>(builder.Configuration.GetSection("Calls"));
        builder.Services.AddSingleton<RoomRegistry>();
        builder.Services.AddSingleton<AttendanceLog>();
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
    }
}
