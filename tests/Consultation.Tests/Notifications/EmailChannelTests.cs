using System.Net.Sockets;
using Consultation.Notifications;
using Ical.Net;
using Ical.Net.CalendarComponents;
using MailKit.Security;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Consultation.Tests.Notifications;

/// <summary>Invitations sent through SmtpEmailChannel to a real SMTP server on loopback, read back as a mail client would.</summary>
public sealed class EmailChannelTests : IAsyncLifetime
{
    private static readonly DateTime Start = new(2026, 3, 12, 2, 0, 0, DateTimeKind.Utc); // 10:00 in Shanghai
    private const string JoinUrl = "https://consultation.example.gov.cn/visits/42/room";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 10, 1, 0, 0, TimeSpan.Zero));
    private LoopbackSmtpServer _smtp = null!;
    private SmtpEmailChannel _email = null!;
    private VisitCalendar _calendar = null!;

    public async Task InitializeAsync()
    {
        _smtp = await LoopbackSmtpServer.StartAsync();
        _email = new SmtpEmailChannel(Settings(_smtp.Port), _clock);
        _calendar = new VisitCalendar(_clock);
    }

    public async Task DisposeAsync() => await _smtp.DisposeAsync();

    private static EmailSettings Settings(int port) => new()
    {
        Host = "127.0.0.1", Port = port, Security = SecureSocketOptions.None, From = "office@example.gov.cn", TimeoutSeconds = 10,
    };

    private static VisitEvent Visit(int sequence = 0, DateTime? start = null) => new(
        VisitId: 42, Sequence: sequence, StartUtc: start ?? Start, EndUtc: (start ?? Start).AddHours(1), TimeZone: "Asia/Shanghai",
        Summary: "回访：关于加强城市公共交通建设的建议", Description: "市交通运输局就第 2026-015 号建议与您视频沟通办理情况。",
        Location: null, JoinUrl: JoinUrl, OrganizerName: "王芳", OrganizerEmail: "wangfang@example.gov.cn",
        Attendees: [("李明代表", "liming@example.cn"), ("张伟", null)]);

    private Task SendAsync(CalendarFile calendar, string subject = "回访邀请：关于加强城市公共交通建设的建议") =>
        _email.SendAsync(new OutgoingEmail("liming@example.cn", "李明代表", subject, "李明代表：您好！\n3月12日上午10点视频回访，请准时参加。", calendar));

    private static (TextPart Invitation, Calendar Calendar, CalendarEvent Event) InvitationOf(MimeMessage message)
    {
        var invitation = message.BodyParts.OfType<TextPart>().Single(p => p.ContentType.MimeType == "text/calendar");
        var calendar = Calendar.Load(invitation.Text)!;
        return (invitation, calendar, calendar.Events.Single());
    }

    [Fact]
    public async Task An_invitation_arrives_as_a_calendar_request_for_10_oclock_Shanghai_time()
    {
        await SendAsync(_calendar.Request(Visit()));

        var received = await _smtp.NextAsync();
        Assert.Equal("office@example.gov.cn", received.From);
        Assert.Equal(["liming@example.cn"], received.To);
        var message = received.Message();
        var from = Assert.Single(message.From.Mailboxes);
        Assert.Equal(("office@example.gov.cn", "市政府办公室建议提案办理"), (from.Address, from.Name));
        var to = Assert.Single(message.To.Mailboxes);
        Assert.Equal(("liming@example.cn", "李明代表"), (to.Address, to.Name));
        Assert.Equal("回访邀请：关于加强城市公共交通建设的建议", message.Subject);
        Assert.Equal("李明代表：您好！\n3月12日上午10点视频回访，请准时参加。", message.TextBody!.ReplaceLineEndings("\n"));

        // The shape Gmail and Outlook recognise: the calendar as an alternative of the text, and the same file attached.
        var mixed = Assert.IsType<Multipart>(message.Body);
        Assert.Equal("multipart/mixed", mixed.ContentType.MimeType);
        var alternative = Assert.IsType<MultipartAlternative>(mixed[0]);
        Assert.Equal(["text/plain", "text/calendar"], alternative.Select(p => p.ContentType.MimeType));
        var (invitation, calendar, visit) = InvitationOf(message);
        Assert.Equal("REQUEST", invitation.ContentType.Parameters["method"]);
        Assert.Equal("utf-8", invitation.ContentType.Charset, ignoreCase: true);
        var file = Assert.IsType<MimePart>(Assert.Single(message.Attachments));
        Assert.Equal(("application/ics", "invite.ics"), (file.ContentType.MimeType, file.FileName));
        using (var content = new MemoryStream())
        {
            await file.Content!.DecodeToAsync(content);
            Assert.Equal(invitation.Text.ReplaceLineEndings(), System.Text.Encoding.UTF8.GetString(content.ToArray()).ReplaceLineEndings());
        }

        Assert.Equal("REQUEST", calendar.Method);
        Assert.Equal(VisitCalendar.ProductId, calendar.ProductId);
        var zone = Assert.Single(calendar.TimeZones);
        Assert.Equal("Asia/Shanghai", zone.TzId);
        var standard = Assert.Single(zone.TimeZoneInfos); // UTC+8 all year, no daylight saving
        Assert.Equal((TimeSpan.FromHours(8), TimeSpan.FromHours(8)), (standard.OffsetFrom!.Offset, standard.OffsetTo!.Offset));
        Assert.Null(standard.RecurrenceRule);
        Assert.Equal("visit-42@consultation", visit.Uid);
        Assert.Equal(0, visit.Sequence);
        Assert.Equal("CONFIRMED", visit.Status);
        Assert.Equal("Asia/Shanghai", visit.DtStart!.TzId);
        Assert.Equal((10, 0), (visit.DtStart.Hour, visit.DtStart.Minute));
        Assert.Equal(Start, visit.DtStart.AsUtc);
        Assert.Equal(Start.AddHours(1), visit.DtEnd!.AsUtc);
        Assert.Contains("DTSTART;TZID=Asia/Shanghai:20260312T100000", invitation.Text);
        Assert.Equal(_clock.GetUtcNow().UtcDateTime, visit.DtStamp!.AsUtc);
        Assert.Equal("回访：关于加强城市公共交通建设的建议", visit.Summary);
        Assert.Contains(JoinUrl, visit.Description);
        Assert.Equal(JoinUrl, visit.Location);
        Assert.Equal(new Uri(JoinUrl), visit.Url);
        Assert.Equal(("mailto:wangfang@example.gov.cn", "王芳"), (visit.Organizer!.Value!.ToString(), visit.Organizer.CommonName));
        var deputy = Assert.Single(visit.Attendees); // 张伟 has no e-mail address
        Assert.Equal(("mailto:liming@example.cn", "李明代表", true, "NEEDS-ACTION"),
            (deputy.Value!.ToString(), deputy.CommonName, deputy.Rsvp, deputy.ParticipationStatus));
    }

    [Fact]
    public async Task A_rescheduled_then_cancelled_visit_keeps_its_UID_and_raises_its_sequence()
    {
        await SendAsync(_calendar.Request(Visit(sequence: 0)));
        await SendAsync(_calendar.Request(Visit(sequence: 1, start: Start.AddDays(1))), "回访时间变更");
        await SendAsync(_calendar.Cancel(Visit(sequence: 2, start: Start.AddDays(1))), "回访取消");

        var (_, _, invited) = InvitationOf((await _smtp.NextAsync()).Message());
        var (_, moved, rescheduled) = InvitationOf((await _smtp.NextAsync()).Message());
        var (cancelPart, cancellation, cancelled) = InvitationOf((await _smtp.NextAsync()).Message());

        Assert.Equal("REQUEST", moved.Method);
        Assert.Equal(invited.Uid, rescheduled.Uid);
        Assert.Equal(1, rescheduled.Sequence);
        Assert.Equal(Start.AddDays(1), rescheduled.DtStart!.AsUtc);

        Assert.Equal("CANCEL", cancellation.Method);
        Assert.Equal("CANCEL", cancelPart.ContentType.Parameters["method"]);
        Assert.Equal(invited.Uid, cancelled.Uid);
        Assert.True(cancelled.Sequence > rescheduled.Sequence);
        Assert.Equal("CANCELLED", cancelled.Status);
    }

    [Fact]
    public async Task An_email_without_a_calendar_is_plain_utf8_text()
    {
        await _email.SendAsync(new OutgoingEmail("liming@example.cn", "李明代表", "建议办理提醒", "您的建议已答复，请于7日内评价。"));

        var message = (await _smtp.NextAsync()).Message();
        var text = Assert.IsType<TextPart>(message.Body);
        Assert.Equal("text/plain", text.ContentType.MimeType);
        Assert.Equal("您的建议已答复，请于7日内评价。", text.Text.TrimEnd());
        Assert.Empty(message.Attachments);
    }

    [Fact]
    public async Task A_server_that_does_not_answer_makes_the_send_throw_so_the_caller_can_retry()
    {
        var closed = new TcpListener(System.Net.IPAddress.Loopback, 0);
        closed.Start();
        var port = ((System.Net.IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        var email = new SmtpEmailChannel(Settings(port), _clock);

        await Assert.ThrowsAnyAsync<SocketException>(() =>
            email.SendAsync(new OutgoingEmail("liming@example.cn", "李明代表", "回访提醒", "明天上午10点视频回访。")));
    }
}
