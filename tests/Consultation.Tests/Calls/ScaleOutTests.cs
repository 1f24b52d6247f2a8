using System.Net;
using System.Net.Http.Json;
using System.Threading.Channels;
using Consultation.Calls;
using Consultation.Tests.Infrastructure;
using Consultation.Tests.Items;
using Consultation.Tests.Visits;
using Consultation.Visits;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using INotificationClient = Consultation.Notifications.INotificationClient;
using NotificationDto = Consultation.Notifications.NotificationDto;

namespace Consultation.Tests.Calls;

/// <summary>
/// Two servers on one database and one Redis (scale-out): the people of a visit meet whichever server their browser
/// reached, and what one server raises reaches a browser connected to the other.
/// </summary>
public sealed class ScaleOutTests : IAsyncLifetime
{
    private RedisServer _redis = null!;
    private ItemWorld _w = null!;
    private TestApp _other = null!;
    private VisitDto _visit = null!;
    private readonly List<HubConnection> _connections = [];

    /// <summary>The first server, where the test world was made.</summary>
    private TestApp First => _w.App;

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        _w = await ItemWorld.CreateAsync(("ConnectionStrings:Redis", _redis.ConnectionString));
        var co = await _w.App.WithDb(db => db.Users.Where(u => u.UserName == "co").Select(u => u.Id).SingleAsync());
        _visit = await _w.ScheduleAsync((await _w.SignedAsync()).Id, _w.Now.AddHours(1), minutes: 30, staff: [co]);
        _w.Advance(_visit.StartUtc - TimeSpan.FromMinutes(5) - _w.Now);
        _other = First.AnotherServer();
        _ = _other.Server;
    }

    public async Task DisposeAsync()
    {
        foreach (var connection in _connections)
            await connection.DisposeAsync();
        await _other.DisposeAsync();
        await _w.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task A_deputy_on_one_server_and_a_handler_on_the_other_meet_in_one_room_and_everything_of_the_call_flows_between_them()
    {
        var (deputy, deputyEvents) = await InCall(First, "deputy");
        var d = await deputy.InvokeAsync<JoinResult>(nameof(CallHub.Join), _visit.Id);
        Assert.Equal("lobby", d.RoomState);

        var (lead, leadEvents) = await InCall(_other, "lead");
        var l = await lead.InvokeAsync<JoinResult>(nameof(CallHub.Join), _visit.Id);
        Assert.Equal("open", l.RoomState);
        Assert.Equal(d.ParticipantId, Assert.Single(l.Peers).ParticipantId);
        Assert.Equal($"joined:{l.ParticipantId}", await Next(deputyEvents, "joined:"));
        Assert.Equal("room:open", await Next(deputyEvents, "room:"));

        await lead.InvokeAsync(nameof(CallHub.Signal), d.ParticipantId, "offer", "v=0 offer");
        Assert.Equal($"signal:{l.ParticipantId}:offer:v=0 offer", await Next(deputyEvents, "signal:"));
        await deputy.InvokeAsync(nameof(CallHub.Signal), l.ParticipantId, "answer", "v=0 answer");
        Assert.Equal($"signal:{d.ParticipantId}:answer:v=0 answer", await Next(leadEvents, "signal:"));

        await deputy.InvokeAsync(nameof(CallHub.SetMedia), false, true, false);
        Assert.Equal($"media:{d.ParticipantId}:False", await Next(leadEvents, "media:"));
        await lead.InvokeAsync(nameof(CallHub.Chat), "<b>您好</b>");
        Assert.Equal($"chat:{l.ParticipantId}:<b>您好</b>", await Next(deputyEvents, "chat:"));

        // The call report, read on either server, shows both in the call now.
        foreach (var reader in new[] { _w.Office, await _other.SignInAsync("office") })
        {
            var report = await reader.GetFromJsonAsync<CallReport>($"/api/visits/{_visit.Id}/call", ItemWorld.Json);
            Assert.All(report!.Participants.Where(p => p.Role is ParticipantRole.LeadUnit or ParticipantRole.Submitter), p => Assert.True(p.InCallNow, p.DisplayName));
        }

        await lead.InvokeAsync(nameof(CallHub.Leave));
        Assert.Equal($"left:{l.ParticipantId}", await Next(deputyEvents, "left:"));
        Assert.Equal("room:lobby", await Next(deputyEvents, "room:"));
    }

    [Fact]
    public async Task A_deputy_and_a_handler_joining_at_once_on_two_servers_are_introduced_once_so_that_only_the_second_offers()
    {
        for (var round = 1; round <= 10; round++)
        {
            var (deputy, deputyEvents) = await InCall(First, "deputy");
            var (lead, leadEvents) = await InCall(_other, "lead");

            var joins = await Task.WhenAll(
                deputy.InvokeAsync<JoinResult>(nameof(CallHub.Join), _visit.Id), lead.InvokeAsync<JoinResult>(nameof(CallHub.Join), _visit.Id));

            // The one who entered second finds the first in its answer, and offers; the first is told the second joined.
            var (d, l) = (joins[0], joins[1]);
            var (deputySecond, leadSecond) = (d.Peers.Any(p => p.ParticipantId == l.ParticipantId), l.Peers.Any(p => p.ParticipantId == d.ParticipantId));
            Assert.True(deputySecond != leadSecond, $"Round {round}: the deputy's answer names the handler: {deputySecond}; the handler's names the deputy: {leadSecond}.");
            var (first, firstId, firstEvents, secondId, secondEvents) = deputySecond
                ? (lead, l.ParticipantId, leadEvents, d.ParticipantId, deputyEvents)
                : (deputy, d.ParticipantId, deputyEvents, l.ParticipantId, leadEvents);
            Assert.Equal($"joined:{secondId}", await Next(firstEvents, "joined:"));
            // Nor is the second told afterwards that the first joined (a page drops its new link to someone who joins
            // again): a line the first says after its join reaches the second with nothing of the kind before it.
            await first.InvokeAsync(nameof(CallHub.Chat), $"第 {round} 轮");
            Assert.Equal($"chat:{firstId}:第 {round} 轮", await Next(secondEvents, "chat:", unexpected: $"joined:{firstId}"));

            await deputy.InvokeAsync(nameof(CallHub.Leave));
            await lead.InvokeAsync(nameof(CallHub.Leave));
        }
    }

    [Fact]
    public async Task A_deputy_reconnecting_to_the_other_server_takes_their_place_and_the_old_connection_hears_nothing_more()
    {
        var (lead, _) = await InCall(First, "lead");
        var l = await lead.InvokeAsync<JoinResult>(nameof(CallHub.Join), _visit.Id);
        var (before, beforeEvents) = await InCall(First, "deputy");
        var d = await before.InvokeAsync<JoinResult>(nameof(CallHub.Join), _visit.Id);

        var (after, afterEvents) = await InCall(_other, "deputy");
        Assert.Equal(d.ParticipantId, (await after.InvokeAsync<JoinResult>(nameof(CallHub.Join), _visit.Id)).ParticipantId);
        await lead.InvokeAsync(nameof(CallHub.Signal), d.ParticipantId, "offer", "v=0 again");

        Assert.Equal($"signal:{l.ParticipantId}:offer:v=0 again", await Next(afterEvents, "signal:"));
        var stale = await Assert.ThrowsAsync<HubException>(() => before.InvokeAsync(nameof(CallHub.Signal), l.ParticipantId, "answer", "v=0"));
        Assert.Contains("Join the visit first", stale.Message);
        Assert.False(beforeEvents.Reader.TryPeek(out var heard) && heard.StartsWith("signal:", StringComparison.Ordinal), heard);
    }

    [Fact]
    public async Task A_full_room_and_a_visit_ended_on_one_server_are_refused_on_the_other()
    {
        await using var small = First.AnotherServer().With("Calls:MaxParticipants", "2");
        var (lead, _) = await InCall(First, "lead");
        await lead.InvokeAsync<JoinResult>(nameof(CallHub.Join), _visit.Id);
        var (deputy, deputyEvents) = await InCall(_other, "deputy");
        await deputy.InvokeAsync<JoinResult>(nameof(CallHub.Join), _visit.Id);

        var (co, _) = await InCall(small, "co");
        var full = await Assert.ThrowsAsync<HubException>(() => co.InvokeAsync<JoinResult>(nameof(CallHub.Join), _visit.Id));
        Assert.Contains("full", full.Message);

        await lead.InvokeAsync(nameof(CallHub.EndVisit));
        Assert.Equal("room:closed", await Next(deputyEvents, "room:"));
        var (again, _) = await InCall(_other, "deputy");
        var ended = await Assert.ThrowsAsync<HubException>(() => again.InvokeAsync<JoinResult>(nameof(CallHub.Join), _visit.Id));
        Assert.Contains("ended this visit", ended.Message);
    }

    [Fact]
    public async Task The_lead_handler_on_the_other_server_is_told_who_waits_and_their_lobby_note_reaches_the_deputy()
    {
        var told = Channel.CreateUnbounded<NotificationDto>();
        _connections.Add(await HubClient.ConnectAsync(_other, "lead", "/hubs/notifications",
            h => h.On<NotificationDto>(nameof(INotificationClient.Notified), n => told.Writer.TryWrite(n))));
        var (deputy, deputyEvents) = await InCall(First, "deputy");
        await deputy.InvokeAsync<JoinResult>(nameof(CallHub.Join), _visit.Id);

        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
            Assert.Equal((WaitingNotice.Kind, _visit.Id), ((await told.Reader.ReadAsync(timeout.Token)) is var n ? (n.Kind, n.VisitId) : default));

        var lead = await _other.SignInAsync("lead");
        (await lead.PostAsJsonAsync($"/api/visits/{_visit.Id}/lobby-note", new { text = "请稍候，我约 5 分钟后进入。" })).EnsureSuccessStatusCode();
        Assert.EndsWith(":请稍候，我约 5 分钟后进入。", await Next(deputyEvents, "chat:"));
    }

    [Fact]
    public async Task A_server_that_has_lost_redis_is_not_ready()
    {
        var client = _other.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

        await _redis.DisposeAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }

    private async Task<(HubConnection Hub, Channel<string> Events)> InCall(TestApp server, string userName)
    {
        Channel<string> events = null!;
        var hub = await HubClient.ConnectAsync(server, userName, CallHub.Path, handlers: h => events = CallEvents.Record(h));
        _connections.Add(hub);
        return (hub, events);
    }

    private static Task<string> Next(Channel<string> events, string prefix, string? unexpected = null) =>
        CallEvents.Next(events, prefix, unexpected);
}
