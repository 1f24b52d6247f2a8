using System.Threading.Channels;
using Consultation.Accounts;
using Consultation.Calls;
using Consultation.Notifications;
using Consultation.Tests.Infrastructure;
using Consultation.Tests.Items;
using Consultation.Tests.Notifications;
using Consultation.Tests.Visits;
using Consultation.Visits;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Channel = Consultation.Notifications.Channel;

namespace Consultation.Tests.Calls;

/// <summary>Someone waiting in a visit's lobby: a lead-unit handler away from the screen who chose SMS gets a text.</summary>
public sealed class LobbySmsTests : IAsyncLifetime
{
    private const string PublicUrl = "https://consultation.test";
    private static readonly Dictionary<string, string> Phones = new()
    {
        ["lead"] = "+8613900000001", ["lead.two"] = "+8613900000002", ["co"] = "+8613900000003",
        ["deputy"] = "+8613900000004", ["lead.colleague"] = "+8613900000005",
    };

    private LoopbackGateway _gateway = null!;
    private ItemWorld _w = null!;
    private VisitDto _visit = null!;
    private readonly List<HubConnection> _connections = [];

    public async Task InitializeAsync()
    {
        _gateway = await LoopbackGateway.StartAsync();
        _w = await ItemWorld.CreateAsync(("Sms:Url", _gateway.Url.ToString()), ("Visits:PublicUrl", PublicUrl + "/"));
        var leadTwo = await _w.App.CreateUserAsync("lead.two", Roles.Handler, unitId: _w.LeadUnitId);
        // A handler of the lead unit who is not on this visit.
        await _w.App.CreateUserAsync("lead.colleague", Roles.Handler, unitId: _w.LeadUnitId);
        var co = await _w.App.WithDb(db => db.Users.Where(u => u.UserName == "co").Select(u => u.Id).SingleAsync());
        _visit = await _w.ScheduleAsync((await _w.SignedAsync()).Id, _w.Now.AddHours(1), minutes: 30, staff: [co, leadTwo.Id]);
        // Everyone has a mobile number; all but the second lead handler chose SMS.
        await _w.App.WithDb(async db =>
        {
            foreach (var user in await db.Users.Where(u => Phones.Keys.Contains(u.UserName!)).ToListAsync())
                (user.PhoneNumber, user.NotifyBySms) = (Phones[user.UserName!], user.UserName != "lead.two");
            return await db.SaveChangesAsync();
        });
        _w.Advance(_visit.StartUtc - TimeSpan.FromMinutes(5) - _w.Now);
    }

    public async Task DisposeAsync()
    {
        foreach (var connection in _connections)
            await connection.DisposeAsync();
        await _w.DisposeAsync();
        await _gateway.DisposeAsync();
    }

    [Fact]
    public async Task Only_a_lead_handler_on_the_visit_who_chose_sms_gets_a_text_naming_who_waits_with_the_link_to_the_check_once_per_quiet_spell()
    {
        var deputy = await InCall("deputy");
        Assert.Equal("lobby", (await deputy.InvokeAsync<JoinResult>(nameof(CallHub.Join), _visit.Id)).RoomState);

        var check = $"{PublicUrl}/visits/{_visit.Id}/check";
        Assert.Equal((Phones["lead"], $"回访等候：{NameOf(ParticipantRole.Submitter)} 已在{_visit.ItemNumber}视频回访的等候室等候，请尽快进入 {check}"),
            (await _gateway.NextAsync()).Sms());

        // The co-handling unit arrives two minutes later, and the deputy's page reloads: no text so soon.
        _w.Advance(TimeSpan.FromMinutes(2));
        await (await InCall("co")).InvokeAsync<JoinResult>(nameof(CallHub.Join), _visit.Id);
        await deputy.StopAsync();
        deputy = await InCall("deputy");
        await deputy.InvokeAsync<JoinResult>(nameof(CallHub.Join), _visit.Id);

        // Past the quiet spell, a new arrival texts again, naming everyone in the lobby.
        _w.Advance(WaitingNotice.Quiet);
        await deputy.StopAsync();
        await (await InCall("deputy")).InvokeAsync<JoinResult>(nameof(CallHub.Join), _visit.Id);
        var (phone, text) = (await _gateway.NextAsync()).Sms();
        Assert.Equal(Phones["lead"], phone);
        Assert.Contains(NameOf(ParticipantRole.CoUnit), text);
        Assert.Contains(NameOf(ParticipantRole.Submitter), text);
        Assert.EndsWith(check, text);

        // Not the lead handler who did not choose SMS, the co-handling unit, the deputy, nor a colleague not on the visit.
        Assert.Empty(_gateway.Drain());
        var texts = await TextsOf(AllSent);
        Assert.Equal(["lead", "lead"], texts.Select(t => t.To));
        Assert.All(texts, t => Assert.NotNull(t.Effect.DeliveredAtUtc));
        // The lead handler without SMS is still told in the app, as before.
        Assert.Equal(2, await WaitingNoticesOf("lead.two"));
    }

    [Fact]
    public async Task A_slow_then_failing_gateway_holds_up_neither_the_join_nor_the_in_app_notices_and_the_text_is_sent_again()
    {
        await _w.App.WithDb(async db =>
        {
            (await db.Users.SingleAsync(u => u.UserName == "lead.two")).NotifyBySms = true;
            return await db.SaveChangesAsync();
        });
        var release = new TaskCompletionSource();
        (_gateway.Hold, _gateway.Answer) = (release.Task, (503, "网关维护中"));
        var toLead = await NotificationsOf("lead");
        var toLeadTwo = await NotificationsOf("lead.two");

        var deputy = await InCall("deputy");
        Assert.Equal("lobby", (await deputy.InvokeAsync<JoinResult>(nameof(CallHub.Join), _visit.Id)).RoomState);

        // While the gateway holds the first text, both handlers already have their notice.
        var held = (await _gateway.NextAsync()).Sms();
        Assert.Equal((WaitingNotice.Kind, WaitingNotice.Kind), ((await Next(toLead)).Kind, (await Next(toLeadTwo)).Kind));

        release.SetResult();
        var failed = await TextsOf(t => t.Count == 2 && t.All(e => e.Effect.Attempts == 1));
        Assert.All(failed, t => Assert.Null(t.Effect.DeliveredAtUtc));
        Assert.All(failed, t => Assert.Contains("503", t.Effect.LastError));
        Assert.Equal(HubConnectionState.Connected, deputy.State);
        Assert.Single(_gateway.Drain()); // the second handler's text, refused as well

        // The gateway is back: the ledger's retry (the reconcile job) sends each text once more, and nothing else.
        (_gateway.Hold, _gateway.Answer) = (null, (200, """{"code":0}"""));
        _w.Advance(EffectLedger.RetryAfter + TimeSpan.FromSeconds(1));
        await _w.RunReconcileAsync();

        var resent = _gateway.Drain().Select(c => c.Sms()).ToList();
        Assert.Equal([Phones["lead"], Phones["lead.two"]], resent.Select(t => t.Phone).Order());
        Assert.All(resent, t => Assert.Equal(held.Text, t.Text));
        Assert.All(await TextsOf(AllSent), t => Assert.Equal((2, true), (t.Effect.Attempts, t.Effect.DeliveredAtUtc is not null)));
        Assert.Equal(1, await WaitingNoticesOf("lead"));
    }

    [Fact]
    public async Task A_refused_text_is_not_sent_again_once_a_lead_handler_has_joined()
    {
        await RefusedTextAsync();

        Assert.Equal("open", (await (await InCall("lead")).InvokeAsync<JoinResult>(nameof(CallHub.Join), _visit.Id)).RoomState);
        await RetryAsync();

        Assert.Empty(_gateway.Drain());
        var (_, text) = Assert.Single(await TextsOf(_ => true));
        Assert.Equal(("not sent: a handler of the lead unit has joined", null, EffectLedger.MaxAttempts),
            (text.LastError, text.DeliveredAtUtc, text.Attempts));
    }

    [Fact]
    public async Task A_refused_text_is_not_sent_again_once_no_one_waits_in_the_lobby()
    {
        var deputy = await RefusedTextAsync();

        await deputy.StopAsync();
        var rooms = _w.App.Services.GetRequiredService<RoomRegistry>();
        var giveUp = DateTime.UtcNow.AddSeconds(10);
        while (await rooms.ReadAsync(_visit.Id) is not null && DateTime.UtcNow < giveUp)
            await Task.Delay(50);
        await RetryAsync();

        Assert.Empty(_gateway.Drain());
        var (_, text) = Assert.Single(await TextsOf(_ => true));
        Assert.Equal(("not sent: no one waits in the lobby any more", null, EffectLedger.MaxAttempts),
            (text.LastError, text.DeliveredAtUtc, text.Attempts));
    }

    /// <summary>The deputy waits in the lobby; the gateway refuses the text to the lead handler.</summary>
    private async Task<HubConnection> RefusedTextAsync()
    {
        _gateway.Answer = (503, "网关维护中");
        var deputy = await InCall("deputy");
        Assert.Equal("lobby", (await deputy.InvokeAsync<JoinResult>(nameof(CallHub.Join), _visit.Id)).RoomState);
        Assert.Equal(Phones["lead"], (await _gateway.NextAsync()).Sms().Phone);
        Assert.Single(await TextsOf(t => t.Count == 1 && t[0].Effect.Attempts == 1));
        return deputy;
    }

    /// <summary>The gateway is back, and the ledger's retry is due.</summary>
    private async Task RetryAsync()
    {
        _gateway.Answer = (200, """{"code":0}""");
        _w.Advance(EffectLedger.RetryAfter + TimeSpan.FromSeconds(1));
        await _w.RunReconcileAsync();
    }

    private string NameOf(ParticipantRole role) => _visit.Participants.Single(p => p.Role == role).DisplayName;

    private async Task<HubConnection> InCall(string userName)
    {
        var hub = await HubClient.ConnectAsync(_w.App, userName, CallHub.Path);
        _connections.Add(hub);
        return hub;
    }

    private async Task<Channel<NotificationDto>> NotificationsOf(string userName)
    {
        var pushed = System.Threading.Channels.Channel.CreateUnbounded<NotificationDto>();
        _connections.Add(await HubClient.ConnectAsync(_w.App, userName, "/hubs/notifications",
            h => h.On<NotificationDto>(nameof(INotificationClient.Notified), n => pushed.Writer.TryWrite(n))));
        return pushed;
    }

    private static async Task<NotificationDto> Next(Channel<NotificationDto> pushed)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await pushed.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>
    /// The waiting texts the ledger holds, with whom each is to, once they are as the test expects (a send is recorded
    /// just after the gateway answers), or as they are after ten seconds, for the test's assertions to explain.
    /// </summary>
    private async Task<List<(string To, SentEffect Effect)>> TextsOf(Func<List<(string To, SentEffect Effect)>, bool> expected)
    {
        var giveUp = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var texts = await _w.App.WithDb(db => db.SentEffects.AsNoTracking()
                .Where(e => e.Kind == WaitingNotice.Kind && e.Channel == Channel.Sms).OrderBy(e => e.Id)
                .Join(db.Users, e => e.RecipientUserId, u => u.Id, (e, u) => new { u.UserName, e }).ToListAsync());
            var found = texts.Select(t => (t.UserName!, t.e)).ToList();
            if (expected(found) || DateTime.UtcNow > giveUp)
                return found;
            await Task.Delay(50);
        }
    }

    private static bool AllSent(List<(string To, SentEffect Effect)> texts) => texts.All(t => t.Effect.DeliveredAtUtc is not null);

    private Task<int> WaitingNoticesOf(string userName) => _w.App.WithDb(db =>
        db.Notifications.CountAsync(n => n.Kind == WaitingNotice.Kind && db.Users.Any(u => u.Id == n.UserId && u.UserName == userName)));
}
