using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace Consultation.ScaleOut;

/// <summary>
/// Several server instances behind one address (DESIGN.md §5): with <c>ConnectionStrings:Redis</c> set, the SignalR hubs
/// reach each other's connections through Redis (a notification raised on one server reaches a browser connected to
/// another; a room's messages reach every member) and the video rooms are kept there (<see cref="Calls.SharedRooms"/>).
/// Empty (the default): one server, everything in its memory. The database and the Hangfire storage are shared anyway.
/// </summary>
public static class ScaleOutSetup
{
    public const string ChannelPrefix = "consultation";

    public static string? RedisOf(IConfiguration configuration) =>
        configuration.GetConnectionString("Redis") is { Length: > 0 } redis ? redis : null;

    public static IHostApplicationBuilder AddScaleOut(this IHostApplicationBuilder builder, ISignalRServerBuilder signalR)
    {
        if (RedisOf(builder.Configuration) is not { } configuration)
            return builder;
        // The hubs' messages and the rooms each have their own connection, and close it themselves. A server that
        // cannot reach Redis fails to start rather than run alone unseen.
        signalR.AddStackExchangeRedis(configuration, o => o.Configuration.ChannelPrefix = RedisChannel.Literal(ChannelPrefix));
        builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(configuration));
        // A server that has lost Redis is not ready: its browsers would not meet those of the other servers.
        builder.Services.AddHealthChecks().AddCheck<RedisCheck>("redis", tags: ["ready"]);
        return builder;
    }

    private sealed class RedisCheck(IConnectionMultiplexer redis) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                await redis.GetDatabase().PingAsync();
                return HealthCheckResult.Healthy();
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                return HealthCheckResult.Unhealthy("Redis cannot be reached", e);
            }
        }
    }
}
