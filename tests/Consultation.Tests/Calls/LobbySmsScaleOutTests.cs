using Consultation.Calls;
using Consultation.Notifications;
using Consultation.Tests.Infrastructure;
using Consultation.Tests.Items;
using Consultation.Tests.Notifications;
using Consultation.Tests.Visits;
using Consultation.Visits;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Channel = Consultation.Notifications.Channel;

namespace Consultation.Tests.Calls;

/// <summary>
/// Two servers on one database and one Redis: the reconcile job on one server decides whether to send a refused lobby
/// text again from the shared room, where the deputy (and the handler) may be on the other server.
/// </summary>
public sealed class LobbySmsScaleOutTests : IAsyncLifetime
{
    private const string LeadPhone = "+8613900000001";
    private const string DeputyPhone = "+8613900000004";

    private LoopbackGateway _gateway = null!;
    private RedisServer _redis = null!;
    private ItemWorld _w = null!;
    private TestApp _other = null!;
    private VisitDto _visit = null!;
    private readonly List<HubConnection> _connections = [];

    public async Task InitializeAsync()
    {
        _gateway = await LoopbackGateway.StartAsync();
        _redis = await RedisServer.StartAsync();
        _w = await ItemWorld.CreateAsync(("ConnectionStrings:Redis", _redis.ConnectionString), ("Sms:Url", _gateway.Url.ToString()));
        await _w.App.WithDb(async db =>
        {
            foreach (var user in await db.Users.Where(u => u.UserName == "lead" || u.UserName == "deputy").ToListAsync())
                (user.PhoneNumber, user.NotifyBySms) = (user.UserName == "lead" ? LeadPhone : DeputyPhone, true);
            return await db.SaveChangesAsync();
        });
        _visit = await _w.ScheduleAsync((await _w.SignedAsync()).Id, _w.Now.AddHours(1), minutes: 30);
        _w.Advance(_visit.StartUtc - TimeSpan.FromMinutes(5) - _w.Now);
        _other = _w.App.AnotherServer();
        _ = _other.Server;
        _gateway.Answer = (503, "网关维护中");
    }

    public async Task DisposeAsync()
    {
        foreach (var connection in _connections)
            await connection.DisposeAsync();
        await _other.DisposeAsync();
        await _w.DisposeAsync();
        await _redis.DisposeAsync();
        await _gateway.DisposeAsync();
    }

    [Fact]
    public async Task A_text_refused_on_one_server_is_sent_again_by_the_other_while_the_deputy_still_waits()
    {
        await DeputyWaitsOnTheOtherServerAsync();

        await RetryOnTheFirstServerAsync();

        Assert.Equal(LeadPhone, (await _gateway.NextAsync()).Sms().Phone);
        Assert.NotNull((await LobbyTextAsync(_ => true)).DeliveredAtUtc);
    }

    [Fact]
    public async Task A_text_refused_on_one_server_is_given_up_by_the_other_once_a_lead_handler_joined_there()
    {
        await DeputyWaitsOnTheOtherServerAsync();
        Assert.Equal("open", (await InCallAsync(_other, "lead")).RoomState);

        await RetryOnTheFirstServerAsync();

        Assert.Empty(_gateway.Drain());
        Assert.Equal("not sent: a handler of the lead unit has joined", (await LobbyTextAsync(_ => true)).LastError);
    }

    [Fact]
    public async Task With_redis_unreachable_the_lobby_text_waits_for_the_next_run_and_other_messages_are_still_sent_again()
    {
        await DeputyWaitsOnTheOtherServerAsync();
        await _w.RunVisitJobAsync(_visit.Id, VisitJobKind.SecondReminder);
        Assert.Equal([LeadPhone, DeputyPhone], _gateway.Drain().Select(c => c.Sms().Phone).Order());

        await _redis.DisposeAsync();
        await RetryOnTheFirstServerAsync();

        // The two reminders, not the lobby text.
        Assert.Equal([LeadPhone, DeputyPhone], _gateway.Drain().Select(c => c.Sms().Phone).Order());
        var lobby = await LobbyTextAsync(_ => true);
        Assert.Equal((1, null), (lobby.Attempts, lobby.DeliveredAtUtc));
        Assert.Contains("503", lobby.LastError);
    }

    [Fact]
    public async Task With_redis_unreachable_more_lobby_texts_than_a_run_retries_do_not_hold_up_the_messages_behind_them()
    {
        await DeputyWaitsOnTheOtherServerAsync();
        // More refused lobby texts than a run sends again, all older than the reminders (other deputies once waited).
        await _w.App.WithDb(async db =>
        {
            var refused = await db.SentEffects.AsNoTracking().SingleAsync(e => e.Kind == WaitingNotice.Kind && e.Channel == Channel.Sms);
            db.SentEffects.AddRange(Enumerable.Range(1, EffectLedger.RetriesPerRun + 20).Select(i => new SentEffect
            {
                Key = $"{refused.Key}:earlier-{i}", Kind = refused.Kind, Channel = refused.Channel, VisitId = refused.VisitId,
                RecipientUserId = refused.RecipientUserId, RecordedAtUtc = refused.RecordedAtUtc, Attempts = 1,
                Payload = refused.Payload, LastError = refused.LastError,
            }));
            return await db.SaveChangesAsync();
        });
        await _w.RunVisitJobAsync(_visit.Id, VisitJobKind.SecondReminder);
        Assert.Equal([LeadPhone, DeputyPhone], _gateway.Drain().Select(c => c.Sms().Phone).Order());

        await _redis.DisposeAsync();
        await RetryOnTheFirstServerAsync();

        // The two reminders in this run; the lobby texts wait, untried.
        Assert.Equal([LeadPhone, DeputyPhone], _gateway.Drain().Select(c => c.Sms().Phone).Order());
        var lobby = await _w.App.WithDb(db => db.SentEffects.AsNoTracking()
            .Where(e => e.Kind == WaitingNotice.Kind && e.Channel == Channel.Sms).ToListAsync());
        Assert.Equal(EffectLedger.RetriesPerRun + 21, lobby.Count);
        Assert.All(lobby, text => Assert.Equal((1, null), (text.Attempts, text.DeliveredAtUtc)));
    }

    /// <summary>The deputy waits in the lobby on the second server, which texts the lead handler; the gateway refuses.</summary>
    private async Task DeputyWaitsOnTheOtherServerAsync()
    {
        Assert.Equal("lobby", (await InCallAsync(_other, "deputy")).RoomState);
        Assert.Equal(LeadPhone, (await _gateway.NextAsync()).Sms().Phone);
        await LobbyTextAsync(t => t.Attempts == 1);
    }

    /// <summary>The gateway is back, and the first server's reconcile job runs once the retry is due.</summary>
    private async Task RetryOnTheFirstServerAsync()
    {
        _gateway.Answer = (200, """{"code":0}""");
        _w.Advance(EffectLedger.RetryAfter + TimeSpan.FromSeconds(1));
        await _w.RunReconcileAsync();
    }

    private async Task<JoinResult> InCallAsync(TestApp server, string userName)
    {
        var hub = await HubClient.ConnectAsync(server, userName, CallHub.Path);
        _connections.Add(hub);
        return await hub.InvokeAsync<JoinResult>(nameof(CallHub.Join), _visit.Id);
    }

    /// <summary>The ledger's row of the lobby text, once it is as expected (a send is recorded just after the gateway answers).</summary>
    private async Task<SentEffect> LobbyTextAsync(Func<SentEffect, bool> expected)
    {
        var giveUp = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var text = await _w.App.WithDb(db => db.SentEffects.AsNoTracking()
                .SingleAsync(e => e.Kind == WaitingNotice.Kind && e.Channel == Channel.Sms));
            if (expected(text) || DateTime.UtcNow > giveUp)
                return text;
            await Task.Delay(50);
        }
    }
}
