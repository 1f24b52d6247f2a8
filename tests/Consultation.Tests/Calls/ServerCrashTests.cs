using System.Net.Http.Json;
using System.Threading.Channels;
using Consultation.Calls;
using Consultation.Tests.Infrastructure;
using Consultation.Tests.Items;
using Consultation.Tests.Visits;
using Consultation.Visits;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;

namespace Consultation.Tests.Calls;

/// <summary>
/// Two servers sharing rooms through Redis; one is killed (SIGKILL) with a participant in a room, and that participant
/// does not come back: the others see them leave. The killed server is a real process, on the real clock, so this
/// test's world is set on the real clock too.
/// </summary>
public sealed class ServerCrashTests : IAsyncLifetime
{
    private RedisServer _redis = null!;
    private ItemWorld _w = null!;
    private VisitDto _visit = null!;
    private readonly List<HubConnection> _connections = [];

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        _w = await ItemWorld.CreateAsync(("ConnectionStrings:Redis", _redis.ConnectionString), ("Calls:ServerHeartbeat", "00:00:01"));
        _w.App.Clock.SetUtcNow(DateTimeOffset.UtcNow);
        _visit = await _w.ScheduleAsync((await _w.SignedAsync()).Id, _w.Now.AddMinutes(5), minutes: 30);
    }

    public async Task DisposeAsync()
    {
        foreach (var connection in _connections)
            await connection.DisposeAsync();
        await _w.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task A_participant_whose_server_crashed_and_who_does_not_come_back_leaves_the_room_for_the_others()
    {
        Channel<string> events = null!;
        var lead = await HubClient.ConnectAsync(_w.App, "lead", CallHub.Path, h => events = CallEvents.Record(h));
        _connections.Add(lead);
        await lead.InvokeAsync<JoinResult>(nameof(CallHub.Join), _visit.Id);

        await using var crashing = await ServerProcess.StartAsync(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["ConnectionStrings__Consultation"] = _w.App.DatabaseConnection,
            ["ConnectionStrings__Redis"] = _redis.ConnectionString,
            ["Calls__ServerHeartbeat"] = "00:00:01",
            ["Jobs__RunServer"] = "false",
        });
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = crashing.Address };
        var login = await http.PostAsJsonAsync("/api/account/login", new { userName = "deputy", password = TestApp.Password });
        login.EnsureSuccessStatusCode();
        var deputy = new HubConnectionBuilder()
            .WithUrl(new Uri(crashing.Address, CallHub.Path), o => o.Headers["Cookie"] = HubClient.CookieOf(login))
            .Build();
        _connections.Add(deputy);
        await deputy.StartAsync();
        var d = await deputy.InvokeAsync<JoinResult>(nameof(CallHub.Join), _visit.Id);
        Assert.Equal($"joined:{d.ParticipantId}", await CallEvents.Next(events, "joined:"));
        // The join's attendance row is written just after its answer.
        for (var tries = 0; !await _w.App.WithDb(db => db.Attendance.AnyAsync(a => a.ParticipantId == d.ParticipantId)) && tries < 50; tries++)
            await Task.Delay(100);

        crashing.Kill();

        Assert.Equal($"left:{d.ParticipantId}", await CallEvents.Next(events, "left:"));
        var stay = await _w.App.WithDb(db => db.Attendance.SingleAsync(a => a.VisitId == _visit.Id && a.ParticipantId == d.ParticipantId));
        Assert.NotNull(stay.LeftAtUtc);
    }
}
