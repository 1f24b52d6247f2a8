using System.Net;
using Consultation.Tests.Items;
using Consultation.Visits;
using Microsoft.EntityFrameworkCore;

namespace Consultation.Tests.Visits;

public sealed class SchedulingTests : IAsyncLifetime
{
    private ItemWorld _w = null!;
    private static readonly VisitSettings Defaults = new();

    public async Task InitializeAsync() => _w = await ItemWorld.CreateAsync();
    public async Task DisposeAsync() => await _w.DisposeAsync();

    [Fact]
    public async Task Scheduling_a_video_visit_puts_every_job_at_its_offset()
    {
        var w = _w;
        var item = await w.SignedAsync();
        var start = w.Now.AddDays(2);

        var visit = await w.ScheduleAsync(item.Id, start, minutes: 45);

        var jobs = w.PendingJobs(visit.Id);
        Assert.Equal("Enqueued", jobs[VisitJobKind.Invitation].State);
        Assert.Equal(start - Defaults.FirstReminderBefore, jobs[VisitJobKind.FirstReminder].DueUtc);
        Assert.Equal(start - Defaults.SecondReminderBefore, jobs[VisitJobKind.SecondReminder].DueUtc);
        Assert.Equal(start - Defaults.RoomOpensBefore, jobs[VisitJobKind.RoomOpen].DueUtc);
        Assert.Equal(start + Defaults.NoShowCheckAfter, jobs[VisitJobKind.NoShowCheck].DueUtc);
        Assert.Equal(start.AddMinutes(45) + Defaults.CloseAfterEnd, jobs[VisitJobKind.AutoClose].DueUtc);
        Assert.Equal(6, jobs.Count);
        Assert.Equal(start - Defaults.RoomOpensBefore, visit.RoomOpensAtUtc);
    }

    [Fact]
    public async Task A_visit_five_minutes_ahead_gets_no_reminders_and_its_room_opens_at_once()
    {
        var w = _w;
        var item = await w.SignedAsync();

        var visit = await w.ScheduleAsync(item.Id, w.Now.AddMinutes(5));

        var jobs = w.PendingJobs(visit.Id);
        Assert.False(jobs.ContainsKey(VisitJobKind.FirstReminder));
        Assert.False(jobs.ContainsKey(VisitJobKind.SecondReminder));
        Assert.Equal("Enqueued", jobs[VisitJobKind.RoomOpen].State);
        Assert.True(jobs.ContainsKey(VisitJobKind.NoShowCheck));
    }

    [Fact]
    public async Task A_phone_visit_has_reminders_but_no_room_and_no_no_show_check()
    {
        var w = _w;
        var item = await w.SignedAsync();

        var visit = await w.ScheduleAsync(item.Id, w.Now.AddDays(3), method: "Phone");

        Assert.Equal([VisitJobKind.Invitation, VisitJobKind.FirstReminder, VisitJobKind.SecondReminder, VisitJobKind.AutoClose],
            w.PendingJobs(visit.Id).Keys.Order().ToArray());
    }

    [Fact]
    public async Task Rescheduling_moves_every_pending_job_and_cancelling_removes_them_and_tells_everyone()
    {
        var w = _w;
        var item = await w.SignedAsync();
        var visit = await w.ScheduleAsync(item.Id, w.Now.AddDays(2));
        var old = w.PendingJobs(visit.Id);

        var newStart = w.Now.AddDays(4);
        var moved = await w.Ok<VisitDto>(w.Lead, HttpMethod.Put, $"/api/visits/{visit.Id}/schedule",
            new { startUtc = newStart, durationMinutes = 30, reason = "代表临时出差。", version = visit.Version });
        Assert.Equal(1, moved.Sequence);
        var jobs = w.PendingJobs(visit.Id);
        Assert.Equal(newStart - Defaults.FirstReminderBefore, jobs[VisitJobKind.FirstReminder].DueUtc);
        Assert.Equal(newStart.AddMinutes(30) + Defaults.CloseAfterEnd, jobs[VisitJobKind.AutoClose].DueUtc);
        Assert.DoesNotContain(jobs.Values, j => old.Values.Any(o => o.Id == j.Id && o.DueUtc is not null));

        await w.Ok<VisitDto>(w.Lead, HttpMethod.Post, $"/api/visits/{visit.Id}/cancel", new { reason = "代表已当面沟通。", version = moved.Version });
        var left = w.PendingJobs(visit.Id);
        Assert.Equal([VisitJobKind.Cancellation], left.Keys.Where(k => k != VisitJobKind.Invitation || left[k].State == "Scheduled").Except([VisitJobKind.Invitation]).ToArray());
        Assert.DoesNotContain(VisitJobKind.FirstReminder, left.Keys);

        await w.RunVisitJobAsync(visit.Id, VisitJobKind.Cancellation, sequence: 2);
        var told = await w.App.WithDb(db => db.Notifications.Where(n => n.VisitId == visit.Id && n.Kind == "visit-cancelled").CountAsync());
        Assert.Equal(2, told); // the deputy (submitter) and the lead handler
    }

    [Fact]
    public async Task An_overlapping_visit_for_the_same_deputy_is_refused_naming_the_clash()
    {
        var w = _w;
        var first = await w.SignedAsync();
        var second = await w.SignedAsync();
        var start = w.Now.AddDays(1);
        await w.ScheduleAsync(first.Id, start, minutes: 60);

        var clash = await w.Refused(w.Lead, HttpMethod.Post, $"/api/items/{second.Id}/visits", new
        {
            phase = "DuringHandling", method = "Video", startUtc = start.AddMinutes(30), durationMinutes = 30,
        }, HttpStatusCode.Conflict);

        Assert.Equal("visit_clash", clash.Code);
        Assert.Contains("李建国", clash.Detail);
        Assert.Contains(first.Number!, clash.Detail);
        Assert.Equal(1, await w.App.WithDb(db => db.Visits.CountAsync()));
        await w.ScheduleAsync(second.Id, start.AddMinutes(60), minutes: 30);
    }

    [Fact]
    public async Task Only_the_lead_unit_schedules_and_nobody_else_sees_the_visit()
    {
        var w = _w;
        var item = await w.SignedAsync();
        var body = new { phase = "DuringHandling", method = "Video", startUtc = w.Now.AddDays(1), durationMinutes = 30 };

        Assert.Equal(HttpStatusCode.Forbidden, (await w.Send(w.Co, HttpMethod.Post, $"/api/items/{item.Id}/visits", body)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await w.Send(w.OtherUnit, HttpMethod.Post, $"/api/items/{item.Id}/visits", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await w.Send(w.Deputy, HttpMethod.Post, $"/api/items/{item.Id}/visits", body)).StatusCode);
        var visit = await w.ScheduleAsync(item.Id, w.Now.AddDays(1));

        Assert.Equal(HttpStatusCode.OK, (await w.Deputy.GetAsync($"/api/visits/{visit.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await w.OtherDeputy.GetAsync($"/api/visits/{visit.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await w.OtherUnit.GetAsync($"/api/visits/{visit.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await w.Send(w.Co, HttpMethod.Post, $"/api/visits/{visit.Id}/cancel",
            new { reason = "不需要了。", version = visit.Version })).StatusCode);
        var mine = await w.Get<VisitDto[]>(w.Deputy, "/api/my/visits");
        Assert.Contains("join", Assert.Single(mine).Actions);
    }

    [Fact]
    public async Task The_lead_unit_invites_staff_of_the_items_units_and_the_office_but_no_one_else()
    {
        var w = _w;
        var item = await w.SignedAsync();

        var staff = await w.Get<StaffCandidate[]>(w.Lead, $"/api/items/{item.Id}/visit-staff");
        Assert.Equal([ParticipantRole.LeadUnit, ParticipantRole.CoUnit, ParticipantRole.Office],
            staff.Select(s => s.Role).Distinct().ToArray());
        Assert.DoesNotContain(staff, s => s.UnitId == w.OtherUnitId);
        Assert.Equal(HttpStatusCode.Forbidden, (await w.Co.GetAsync($"/api/items/{item.Id}/visit-staff")).StatusCode);

        var visit = await w.ScheduleAsync(item.Id, w.Now.AddDays(1), staff: staff.Where(s => s.Role != ParticipantRole.LeadUnit).Select(s => s.UserId).ToArray());
        Assert.Equal(4, visit.Participants.Length); // the deputy, me, the co-handling unit's handler, the office
        var outsider = await w.App.WithDb(db => db.Users.Where(u => u.UserName == "other.unit").Select(u => u.Id).SingleAsync());
        var refused = await w.Refused(w.Lead, HttpMethod.Post, $"/api/items/{item.Id}/visits",
            new { phase = "DuringHandling", method = "Video", startUtc = w.Now.AddDays(2), durationMinutes = 30, staffUserIds = new[] { outsider } },
            HttpStatusCode.BadRequest);
        Assert.Contains("staffUserIds", refused.Errors.Keys);
    }
}
