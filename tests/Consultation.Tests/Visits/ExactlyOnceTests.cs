using Consultation.Items;
using Consultation.Jobs;
using Consultation.Tests.Items;
using Consultation.Tests.Notifications;
using Consultation.Visits;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Consultation.Tests.Visits;

/// <summary>Every effect happens once: jobs run twice, concurrently, or after Hangfire lost its state.</summary>
public sealed class ExactlyOnceTests : IAsyncLifetime
{
    private LoopbackSmtpServer _smtp = null!;
    private LoopbackGateway _sms = null!;
    private ItemWorld _w = null!;

    public async Task InitializeAsync()
    {
        _smtp = await LoopbackSmtpServer.StartAsync();
        _sms = await LoopbackGateway.StartAsync();
        _w = await ItemWorld.CreateAsync(
            ("Email:Host", "127.0.0.1"), ("Email:Port", _smtp.Port.ToString()), ("Email:Security", "None"),
            ("Email:From", "office@consultation.test"), ("Sms:Url", _sms.Url.ToString()));
        // The deputy reads e-mail and wants SMS; the lead handler has neither.
        await _w.App.WithDb(async db =>
        {
            var deputy = await db.Users.SingleAsync(u => u.UserName == "deputy");
            (deputy.Email, deputy.PhoneNumber, deputy.NotifyByEmail, deputy.NotifyBySms) = ("li@deputies.test", "+8613800000000", true, true);
            return await db.SaveChangesAsync();
        });
    }

    public async Task DisposeAsync()
    {
        await _w.DisposeAsync();
        await _smtp.DisposeAsync();
        await _sms.DisposeAsync();
    }

    [Fact]
    public async Task Each_visit_job_run_twice_and_concurrently_has_its_effect_once()
    {
        var w = _w;
        var visit = await w.ScheduleAsync((await w.SignedAsync()).Id, w.Now.AddDays(2));
        VisitJobKind[] kinds = [VisitJobKind.Invitation, VisitJobKind.FirstReminder, VisitJobKind.SecondReminder, VisitJobKind.RoomOpen];

        foreach (var kind in kinds)
        {
            await w.RunVisitJobAsync(visit.Id, kind);
            await Task.WhenAll(w.RunVisitJobAsync(visit.Id, kind), w.RunVisitJobAsync(visit.Id, kind));
        }

        // Two people with accounts (deputy, lead handler) × invitation, 24-hour reminder, 15-minute reminder, room open.
        Assert.Equal(8, await w.App.WithDb(db => db.Notifications.CountAsync(n => n.VisitId == visit.Id)));
        var emails = _smtp.Drain();
        Assert.Equal(3, emails.Count); // invitation + two reminders, to the deputy only
        Assert.All(emails, e => Assert.Equal(["li@deputies.test"], e.To));
        Assert.Contains(emails, e => e.Message().BodyParts.Any(p => p.ContentType.MimeType == "text/calendar"));
        Assert.Equal(3, _sms.Drain().Count); // the deputy chose SMS too: invitation and two reminders
        Assert.Equal(await w.App.WithDb(db => db.SentEffects.CountAsync()),
            await w.App.WithDb(db => db.SentEffects.Select(e => e.Key).Distinct().CountAsync()));
    }

    [Fact]
    public async Task After_Hangfire_loses_its_jobs_the_reconcile_job_recreates_them_and_nothing_is_sent_twice()
    {
        var w = _w;
        var visit = await w.ScheduleAsync((await w.SignedAsync()).Id, w.Now.AddDays(2));
        await w.RunVisitJobAsync(visit.Id, VisitJobKind.Invitation);
        Assert.Single(_smtp.Drain());

        // Hangfire's state is gone: every job of the visit deleted behind our back.
        var client = w.App.Services.GetRequiredService<IBackgroundJobClient>();
        foreach (var job in w.PendingJobs(visit.Id).Values)
            client.Delete(job.Id);
        Assert.Empty(w.PendingJobs(visit.Id));

        await w.RunReconcileAsync();
        await w.RunReconcileAsync();

        var jobs = w.PendingJobs(visit.Id);
        Assert.Equal([VisitJobKind.FirstReminder, VisitJobKind.SecondReminder, VisitJobKind.RoomOpen, VisitJobKind.NoShowCheck, VisitJobKind.AutoClose],
            jobs.Keys.Where(k => k != VisitJobKind.Invitation).Order().ToArray());
        foreach (var kind in jobs.Keys)
            await w.RunVisitJobAsync(visit.Id, kind);
        var emails = _smtp.Drain();
        Assert.Equal(2, emails.Count); // the two reminders; the invitation was not sent again
        Assert.DoesNotContain(emails, e => e.Message().Subject?.StartsWith("回访邀请") == true);
    }

    [Fact]
    public async Task When_the_office_requires_it_reminders_go_by_sms_even_to_people_who_did_not_choose_it()
    {
        var w = _w;
        await w.App.WithDb(async db =>
        {
            var lead = await db.Users.SingleAsync(u => u.UserName == "lead");
            lead.PhoneNumber = "+8613900000000";
            return await db.SaveChangesAsync();
        });
        await w.Ok<Consultation.Notifications.PolicyDto>(w.Office, HttpMethod.Put, "/api/office/notification-policy", new { requireSmsForReminders = true });
        var visit = await w.ScheduleAsync((await w.SignedAsync()).Id, w.Now.AddDays(2));

        await w.RunVisitJobAsync(visit.Id, VisitJobKind.Invitation);
        await w.RunVisitJobAsync(visit.Id, VisitJobKind.SecondReminder);

        var texts = _sms.Drain().Select(c => System.Text.Encoding.UTF8.GetString(c.Body)).ToList();
        // The deputy chose SMS (invitation and reminder); the handler gets the reminder only, because the office requires it.
        Assert.Equal(3, texts.Count);
        var toLead = Assert.Single(texts, t => t.Contains("+8613900000000"));
        Assert.Contains("回访提醒", toLead);
    }
}
