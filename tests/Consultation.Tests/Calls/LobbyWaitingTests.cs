using System.Threading.Channels;
using Consultation.Accounts;
using System.Net;
using System.Net.Http.Json;
using Consultation.Calls;
using INotificationClient = Consultation.Notifications.INotificationClient;
using NotificationDto = Consultation.Notifications.NotificationDto;
using Consultation.Tests.Infrastructure;
using Consultation.Tests.Items;
using Consultation.Tests.Visits;
using Consultation.Visits;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;

namespace Consultation.Tests.Calls;

/// <summary>Someone waiting in a visit's lobby: the lead unit's handlers on the visit are told who, as it happens.</summary>
public sealed class LobbyWaitingTests : IAsyncLifetime
{
    private ItemWorld _w = null!;
    private VisitDto _visit = null!;
    private readonly List<HubConnection> _connections = [];

    public async Task InitializeAsync()
    {
        _w = await ItemWorld.CreateAsync();
        var co = await _w.App.WithDb(db => db.Users.Where(u => u.UserName == "co").Select(u => u.Id).SingleAsync());
        _visit = await _w.ScheduleAsync((await _w.SignedAsync()).Id, _w.Now.AddHours(1), minutes: 30, staff: [co]);
        // A handler of the lead unit who is not on this visit.
        await _w.App.CreateUserAsync("lead.colleague", Roles.Handler, unitId: _w.LeadUnitId);
        _w.Advance(_visit.StartUtc - TimeSpan.FromMinutes(5) - _w.Now);
    }

    public async Task DisposeAsync()
    {
        foreach (var connection in _connections)
            await connection.DisposeAsync();
        await _w.DisposeAsync();
    }

    [Fact]
    public async Task The_lead_handler_is_told_at_once_who_waits_and_not_again_until_a_quiet_spell_has_passed()
    {
        var told = await NotificationsOf("lead");
        var deputy = await InCall("deputy");
        Assert.Equal("lobby", (await deputy.InvokeAsync<JoinResult>(nameof(CallHub.Join), _visit.Id)).RoomState);

        var first = await Next(told);
        Assert.Equal((WaitingNotice.Kind, _visit.Id), (first.Kind, first.VisitId));
        Assert.Equal([NameOf(ParticipantRole.Submitter)], Waiting(first));

        // The co-handling unit arrives two minutes later, and the deputy's page reloads: nobody is told again so soon.
        _w.Advance(TimeSpan.FromMinutes(2));
        await (await InCall("co")).InvokeAsync<JoinResult>(nameof(CallHub.Join), _visit.Id);
        await deputy.StopAsync();
        deputy = await InCall("deputy");
        await deputy.InvokeAsync<JoinResult>(nameof(CallHub.Join), _visit.Id);

        // Past the quiet spell, a new arrival tells again, naming everyone in the lobby.
        _w.Advance(WaitingNotice.Quiet);
        await deputy.StopAsync();
        await (await InCall("deputy")).InvokeAsync<JoinResult>(nameof(CallHub.Join), _visit.Id);
        var second = await Next(told);
        Assert.Equal(new[] { NameOf(ParticipantRole.CoUnit), NameOf(ParticipantRole.Submitter) }.Order(), Waiting(second).Order());

        Assert.Equal(2, await WaitingNoticesOf("lead"));
        foreach (var notTold in new[] { "co", "deputy", "office", "lead.colleague" })
            Assert.Equal(0, await WaitingNoticesOf(notTold));
    }

    [Fact]
    public async Task Nobody_is_told_when_the_lead_unit_is_in_the_room_first_nor_when_the_lead_reconnects()
    {
        var told = await NotificationsOf("lead");
        var lead = await InCall("lead");
        await lead.InvokeAsync<JoinResult>(nameof(CallHub.Join), _visit.Id);
        var deputy = await InCall("deputy");
        Assert.Equal("open", (await deputy.InvokeAsync<JoinResult>(nameof(CallHub.Join), _visit.Id)).RoomState);
        // A lead handler joining anew (a reconnect) tells nobody either.
        await (await InCall("lead")).InvokeAsync<JoinResult>(nameof(CallHub.Join), _visit.Id);

        // The deputy alone in the room after the lead leaves, back after a reload: that is a wait to be told about.
        _w.Advance(WaitingNotice.Quiet);
        await lead.StopAsync();
        await _connections[^1].StopAsync();
        await deputy.StopAsync();
        await (await InCall("deputy")).InvokeAsync<JoinResult>(nameof(CallHub.Join), _visit.Id);

        Assert.Equal([NameOf(ParticipantRole.Submitter)], Waiting(await Next(told)));
        Assert.Equal(1, await WaitingNoticesOf("lead"));
    }

    [Fact]
    public async Task A_lead_handler_who_cannot_come_at_once_writes_to_those_in_the_lobby_and_nobody_else_may()
    {
        var lines = Channel.CreateUnbounded<ChatLine>();
        var deputy = await HubClient.ConnectAsync(_w.App, "deputy", CallHub.Path, h => h.On<ChatLine>(nameof(IVisitClient.Chat), l => lines.Writer.TryWrite(l)));
        _connections.Add(deputy);
        await deputy.InvokeAsync<JoinResult>(nameof(CallHub.Join), _visit.Id);
        var path = $"/api/visits/{_visit.Id}/lobby-note";

        var sent = await _w.Ok<ChatLine>(_w.Lead, HttpMethod.Post, path, new { text = " 请稍候，我约 5 分钟后进入。 " });

        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
            Assert.Equal(sent, await lines.Reader.ReadAsync(timeout.Token));
        Assert.Equal((NameOf(ParticipantRole.LeadUnit), "请稍候，我约 5 分钟后进入。"), (sent.DisplayName, sent.Text));
        // Kept with the visit: the lead sees it in the call's chat on joining.
        var lead = await InCall("lead");
        await lead.InvokeAsync<JoinResult>(nameof(CallHub.Join), _visit.Id);
        Assert.Equal([sent], await lead.InvokeAsync<ChatLine[]>(nameof(CallHub.ChatHistory)));

        Assert.Equal("lead_unit_only", (await _w.Refused(_w.Co, HttpMethod.Post, path, new { text = "稍候" }, HttpStatusCode.Forbidden)).Reason);
        Assert.Equal("lead_unit_only", (await _w.Refused(_w.Deputy, HttpMethod.Post, path, new { text = "稍候" }, HttpStatusCode.Forbidden)).Reason);
        Assert.Equal("not_participant", (await _w.Refused(_w.OtherUnit, HttpMethod.Post, path, new { text = "稍候" }, HttpStatusCode.Forbidden)).Code);
        Assert.Equal("not_participant", (await _w.Refused(_w.Office, HttpMethod.Post, path, new { text = "稍候" }, HttpStatusCode.Forbidden)).Code);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _w.App.Anonymous().PostAsJsonAsync(path, new { text = "稍候" })).StatusCode);
        Assert.Contains("text", (await _w.Refused(_w.Lead, HttpMethod.Post, path, new { text = "  " }, HttpStatusCode.BadRequest)).Errors.Keys);
        Assert.Contains("text", (await _w.Refused(_w.Lead, HttpMethod.Post, path, new { text = new string('字', 2001) }, HttpStatusCode.BadRequest)).Errors.Keys);
        _w.Advance(_visit.EndUtc.AddHours(2) - _w.Now);
        Assert.Equal("room_closed", (await _w.Refused(_w.Lead, HttpMethod.Post, path, new { text = "稍候" }, HttpStatusCode.Conflict)).Code);

        Assert.Equal(1, await _w.App.WithDb(db => db.ChatMessages.CountAsync(m => m.VisitId == _visit.Id)));
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
        var pushed = Channel.CreateUnbounded<NotificationDto>();
        _connections.Add(await HubClient.ConnectAsync(_w.App, userName, "/hubs/notifications",
            h => h.On<NotificationDto>(nameof(INotificationClient.Notified), n => pushed.Writer.TryWrite(n))));
        return pushed;
    }

    private static async Task<NotificationDto> Next(Channel<NotificationDto> pushed)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await pushed.Reader.ReadAsync(timeout.Token);
    }

    private static string[] Waiting(NotificationDto n) =>
        n.Data!.Value.GetProperty("waiting").EnumerateArray().Select(e => e.GetString()!).ToArray();

    private Task<int> WaitingNoticesOf(string userName) => _w.App.WithDb(db =>
        db.Notifications.CountAsync(n => n.Kind == WaitingNotice.Kind && db.Users.Any(u => u.Id == n.UserId && u.UserName == userName)));
}
