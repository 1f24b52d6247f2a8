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
        return builder;
    }

    /// <summary>Signed-in users only, checked when a connection opens (not per hub invocation, see <see cref="CallHub"/>).</summary>
    public static void MapCalls(this IEndpointRouteBuilder app) =>
        app.MapHub<CallHub>(CallHub.Path, o => o.ApplicationMaxBufferSize = 64 * 1024).RequireAuthorization();
}
