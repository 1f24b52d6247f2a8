using System.Net;
using Consultation.Calls;
using Consultation.Items;
using Consultation.Tests.Items;
using Consultation.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Consultation.Tests.Visits;

public sealed class VisitJobTests : IAsyncLifetime
{
    private ItemWorld _w = null!;

    public async Task InitializeAsync() => _w = await ItemWorld.CreateAsync();
    public async Task DisposeAsync() => await _w.DisposeAsync();

    [Fact]
    public async Task A_deputy_who_never_joined_is_marked_no_show_and_the_lead_unit_is_asked_what_next()
    {
        var w = _w;
        var visit = await w.ScheduleAsync((await w.SignedAsync()).Id, w.Now.AddHours(1));
        var handler = visit.Participants.Single(p => p.Role == ParticipantRole.LeadUnit);
        await w.App.WithDb(async db =>
        {
            db.Attendance.Add(new AttendanceEntry { VisitId = visit.Id, ParticipantId = handler.Id, JoinedAtUtc = visit.StartUtc });
            return await db.SaveChangesAsync();
        });
        w.Advance(TimeSpan.FromMinutes(75));

        await w.RunVisitJobAsync(visit.Id, VisitJobKind.NoShowCheck);
        await w.RunVisitJobAsync(visit.Id, VisitJobKind.NoShowCheck);

        var seen = await w.Get<VisitDto>(w.Lead, $"/api/visits/{visit.Id}");
        Assert.True(seen.Participants.Single(p => p.Role == ParticipantRole.Submitter).NoShow);
        Assert.False(seen.Participants.Single(p => p.Role == ParticipantRole.LeadUnit).NoShow);
        var told = await w.App.WithDb(db => db.Notifications.Where(n => n.VisitId == visit.Id && n.Kind == "visit-no-show").ToListAsync());
        Assert.Contains("李建国", Assert.Single(told).Data);

        w.Advance(TimeSpan.FromHours(1));
        await w.RunVisitJobAsync(visit.Id, VisitJobKind.AutoClose);
        var closed = await w.Get<VisitDto>(w.Lead, $"/api/visits/{visit.Id}");
        Assert.Equal(VisitState.NoShow, closed.State);
        Assert.Contains("outcome", closed.Actions);
    }

    [Fact]
    public async Task A_video_visit_both_sides_joined_is_held_when_the_room_closes_and_counts_as_a_contact()
    {
        var w = _w;
        var item = await w.SignedAsync();
        var visit = await w.ScheduleAsync(item.Id, w.Now.AddHours(1));
        await w.App.WithDb(async db =>
        {
            foreach (var p in visit.Participants)
                db.Attendance.Add(new AttendanceEntry { VisitId = visit.Id, ParticipantId = p.Id, JoinedAtUtc = visit.StartUtc });
            return await db.SaveChangesAsync();
        });
        w.Advance(TimeSpan.FromHours(3));

        await w.RunVisitJobAsync(visit.Id, VisitJobKind.AutoClose);

        Assert.Equal(VisitState.Held, (await w.Get<VisitDto>(w.Deputy, $"/api/visits/{visit.Id}")).State);
        Assert.Contains("answer", (await w.Get<ItemDetail>(w.Lead, $"/api/items/{item.Id}")).Actions);
    }

    [Fact]
    public async Task The_submitter_is_reminded_to_evaluate_a_week_after_an_answer_once_and_not_after_evaluating()
    {
        var w = _w;
        var answered = await w.AnsweredAsync();
        var slot = await w.App.WithDb(db => db.ScheduledJobs.SingleAsync(j => j.ItemId == answered.Id));
        Assert.Equal(answered.Responses.Last().AnsweredAtUtc.AddDays(7), slot.DueAtUtc);

        await RunReminder(answered.Id, slot.Sequence);
        await RunReminder(answered.Id, slot.Sequence);
        Assert.Equal(1, await w.App.WithDb(db => db.Notifications.CountAsync(n => n.ItemId == answered.Id && n.Kind == "evaluation-reminder")));

        var other = await w.AnsweredAsync();
        await w.Ok(w.Deputy, HttpMethod.Post, $"/api/items/{other.Id}/evaluation", new { work = "Satisfied", result = "Satisfied" });
        var otherSlot = await w.App.WithDb(db => db.ScheduledJobs.SingleAsync(j => j.ItemId == other.Id));
        await RunReminder(other.Id, otherSlot.Sequence);
        Assert.Equal(0, await w.App.WithDb(db => db.Notifications.CountAsync(n => n.ItemId == other.Id && n.Kind == "evaluation-reminder")));
    }

    [Fact]
    public async Task The_deadline_watch_tells_each_unit_its_overdue_items_and_the_office_a_digest_once_a_day()
    {
        var w = _w;
        var item = await w.AssignedItemAsync();
        w.Advance(TimeSpan.FromDays(95));

        await RunWatch();
        await RunWatch();

        var unitDigest = await w.App.WithDb(db => db.Notifications.Where(n => n.Kind == "deadline-digest")
            .Join(db.Users, n => n.UserId, u => u.Id, (n, u) => new { u.UserName, n.Data }).ToListAsync());
        Assert.Contains(item.Number!, Assert.Single(unitDigest, d => d.UserName == "lead").Data);
        Assert.DoesNotContain(unitDigest, d => d.UserName == "other.unit");
        Assert.Contains(item.Number!, Assert.Single(await w.App.WithDb(db => db.Notifications.Where(n => n.Kind == "office-digest").ToListAsync())).Data);

        w.Advance(TimeSpan.FromDays(1));
        await RunWatch();
        Assert.Equal(2, await w.App.WithDb(db => db.Notifications.CountAsync(n => n.Kind == "office-digest")));
    }

    [Theory]
    [InlineData("office", HttpStatusCode.OK)]
    [InlineData("admin", HttpStatusCode.OK)]
    [InlineData("lead", HttpStatusCode.Forbidden)]
    [InlineData("deputy", HttpStatusCode.Forbidden)]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    public async Task The_job_dashboard_is_for_the_office_and_the_administrator_only(string? who, HttpStatusCode expected)
    {
        var client = who switch
        {
            "office" => _w.Office, "admin" => _w.Admin, "lead" => _w.Lead, "deputy" => _w.Deputy, _ => _w.App.Anonymous(),
        };

        Assert.Equal(expected, (await client.GetAsync("/jobs")).StatusCode);
    }

    private async Task RunReminder(int itemId, int responseId)
    {
        await using var scope = _w.App.Services.CreateAsyncScope();
        await ActivatorUtilities.CreateInstance<ItemJobs>(scope.ServiceProvider).RemindToEvaluateAsync(itemId, responseId);
    }

    private async Task RunWatch()
    {
        await using var scope = _w.App.Services.CreateAsyncScope();
        await ActivatorUtilities.CreateInstance<ItemJobs>(scope.ServiceProvider).WatchDeadlinesAsync();
    }
}
