using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Consultation.Calls;
using Consultation.Tests.Infrastructure;
using Consultation.Tests.Items;
using Consultation.Tests.Notifications;
using Consultation.Tests.Visits;
using Consultation.Visits;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;

namespace Consultation.Tests.Calls;

/// <summary>The link in an invitation: a password-free way into one visit, once, until its room closes, and nowhere else.</summary>
public sealed partial class JoinLinkTests : IAsyncLifetime
{
    private LoopbackSmtpServer _smtp = null!;
    private LoopbackGateway _sms = null!;
    private ItemWorld _w = null!;
    private VisitDto _visit = null!;

    public async Task InitializeAsync()
    {
        _smtp = await LoopbackSmtpServer.StartAsync();
        _sms = await LoopbackGateway.StartAsync();
        _w = await ItemWorld.CreateAsync(
            ("Email:Host", "127.0.0.1"), ("Email:Port", _smtp.Port.ToString()), ("Email:Security", "None"),
            ("Email:From", "office@consultation.test"), ("Sms:Url", _sms.Url.ToString()),
            ("Visits:PublicUrl", "https://consult.example.gov.cn"),
            ("Calls:TurnUrls:0", "turn:127.0.0.1:3478?transport=udp"), ("Calls:TurnSecret", "turn-test-secret"));
        await _w.App.WithDb(async db =>
        {
            var deputy = await db.Users.SingleAsync(u => u.UserName == "deputy");
            (deputy.Email, deputy.PhoneNumber, deputy.NotifyByEmail, deputy.NotifyBySms) = ("li@deputies.test", "+8613800000000", true, true);
            return await db.SaveChangesAsync();
        });
        _visit = await _w.ScheduleAsync((await _w.SignedAsync()).Id, _w.Now.AddHours(1), minutes: 30);
    }

    public async Task DisposeAsync()
    {
        await _w.DisposeAsync();
        await _smtp.DisposeAsync();
        await _sms.DisposeAsync();
    }

    [GeneratedRegex(@"https://consult\.example\.gov\.cn/join/([A-Za-z0-9_-]{43})")]
    private static partial Regex LinkPattern();

    /// <summary>Sends the invitation and reads the token from the deputy's e-mail (its text and its .ics alike).</summary>
    private async Task<string> InvitationTokenAsync()
    {
        await _w.RunVisitJobAsync(_visit.Id, VisitJobKind.Invitation);
        var email = Assert.Single(_smtp.Drain());
        var message = email.Message();
        var tokens = LinkPattern().Matches(message.TextBody ?? "").Select(m => m.Groups[1].Value).Distinct().ToList();
        var calendar = message.BodyParts.OfType<MimeKit.MimePart>().Single(p => p.ContentType.MimeType == "text/calendar");
        using var ics = new StreamReader(calendar.Content!.Open());
        Assert.Contains(Assert.Single(tokens), (await ics.ReadToEndAsync()).Replace("\r\n ", ""));
        return tokens[0];
    }

    private static Task<HttpResponseMessage> RedeemAsync(HttpClient client, string token) =>
        client.PostAsJsonAsync("/api/join", new { token });

    [Fact]
    public async Task Each_message_carries_its_own_link_stored_only_hashed_and_a_repeated_job_mints_none()
    {
        var token = await InvitationTokenAsync();
        var sms = Assert.Single(_sms.Drain());
        var smsToken = LinkPattern().Match(System.Text.Encoding.UTF8.GetString(sms.Body)).Groups[1].Value;
        Assert.NotEqual("", smsToken);
        Assert.NotEqual(token, smsToken);

        await _w.RunVisitJobAsync(_visit.Id, VisitJobKind.Invitation);
        var links = await _w.App.WithDb(db => db.JoinLinks.Where(l => l.VisitId == _visit.Id).ToListAsync());
        Assert.Equal(2, links.Count); // the e-mail's and the SMS's, once
        Assert.All(links, l => Assert.Equal(_visit.Participants.Single(p => p.Role == ParticipantRole.Submitter).Id, l.ParticipantId));
        Assert.Equal(new[] { JoinLink.HashOf(smsToken), JoinLink.HashOf(token) }.Order(), links.Select(l => l.TokenHash).Order());
        Assert.Equal(_visit.EndUtc.AddMinutes(30), links[0].ExpiresAtUtc);
        var stored = await _w.App.WithDb(db => db.SentEffects.Select(e => e.Payload ?? "").ToListAsync());
        Assert.DoesNotContain(stored, p => p.Contains(token) || p.Contains(smsToken));
    }

    [Fact]
    public async Task A_link_signs_its_participant_in_once_and_a_second_use_falls_back_to_sign_in()
    {
        var token = await InvitationTokenAsync();
        var phone = _w.App.Anonymous();

        var first = await RedeemAsync(phone, token);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(new JoinedByLink(_visit.Id, "link"), await first.Content.ReadFromJsonAsync<JoinedByLink>());
        var session = await phone.GetFromJsonAsync<LinkSessionDto>("/api/join/session");
        Assert.Equal(_visit.Id, session!.VisitId);
        Assert.Equal("李建国", session.DisplayName);

        var again = await Problem.ReadAsync(await RedeemAsync(_w.App.Anonymous(), token), HttpStatusCode.Gone);
        Assert.Equal("join_link_used", again.Code);
        Assert.Contains("Sign in", again.Detail);
        var unknown = await Problem.ReadAsync(await RedeemAsync(_w.App.Anonymous(), token[..^2] + "xx"), HttpStatusCode.NotFound);
        Assert.Equal("join_link_unknown", unknown.Code);
    }

    [Fact]
    public async Task A_link_opened_after_the_room_closed_falls_back_to_sign_in()
    {
        var token = await InvitationTokenAsync();
        _w.Advance(_visit.EndUtc.AddMinutes(30) - _w.Now);

        var expired = await Problem.ReadAsync(await RedeemAsync(_w.App.Anonymous(), token), HttpStatusCode.Gone);

        Assert.Equal("join_link_expired", expired.Code);
        Assert.Null(await _w.App.WithDb(db => db.JoinLinks.Where(l => l.TokenHash == JoinLink.HashOf(token)).Select(l => l.UsedAtUtc).SingleAsync()));
    }

    [Fact]
    public async Task Someone_signed_in_with_their_own_account_goes_on_to_the_visit_and_the_link_stays_unspent()
    {
        var token = await InvitationTokenAsync();

        Assert.Equal(new JoinedByLink(_visit.Id, "account"), await (await RedeemAsync(_w.Deputy, token)).Content.ReadFromJsonAsync<JoinedByLink>());

        Assert.Equal(HttpStatusCode.OK, (await RedeemAsync(_w.App.Anonymous(), token)).StatusCode);
    }

    [Fact]
    public async Task A_link_session_reads_its_visit_ice_servers_and_room_and_is_refused_everything_else()
    {
        var other = await _w.ScheduleAsync((await _w.SignedAsync()).Id, _w.Now.AddHours(3));
        var phone = _w.App.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await RedeemAsync(phone, await InvitationTokenAsync())).StatusCode);

        var basics = await phone.GetFromJsonAsync<VisitBasics>($"/api/visits/{_visit.Id}/basics", ItemWorld.Json);
        Assert.Equal(_visit.StartUtc.AddMinutes(-10), basics!.RoomOpensAtUtc);
        Assert.Equal("李建国", basics.DisplayName);
        var ice = await phone.GetFromJsonAsync<IceConfig>($"/api/visits/{_visit.Id}/ice-servers", ItemWorld.Json);
        Assert.Equal("all", ice!.IceTransportPolicy);
        var turn = Assert.Single(ice.IceServers);
        Assert.EndsWith($":v{_visit.Id}p{basics.ParticipantId}", turn.Username);
        Assert.Equal(TurnCredentials.Password("turn-test-secret", turn.Username!), turn.Credential);

        foreach (var path in new[] { "/api/items", "/api/my/items", "/api/my/visits", $"/api/visits/{_visit.Id}", $"/api/visits/{_visit.Id}/call", "/api/account/profile", "/api/account/me" })
            Assert.True((await phone.GetAsync(path)).StatusCode == HttpStatusCode.Unauthorized, path);
        Assert.Equal("not_participant", (await Problem.ReadAsync(await phone.GetAsync($"/api/visits/{other.Id}/basics"), HttpStatusCode.Forbidden)).Code);
        await Problem.ReadAsync(await phone.GetAsync($"/api/visits/{other.Id}/ice-servers"), HttpStatusCode.Forbidden);
        Assert.False((await phone.GetFromJsonAsync<RoomPresence>($"/api/visits/{_visit.Id}/room", ItemWorld.Json))!.Open);
        await Problem.ReadAsync(await phone.GetAsync($"/api/visits/{other.Id}/room"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_hub_lets_a_link_session_into_its_own_visit_only()
    {
        var other = await _w.ScheduleAsync((await _w.SignedAsync()).Id, _w.Now.AddMinutes(6));
        var token = await InvitationTokenAsync();
        var redeemed = await RedeemAsync(_w.App.Anonymous(), token);
        _w.Advance(_visit.StartUtc.AddMinutes(-5) - _w.Now);
        await using var hub = await HubClient.ConnectWithCookieAsync(_w.App, HubClient.CookieOf(redeemed), CallHub.Path);

        var refused = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<JoinResult>(nameof(CallHub.Join), other.Id));
        Assert.Contains("not a participant", refused.Message);
        var joined = await hub.InvokeAsync<JoinResult>(nameof(CallHub.Join), _visit.Id);
        Assert.Equal(_visit.Participants.Single(p => p.Role == ParticipantRole.Submitter).Id, joined.ParticipantId);
    }

    [Fact]
    public async Task Without_a_session_the_hub_and_the_call_endpoints_refuse()
    {
        var anonymous = _w.App.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/visits/{_visit.Id}/basics")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/join/session")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _w.Deputy.GetAsync("/api/join/session")).StatusCode);
        Assert.Equal("not_participant", (await Problem.ReadAsync(await _w.OtherDeputy.GetAsync($"/api/visits/{_visit.Id}/ice-servers"), HttpStatusCode.Forbidden)).Code);
    }
}
