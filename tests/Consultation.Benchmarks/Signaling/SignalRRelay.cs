using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Consultation.Benchmarks.Signaling;

/// <summary>
/// The floor of the stack the client fixed: SignalR alone on Kestrel, the least a SignalR signaling relay can be. A
/// participant connects to <c>/relay</c> (no sign-in, no database, no limits, no middleware), calls
/// <c>Join(room, id)</c> and sends <c>Signal(to, kind, payload)</c> as to our hub; the relay forwards it to the target in
/// the sender's room only, from the sender's id as the relay knows it. Measured beside our hub, it shows what of the
/// hub's cost is SignalR's own. Run as its own process (<c>signalr-relay --port N</c>) so its CPU is its own.
/// </summary>
public static class SignalRRelay
{
    public const string Path = "/relay";

    public static async Task<int> RunAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        builder.Services.AddSignalR().AddMessagePackProtocol();
        builder.Services.AddSingleton<Seats>();
        var app = builder.Build();
        app.MapGet("/health/ready", () => "ready");
        app.MapHub<RelayHub>(Path);
        await app.RunAsync();
        return 0;
    }

    /// <summary>Who each connection is and where, and each room's members by id.</summary>
    public sealed class Seats
    {
        public ConcurrentDictionary<string, (int Room, int Id)> ByConnection { get; } = new();
        public ConcurrentDictionary<int, ConcurrentDictionary<int, string>> Rooms { get; } = new();
    }

    public sealed class RelayHub(Seats seats) : Hub
    {
        public int Join(int room, int id)
        {
            seats.ByConnection[Context.ConnectionId] = (room, id);
            seats.Rooms.GetOrAdd(room, _ => new())[id] = Context.ConnectionId;
            return id;
        }

        public Task Signal(int to, string kind, string payload) =>
            seats.ByConnection.TryGetValue(Context.ConnectionId, out var seat) && seats.Rooms[seat.Room].TryGetValue(to, out var target)
                ? Clients.Client(target).SendAsync("Signal", seat.Id, kind, payload)
                : Task.CompletedTask;

        public override Task OnDisconnectedAsync(Exception? exception)
        {
            if (seats.ByConnection.TryRemove(Context.ConnectionId, out var seat))
                seats.Rooms[seat.Room].TryRemove(seat.Id, out _);
            return Task.CompletedTask;
        }
    }
}
