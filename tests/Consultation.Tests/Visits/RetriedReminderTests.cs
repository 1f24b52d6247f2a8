using Consultation.Notifications;
using Consultation.Tests.Items;
using Consultation.Tests.Notifications;
using Consultation.Visits;
using Microsoft.EntityFrameworkCore;
using Channel = Consultation.Notifications.Channel;

namespace Consultation.Tests.Visits;

/// <summary>A visit's text the SMS gateway refused is sent again by the reconcile job only while it still says something true.</summary>
public sealed class RetriedReminderTests : IAsyncLifetime
{
    private const string Phone = "+8613800000000";
    private static readonly (int, string) Refused = (503, "网关维护中");
    private static readonly (int, string) Accepted = (200, """{"code":0}""");

    private LoopbackGateway _sms = null!;
    private ItemWorld _w = null!;
    private VisitDto _visit = null!;

    public async Task InitializeAsync()
    {
        _sms = await LoopbackGateway.StartAsync();
        _w = await ItemWorld.CreateAsync(("Sms:Url", _sms.Url.ToString()));
        // Only the deputy gets texts.
        await _w.App.WithDb(async db =>
        {
            var deputy = await db.Users.SingleAsync(u => u.UserName == "deputy");
            (deputy.PhoneNumber, deputy.NotifyBySms) = (Phone, true);
            return await db.SaveChangesAsync();
        });
        _visit = await _w.ScheduleAsync((await _w.SignedAsync()).Id, _w.Now.AddDays(2));
        _sms.Answer = Refused;
    }

    public async Task DisposeAsync()
    {
        await _w.DisposeAsync();
        await _sms.DisposeAsync();
    }

    [Fact]
    public async Task A_refused_reminder_is_not_sent_once_the_visit_has_moved_and_the_reminder_for_the_new_time_is()
    {
        await _w.RunVisitJobAsync(_visit.Id, VisitJobKind.FirstReminder);
        Assert.Contains(await TimeForDeputyAsync(_visit.StartUtc), Assert.Single(_sms.Drain()).Sms().Text);

        var moved = await _w.Ok<VisitDto>(_w.Lead, HttpMethod.Put, $"/api/visits/{_visit.Id}/schedule", new
        {
            startUtc = _visit.StartUtc.AddDays(1), durationMinutes = _visit.DurationMinutes, reason = "与区人大会议冲突", version = _visit.Version,
        });
        _sms.Answer = Accepted;
        _w.Advance(EffectLedger.RetryAfter + TimeSpan.FromSeconds(1));
        await _w.RunReconcileAsync();
        _w.Advance(EffectLedger.RetryAfter);
        await _w.RunReconcileAsync();

        // The phone never gets the old time; the ledger says why.
        Assert.Empty(_sms.Drain());
        var stale = await ReminderTextAsync(sequence: 0);
        Assert.Equal(("not sent: the visit was moved (sequence 0 → 1)", null, EffectLedger.MaxAttempts),
            (stale.LastError, stale.DeliveredAtUtc, stale.Attempts));

        await _w.RunVisitJobAsync(_visit.Id, VisitJobKind.FirstReminder, moved.Sequence);
        var (phone, text) = Assert.Single(_sms.Drain()).Sms();
        Assert.Equal(Phone, phone);
        Assert.Contains(await TimeForDeputyAsync(moved.StartUtc), text);
        Assert.NotNull((await ReminderTextAsync(sequence: 1)).DeliveredAtUtc);
    }

    [Fact]
    public async Task A_refused_reminder_is_sent_again_while_the_visit_is_still_ahead()
    {
        await _w.RunVisitJobAsync(_visit.Id, VisitJobKind.FirstReminder);
        var refused = Assert.Single(_sms.Drain()).Sms();

        _sms.Answer = Accepted;
        _w.Advance(EffectLedger.RetryAfter + TimeSpan.FromSeconds(1));
        await _w.RunReconcileAsync();

        Assert.Equal(refused, Assert.Single(_sms.Drain()).Sms());
        var reminder = await ReminderTextAsync(sequence: 0);
        Assert.Equal((2, null), (reminder.Attempts, reminder.LastError));
        Assert.NotNull(reminder.DeliveredAtUtc);
    }

    [Fact]
    public async Task A_reminder_still_refused_when_the_visit_starts_is_given_up()
    {
        _w.Advance(_visit.StartUtc - TimeSpan.FromMinutes(15) - _w.Now);
        await _w.RunVisitJobAsync(_visit.Id, VisitJobKind.SecondReminder);
        Assert.Single(_sms.Drain());

        // Still wanted ten minutes before the start: tried again, refused again.
        _w.Advance(TimeSpan.FromMinutes(5));
        await _w.RunReconcileAsync();
        Assert.Single(_sms.Drain());
        Assert.Contains("503", (await ReminderTextAsync(sequence: 0)).LastError);

        // The gateway is back once the visit has started: a reminder then would only mislead.
        _sms.Answer = Accepted;
        _w.Advance(_visit.StartUtc - _w.Now);
        await _w.RunReconcileAsync();

        Assert.Empty(_sms.Drain());
        var reminder = await ReminderTextAsync(sequence: 0);
        Assert.Equal(("not sent: the visit has started", null, EffectLedger.MaxAttempts),
            (reminder.LastError, reminder.DeliveredAtUtc, reminder.Attempts));
    }

    [Fact]
    public async Task After_a_cancellation_a_refused_reminder_is_given_up_and_the_refused_cancellation_is_sent_again()
    {
        await _w.RunVisitJobAsync(_visit.Id, VisitJobKind.FirstReminder);
        var cancelled = await _w.Ok<VisitDto>(_w.Lead, HttpMethod.Post, $"/api/visits/{_visit.Id}/cancel",
            new { reason = "代表临时出差", version = _visit.Version });
        await _w.RunVisitJobAsync(_visit.Id, VisitJobKind.Cancellation, cancelled.Sequence);
        var cancellation = _sms.Drain().Last().Sms();
        Assert.Contains("回访取消", cancellation.Text);

        _sms.Answer = Accepted;
        _w.Advance(EffectLedger.RetryAfter + TimeSpan.FromSeconds(1));
        await _w.RunReconcileAsync();

        Assert.Equal(cancellation, Assert.Single(_sms.Drain()).Sms());
        Assert.Equal("not sent: the visit was cancelled", (await ReminderTextAsync(sequence: 0)).LastError);
    }


    /// <summary>The start as the deputy's texts show it, in their time zone.</summary>
    private async Task<string> TimeForDeputyAsync(DateTime startUtc) =>
        MessageTexts.Time(startUtc, await _w.App.WithDb(db => db.Users.Where(u => u.UserName == "deputy").Select(u => u.TimeZone).SingleAsync()));

    /// <summary>The ledger's row of the one reminder text composed for this version of the visit.</summary>
    private async Task<SentEffect> ReminderTextAsync(int sequence)
    {
        var texts = await _w.App.WithDb(db => db.SentEffects.AsNoTracking()
            .Where(e => e.VisitId == _visit.Id && e.Kind == "visit-reminder" && e.Channel == Channel.Sms).ToListAsync());
        return Assert.Single(texts, e => VisitEffectKey.Read(e.Key)?.Sequence == sequence);
    }
}
