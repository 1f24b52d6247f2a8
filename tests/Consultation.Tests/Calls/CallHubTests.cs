using System.Threading.Channels;
using Consultation.Calls;
using Consultation.Tests.Infrastructure;
using Consultation.Tests.Items;
using Consultation.Tests.Visits;
using Consultation.Visits;
using Hangfire;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Consultation.Tests.Calls;

/// <summary>The signaling hub, driven with the .NET SignalR client, bypassing the web app.</summary>
public sealed class CallHubTests : IAsyncLifetime
{
    private const string Secret = "turn-test-secret";
    private ItemWorld _w = null!;
    private VisitDto _visit = null!;
    private readonly List<HubConnection> _connections = [];

    public async Task InitializeAsync()
    {
        _w = await ItemWorld.CreateAsync(("Calls:TurnUrls:0", "turn:127.0.0.1:3478?transport=udp"), ("Calls:TurnSecret", Secret));
        _visit = await _w.ScheduleAsync((await _w.SignedAsync()).Id, _w.Now.AddHours(1), minutes: 30);
    }

    /// <summary>Most tests start five minutes before the visit; one starts earlier.</summary>
    private async Task<(HubConnection Hub, Channel<string> Events)> ConnectAt(string userName, TimeSpan beforeStart, bool messagePack = false)
    {
        var gap = _visit.StartUtc - beforeStart - _w.Now;
        if (gap > TimeSpan.Zero)
            _w.Advance(gap);
        return await ConnectNow(userName, messagePack);
    }

    public async Task DisposeAsync()
    {
        foreach (var connection in _connections)
            await connection.DisposeAsync();
        await _w.DisposeAsync();
    }

    private Task<(HubConnection Hub, Channel<string> Events)> Connect(string userName) => ConnectAt(userName, TimeSpan.FromMinutes(5))!;

    private async Task<(HubConnection Hub, Channel<string> Events)> ConnectNow(string userName, bool messagePack = false)
    {
        Channel<string> events = null!;
        var hub = await HubClient.ConnectAsync(_w.App, userName, CallHub.Path, messagePack: messagePack, handlers: h => events = CallEvents.Record(h));
        _connections.Add(hub);
        return (hub, events);
    }

    private static Task<string> Next(Channel<string> events, string prefix) => CallEvents.Next(events, prefix);

    [Fact]
    public async Task The_deputy_waits_in_the_lobby_until_a_lead_handler_joins_then_signals_flow_between_them()
    {
        var (deputy, deputyEvents) = await Connect("deputy");
        var joined = await deputy.InvokeAsync<JoinResult>(nameof(CallHub.Join), _visit.Id);
        Assert.Equal("lobby", joined.RoomState);
        var early = await Assert.ThrowsAsync<HubException>(() => deputy.InvokeAsync(nameof(CallHub.Signal), 1, "offer", "v=0"));
        Assert.Contains("lobby", early.Message);

        var (lead, leadEvents) = await Connect("lead");
        var leadJoin = await lead.InvokeAsync<JoinResult>(nameof(CallHub.Join), _visit.Id);

        Assert.Equal("open", leadJoin.RoomState);
        Assert.Equal($"joined:{leadJoin.ParticipantId}", await Next(deputyEvents, "joined:"));
        Assert.Equal("room:open", await Next(deputyEvents, "room:"));
        var deputyPeer = Assert.Single(leadJoin.Peers);
        Assert.Equal(joined.ParticipantId, deputyPeer.ParticipantId);
        Assert.Equal(leadJoin.ParticipantId > joined.ParticipantId, deputyPeer.IAmPolite);

        await deputy.InvokeAsync(nameof(CallHub.Signal), leadJoin.ParticipantId, "offer", "v=0 o=- 1 2 IN IP4 127.0.0.1");
        Assert.Equal($"signal:{joined.ParticipantId}:offer:v=0 o=- 1 2 IN IP4 127.0.0.1", await Next(leadEvents, "signal:"));
    }

    [Fact]
    public async Task A_client_speaking_MessagePack_as_the_call_page_does_joins_and_signals_with_one_speaking_JSON()
    {
        var (lead, leadEvents) = await ConnectAt("lead", TimeSpan.FromMinutes(5), messagePack: true);
        var (deputy, deputyEvents) = await ConnectNow("deputy");

        var l = await lead.InvokeAsync<JoinResult>(nameof(CallHub.Join), _visit.Id);
        var d = await deputy.InvokeAsync<JoinResult>(nameof(CallHub.Join), _visit.Id);
        Assert.Equal("open", d.RoomState);
        Assert.Equal(l.ParticipantId, Assert.Single(d.Peers).ParticipantId);
        Assert.Equal($"joined:{d.ParticipantId}", await Next(leadEvents, "joined:"));

        const string offer = "{\"type\":\"offer\",\"sdp\":\"v=0\\r\\no=- 1 2 IN IP4 127.0.0.1\\r\\n\"}";
        await lead.InvokeAsync(nameof(CallHub.Signal), d.ParticipantId, "offer", offer);
        Assert.Equal($"signal:{l.ParticipantId}:offer:{offer}", await Next(deputyEvents, "signal:"));
        await deputy.InvokeAsync(nameof(CallHub.Signal), l.ParticipantId, "answer", "v=0 answer");
        Assert.Equal($"signal:{d.ParticipantId}:answer:v=0 answer", await Next(leadEvents, "signal:"));
        var big = await Assert.ThrowsAsync<HubException>(() => lead.InvokeAsync(nameof(CallHub.Signal), d.ParticipantId, "offer", new string('a', 40_000)));
        Assert.Contains("larger", big.Message);
    }

    [Fact]
    public async Task A_connection_without_a_sign_in_is_refused_before_any_hub_method_runs()
    {
        await using var anonymous = HubClient.Build(_w.App, CallHub.Path, cookie: null);

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => anonymous.StartAsync());

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task An_outsider_and_a_participant_of_another_visit_are_refused_by_the_hub()
    {
        var other = await _w.ScheduleAsync((await _w.SignedAsync()).Id, _w.Now.AddHours(3), staff: [await CoUserId()]);
        var (outsider, _) = await Connect("other.deputy");
        var (co, _) = await Connect("co");

        var refused = await Assert.ThrowsAsync<HubException>(() => outsider.InvokeAsync<JoinResult>(nameof(CallHub.Join), _visit.Id));
        Assert.Contains("not a participant", refused.Message);
        Assert.Contains("not a participant", (await Assert.ThrowsAsync<HubException>(() => co.InvokeAsync<JoinResult>(nameof(CallHub.Join), _visit.Id))).Message);
        Assert.NotEqual(other.Id, _visit.Id);
    }

    [Fact]
    public async Task Before_the_room_opens_the_deputy_is_told_when_while_the_lead_unit_may_open_it_earlier()
    {
        var (deputy, _) = await ConnectAt("deputy", TimeSpan.FromMinutes(40));
        var (lead, _) = await ConnectAt("lead", TimeSpan.FromMinutes(40));

        Assert.Contains("opens at", (await Assert.ThrowsAsync<HubException>(() => lead.InvokeAsync<JoinResult>(nameof(CallHub.Join), _visit.Id))).Message);
        _w.Advance(TimeSpan.FromMinutes(15)); // 25 minutes before: the lead unit may open the room, the deputy not yet
        Assert.Contains("opens at", (await Assert.ThrowsAsync<HubException>(() => deputy.InvokeAsync<JoinResult>(nameof(CallHub.Join), _visit.Id))).Message);
        Assert.Equal("open", (await lead.InvokeAsync<JoinResult>(nameof(CallHub.Join), _visit.Id)).RoomState);
    }

    [Fact]
    public async Task A_signal_to_someone_outside_the_room_is_dropped_and_oversize_or_too_fast_messages_are_refused_to_that_caller_only()
    {
        var (deputy, deputyEvents) = await Connect("deputy");
        var (lead, leadEvents) = await Connect("lead");
        var d = await deputy.InvokeAsync<JoinResult>(nameof(CallHub.Join), _visit.Id);
        var l = await lead.InvokeAsync<JoinResult>(nameof(CallHub.Join), _visit.Id);

        await deputy.InvokeAsync(nameof(CallHub.Signal), 9_999, "candidate", "candidate:1 1 udp 1 127.0.0.1 5000 typ host");
        var big = await Assert.ThrowsAsync<HubException>(() => deputy.InvokeAsync(nameof(CallHub.Signal), l.ParticipantId, "offer", new string('a', 40_000)));
        Assert.Contains("larger", big.Message);
        var wrongKind = await Assert.ThrowsAsync<HubException>(() => deputy.InvokeAsync(nameof(CallHub.Signal), l.ParticipantId, "bye", "x"));
        Assert.Contains("offer, an answer or a candidate", wrongKind.Message);

        var tooFast = 0;
        for (var i = 0; i < 60; i++)
            try { await deputy.InvokeAsync(nameof(CallHub.SetMedia), true, i % 2 == 0, false); }
            catch (HubException e) when (e.Message.Contains("Too many")) { tooFast++; }
        Assert.True(tooFast > 0);

        // The room goes on for the others.
        await lead.InvokeAsync(nameof(CallHub.Signal), d.ParticipantId, "answer", "v=0");
        Assert.Equal($"signal:{l.ParticipantId}:answer:v=0", await Next(deputyEvents, "signal:"));
        Assert.Equal(HubConnectionState.Connected, deputy.State);
    }

    [Fact]
    public async Task A_chat_message_with_markup_reaches_everyone_as_the_same_text_and_is_kept_with_the_visit()
    {
        var (deputy, deputyEvents) = await Connect("deputy");
        var (lead, leadEvents) = await Connect("lead");
        var d = await deputy.InvokeAsync<JoinResult>(nameof(CallHub.Join), _visit.Id);
        await lead.InvokeAsync<JoinResult>(nameof(CallHub.Join), _visit.Id);
        const string text = "<img src=x onerror=alert(1)><script>alert('x')</script>";

        await deputy.InvokeAsync(nameof(CallHub.Chat), text);

        Assert.Equal($"chat:{d.ParticipantId}:{text}", await Next(leadEvents, "chat:"));
        Assert.Equal($"chat:{d.ParticipantId}:{text}", await Next(deputyEvents, "chat:"));
        Assert.Equal(text, await _w.App.WithDb(db => db.ChatMessages.Select(m => m.Text).SingleAsync()));
    }

    [Fact]
    public async Task Joins_and_leaves_are_recorded_and_the_others_see_the_leaver_go()
    {
        var (deputy, _) = await Connect("deputy");
        var (lead, leadEvents) = await Connect("lead");
        await lead.InvokeAsync<JoinResult>(nameof(CallHub.Join), _visit.Id);
        var d = await deputy.InvokeAsync<JoinResult>(nameof(CallHub.Join), _visit.Id);

        await deputy.InvokeAsync(nameof(CallHub.Leave));

        Assert.Equal($"left:{d.ParticipantId}", await Next(leadEvents, "left:"));
        var attendance = await _w.App.WithDb(db => db.Attendance.Where(a => a.VisitId == _visit.Id).ToListAsync());
        Assert.Equal(2, attendance.Count);
        Assert.NotNull(attendance.Single(a => a.ParticipantId == d.ParticipantId).LeftAtUtc);
    }

    [Fact]
    public async Task A_join_is_written_to_the_attendance_after_its_answer_and_ending_the_visit_closes_every_entry()
    {
        var (deputy, _) = await Connect("deputy");
        var (lead, _) = await Connect("lead");
        var d = await deputy.InvokeAsync<JoinResult>(nameof(CallHub.Join), _visit.Id);
        var joinedAt = _w.Now;

        // Join answers first; its row follows without anyone leaving.
        var entry = await WrittenAsync(db => db.Attendance.SingleOrDefaultAsync(a => a.VisitId == _visit.Id));
        Assert.Equal((d.ParticipantId, joinedAt, (DateTime?)null), (entry.ParticipantId, entry.JoinedAtUtc, entry.LeftAtUtc));

        await lead.InvokeAsync<JoinResult>(nameof(CallHub.Join), _visit.Id);
        _w.Advance(TimeSpan.FromMinutes(1));
        await lead.InvokeAsync(nameof(CallHub.EndVisit));

        // Ending the visit waits for the lead's join to be written, then closes both entries.
        var attendance = await _w.App.WithDb(db => db.Attendance.Where(a => a.VisitId == _visit.Id).ToListAsync());
        Assert.Equal(2, attendance.Count);
        Assert.All(attendance, a => Assert.Equal(_w.Now, a.LeftAtUtc));
    }

    private async Task<T> WrittenAsync<T>(Func<Consultation.Data.AppDbContext, Task<T?>> read) where T : class
    {
        for (var waited = 0; waited < 5_000; waited += 20)
        {
            if (await _w.App.WithDb(read) is { } found)
                return found;
            await Task.Delay(20);
        }
        throw new TimeoutException("Not written within 5 s.");
    }

    [Fact]
    public async Task Turn_credentials_follow_the_rest_scheme_and_end_with_the_visit_window()
    {
        var (deputy, _) = await Connect("deputy");

        var joined = await deputy.InvokeAsync<JoinResult>(nameof(CallHub.Join), _visit.Id);

        var turn = Assert.Single(joined.IceServers);
        Assert.Equal(["turn:127.0.0.1:3478?transport=udp"], turn.Urls);
        var (expiry, who) = (long.Parse(turn.Username!.Split(':')[0]), turn.Username.Split(':')[1]);
        Assert.Equal($"v{_visit.Id}p{joined.ParticipantId}", who);
        var windowEnd = new DateTimeOffset(_visit.EndUtc + new VisitSettings().CloseAfterEnd).ToUnixTimeSeconds();
        Assert.Equal(windowEnd, expiry);
        Assert.Equal(TurnCredentials.Password(Secret, turn.Username), turn.Credential);
    }

    [Fact]
    public async Task Only_a_lead_unit_handler_ends_the_visit_for_everyone_and_nobody_enters_again()
    {
        var (deputy, deputyEvents) = await Connect("deputy");
        var (lead, leadEvents) = await Connect("lead");
        await lead.InvokeAsync<JoinResult>(nameof(CallHub.Join), _visit.Id);
        await deputy.InvokeAsync<JoinResult>(nameof(CallHub.Join), _visit.Id);

        var denied = await Assert.ThrowsAsync<HubException>(() => deputy.InvokeAsync(nameof(CallHub.EndVisit)));
        Assert.Contains("Only a handler of the lead unit", denied.Message);
        await deputy.InvokeAsync(nameof(CallHub.Chat), "still here");
        Assert.Equal("chat:", (await Next(leadEvents, "chat:"))[..5]);

        await lead.InvokeAsync(nameof(CallHub.EndVisit));

        Assert.Equal("room:closed", await Next(deputyEvents, "room:closed"));
        Assert.Equal("room:closed", await Next(leadEvents, "room:closed"));
        Assert.Contains("Join the visit first", (await Assert.ThrowsAsync<HubException>(() => deputy.InvokeAsync(nameof(CallHub.Chat), "hello?"))).Message);
        Assert.Contains("ended", (await Assert.ThrowsAsync<HubException>(() => deputy.InvokeAsync<JoinResult>(nameof(CallHub.Join), _visit.Id))).Message);
        Assert.All(await _w.App.WithDb(db => db.Attendance.Where(a => a.VisitId == _visit.Id).ToListAsync()), a => Assert.NotNull(a.LeftAtUtc));

        // The visit closes now (the job the hub enqueued), as held: both sides met in the room.
        var monitor = _w.App.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        Assert.Single(monitor.EnqueuedJobs("default", 0, 100), j => j.Value.Job.Type == typeof(VisitJobs)
            && j.Value.Job.Args.SequenceEqual([_visit.Id, VisitJobKind.AutoClose, _visit.Sequence]));
        await _w.RunVisitJobAsync(_visit.Id, VisitJobKind.AutoClose, _visit.Sequence);
        Assert.Equal(VisitState.Held, (await _w.Get<VisitDto>(_w.Lead, $"/api/visits/{_visit.Id}")).State);
        // Closed, the visit's room leaves memory; the database refuses joins from now on.
        Assert.Null(_w.App.Services.GetRequiredService<RoomRegistry>().Find(_visit.Id));
        Assert.Contains("ended", (await Assert.ThrowsAsync<HubException>(() => deputy.InvokeAsync<JoinResult>(nameof(CallHub.Join), _visit.Id))).Message);
    }

    [Fact]
    public async Task Chat_history_is_the_rooms_own_and_the_transport_policy_comes_from_settings()
    {
        var (deputy, _) = await Connect("deputy");
        var (lead, leadEvents) = await Connect("lead");
        var d = await deputy.InvokeAsync<JoinResult>(nameof(CallHub.Join), _visit.Id);
        await lead.InvokeAsync<JoinResult>(nameof(CallHub.Join), _visit.Id);
        await deputy.InvokeAsync(nameof(CallHub.Chat), "<b>first</b>");
        await Next(leadEvents, "chat:");

        var history = await lead.InvokeAsync<ChatLine[]>(nameof(CallHub.ChatHistory));

        var line = Assert.Single(history);
        Assert.Equal((d.ParticipantId, "<b>first</b>"), (line.From, line.Text));
        Assert.Equal("all", d.IceTransportPolicy);
        var (outsider, _) = await Connect("other.deputy");
        Assert.Contains("Join the visit first", (await Assert.ThrowsAsync<HubException>(() => outsider.InvokeAsync<ChatLine[]>(nameof(CallHub.ChatHistory)))).Message);
    }

    [Fact]
    public async Task A_quality_summary_is_stored_for_the_participant_who_reports_it_the_latest_kept()
    {
        var (deputy, _) = await Connect("deputy");
        var d = await deputy.InvokeAsync<JoinResult>(nameof(CallHub.Join), _visit.Id);

        await deputy.InvokeAsync(nameof(CallHub.ReportQuality), new QualitySummary(35, 30, 2, 400, Relayed: false));
        _w.Advance(TimeSpan.FromMinutes(1));
        await deputy.InvokeAsync(nameof(CallHub.ReportQuality), new QualitySummary(95, 12.5, 0.4, 830, Relayed: true));

        var stored = await _w.App.WithDb(db => db.CallQuality.SingleAsync(q => q.VisitId == _visit.Id));
        Assert.Equal((d.ParticipantId, 95, 12.5, 0.4, 830.0, true),
            (stored.ParticipantId, stored.DurationSeconds, stored.RoundTripMs, stored.PacketLossPercent, stored.BitrateKbps, stored.Relayed));
    }

    [Fact]
    public async Task The_pre_call_check_learns_who_is_in_the_room_and_someone_else_learns_nothing()
    {
        var path = $"/api/visits/{_visit.Id}/room";
        Assert.Equal((false, 0), await Presence(_w.Deputy));

        var (lead, _) = await Connect("lead");
        await lead.InvokeAsync<JoinResult>(nameof(CallHub.Join), _visit.Id);

        var seen = await _w.Get<RoomPresence>(_w.Deputy, path);
        Assert.True(seen.Open);
        Assert.Equal(ParticipantRole.LeadUnit, Assert.Single(seen.Present).Role);
        Assert.Equal(_visit.Participants.Single(p => p.Role == ParticipantRole.LeadUnit).DisplayName, seen.Present[0].DisplayName);
        // The lead does not see themselves.
        Assert.Equal((true, 0), await Presence(_w.Lead));
        foreach (var stranger in new[] { _w.OtherUnit, _w.OtherDeputy, _w.Office })
            Assert.Equal("not_participant", (await _w.Refused(stranger, HttpMethod.Get, path, null, System.Net.HttpStatusCode.Forbidden)).Code);

        await lead.InvokeAsync(nameof(CallHub.Leave));
        Assert.Equal((false, 0), await Presence(_w.Deputy));

        async Task<(bool, int)> Presence(HttpClient client) => await _w.Get<RoomPresence>(client, path) is var p ? (p.Open, p.Present.Length) : default;
    }

    [Fact]
    public async Task The_call_report_shows_the_units_and_the_office_who_was_in_the_room_how_long_how_well_and_the_chat()
    {
        var (deputy, _) = await Connect("deputy");
        var (lead, _) = await Connect("lead");
        var start = _w.Now;
        // The deputy's stay from before a server restart, never closed there: it overlaps the stay after it.
        await _w.App.WithDb(db =>
        {
            var d = db.VisitParticipants.Single(p => p.VisitId == _visit.Id && p.Role == ParticipantRole.Submitter);
            db.Attendance.Add(new AttendanceEntry { VisitId = _visit.Id, ParticipantId = d.Id, JoinedAtUtc = start.AddMinutes(-1) });
            return db.SaveChangesAsync();
        });
        var l = await lead.InvokeAsync<JoinResult>(nameof(CallHub.Join), _visit.Id);
        var d = await deputy.InvokeAsync<JoinResult>(nameof(CallHub.Join), _visit.Id);
        _w.Advance(TimeSpan.FromMinutes(2));
        await deputy.InvokeAsync(nameof(CallHub.ReportQuality), new QualitySummary(120, 48.5, 1.2, 640, Relayed: true));
        await deputy.InvokeAsync(nameof(CallHub.Chat), "<b>看得清楚</b>");
        _w.Advance(TimeSpan.FromMinutes(3));
        await deputy.InvokeAsync(nameof(CallHub.Leave));
        _w.Advance(TimeSpan.FromMinutes(1));
        await deputy.InvokeAsync<JoinResult>(nameof(CallHub.Join), _visit.Id);
        _w.Advance(TimeSpan.FromMinutes(2));
        await lead.InvokeAsync(nameof(CallHub.Leave));

        foreach (var reader in new[] { _w.Lead, _w.Office })
        {
            var report = await _w.Get<CallReport>(reader, $"/api/visits/{_visit.Id}/call");
            var deputyPart = report.Participants.Single(p => p.ParticipantId == d.ParticipantId);
            var leadPart = report.Participants.Single(p => p.ParticipantId == l.ParticipantId);
            // Deputy: 1 minute before the restart and 5 after it (counted once), then 2 more, still in the room.
            Assert.Equal((3, 8 * 60, true), (deputyPart.Stays.Length, deputyPart.SecondsInCall, deputyPart.InCallNow));
            Assert.Equal((1, 8 * 60, false), (leadPart.Stays.Length, leadPart.SecondsInCall, leadPart.InCallNow));
            Assert.Equal(start.AddMinutes(8), leadPart.Stays[0].LeftAtUtc);
            Assert.Equal((120, 48.5, 1.2, 640.0, true), (deputyPart.Quality!.DurationSeconds, deputyPart.Quality.RoundTripMs,
                deputyPart.Quality.PacketLossPercent, deputyPart.Quality.BitrateKbps, deputyPart.Quality.Relayed));
            Assert.Null(leadPart.Quality);
            var line = Assert.Single(report.Chat);
            Assert.Equal((d.ParticipantId, "<b>看得清楚</b>"), (line.From, line.Text));
        }

        // Not for the deputy, nor for a unit that does not handle the item; nothing of it for them to read.
        await _w.Refused(_w.Deputy, HttpMethod.Get, $"/api/visits/{_visit.Id}/call", null, System.Net.HttpStatusCode.Forbidden);
        await _w.Refused(_w.OtherUnit, HttpMethod.Get, $"/api/visits/{_visit.Id}/call", null, System.Net.HttpStatusCode.NotFound);
    }

    private Task<int> CoUserId() => _w.App.WithDb(db => db.Users.Where(u => u.UserName == "co").Select(u => u.Id).SingleAsync());
}
