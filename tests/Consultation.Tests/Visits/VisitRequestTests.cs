using System.Net;
using Consultation.Items;
using Consultation.Tests.Infrastructure;
using Consultation.Tests.Items;
using Consultation.Visits;

namespace Consultation.Tests.Visits;

public sealed class VisitRequestTests : IAsyncLifetime
{
    private ItemWorld _w = null!;

    public async Task InitializeAsync() => _w = await ItemWorld.CreateAsync();
    public async Task DisposeAsync() => await _w.DisposeAsync();

    [Fact]
    public async Task A_deputy_asks_for_a_consultation_and_the_lead_unit_answers_by_scheduling_it()
    {
        var w = _w;
        var item = await w.SignedAsync();

        var asked = await w.Ok<VisitRequestDto>(w.Deputy, HttpMethod.Post, $"/api/items/{item.Id}/visit-requests",
            new { proposedTimes = "下周二或周三下午", message = "希望当面了解试点进展。" });
        Assert.Equal(RequestState.Pending, asked.State);
        Assert.Equal("李建国", asked.DeputyName);
        var seenByLead = Assert.Single(await w.Get<VisitRequestDto[]>(w.Lead, "/api/visit-requests"));
        Assert.Equal("下周二或周三下午", seenByLead.ProposedTimes);
        Assert.Empty(await w.Get<VisitRequestDto[]>(w.OtherUnit, "/api/visit-requests"));
        Assert.Empty(await w.Get<VisitRequestDto[]>(w.OtherDeputy, "/api/visit-requests"));

        var visit = await w.Ok<VisitDto>(w.Lead, HttpMethod.Post, $"/api/items/{item.Id}/visits", new
        {
            phase = "DuringHandling", method = "Video", startUtc = w.Now.AddDays(6), durationMinutes = 30, requestId = asked.Id,
        });

        var answered = Assert.Single(await w.Get<VisitRequestDto[]>(w.Deputy, "/api/visit-requests?pendingOnly=false"));
        Assert.Equal(RequestState.Approved, answered.State);
        Assert.Equal(visit.Id, answered.VisitId);
    }

    [Fact]
    public async Task Answering_a_request_for_another_time_moves_the_visit_in_one_step()
    {
        var w = _w;
        var item = await w.SignedAsync();
        var first = await w.ScheduleAsync(item.Id, w.Now.AddDays(3));
        var asked = await w.Ok<VisitRequestDto>(w.Deputy, HttpMethod.Post, $"/api/items/{item.Id}/visit-requests",
            new { visitId = first.Id, proposedTimes = "同一天晚半小时" });
        object Answer(Guid version, string reason) => new
        {
            phase = "DuringHandling", method = "Video", startUtc = first.StartUtc.AddMinutes(30), durationMinutes = 45, requestId = asked.Id,
            replaces = new { visitId = first.Id, version, reason },
        };

        // A stale version or a missing reason changes nothing; overlapping the visit it replaces is no clash.
        var stale = await w.Send(w.Lead, HttpMethod.Post, $"/api/items/{item.Id}/visits", Answer(Guid.NewGuid(), "应代表要求改期。"));
        Assert.Equal("edit_conflict", (await Problem.ReadAsync(stale, HttpStatusCode.Conflict)).Code);
        var noReason = await w.Send(w.Lead, HttpMethod.Post, $"/api/items/{item.Id}/visits", Answer(first.Version, ""));
        Assert.Equal("replaces.reason", Assert.Single((await Problem.ReadAsync(noReason, HttpStatusCode.BadRequest)).Errors.Keys));
        var byOtherUnit = await w.Send(w.OtherUnit, HttpMethod.Post, $"/api/items/{item.Id}/visits", Answer(first.Version, "应代表要求改期。"));
        Assert.False(byOtherUnit.IsSuccessStatusCode);
        Assert.Equal(VisitState.Scheduled, (await w.Get<VisitDto>(w.Deputy, $"/api/visits/{first.Id}")).State);

        var moved = await w.Ok<VisitDto>(w.Lead, HttpMethod.Post, $"/api/items/{item.Id}/visits", Answer(first.Version, "应代表要求改期。"));

        var cancelled = await w.Get<VisitDto>(w.Deputy, $"/api/visits/{first.Id}");
        Assert.Equal(VisitState.Cancelled, cancelled.State);
        Assert.Equal("应代表要求改期。", cancelled.CancellationReason);
        Assert.Equal(VisitState.Scheduled, (await w.Get<VisitDto>(w.Deputy, $"/api/visits/{moved.Id}")).State);
        Assert.Equal(RequestState.Approved, Assert.Single(await w.Get<VisitRequestDto[]>(w.Deputy, "/api/visit-requests?pendingOnly=false")).State);
        var left = w.PendingJobs(first.Id);
        Assert.Contains(VisitJobKind.Cancellation, left.Keys);
        Assert.DoesNotContain(VisitJobKind.FirstReminder, left.Keys);
        Assert.Contains(VisitJobKind.FirstReminder, w.PendingJobs(moved.Id).Keys);
    }

    [Fact]
    public async Task The_lead_unit_declines_a_request_with_a_reason_the_deputy_sees_and_others_cannot_decline_it()
    {
        var w = _w;
        var item = await w.SignedAsync();
        var asked = await w.Ok<VisitRequestDto>(w.Deputy, HttpMethod.Post, $"/api/items/{item.Id}/visit-requests",
            new { proposedTimes = "本周五上午" });

        Assert.Equal(HttpStatusCode.NotFound, (await w.Send(w.OtherUnit, HttpMethod.Post, $"/api/visit-requests/{asked.Id}/decline",
            new { reason = "不是本单位。" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await w.Send(w.Co, HttpMethod.Post, $"/api/visit-requests/{asked.Id}/decline",
            new { reason = "协办单位。" })).StatusCode);
        var declined = await w.Ok<VisitRequestDto>(w.Lead, HttpMethod.Post, $"/api/visit-requests/{asked.Id}/decline",
            new { reason = "已于昨日电话沟通，答复将于下周发出。" });

        Assert.Equal(RequestState.Refused, declined.State);
        var seen = Assert.Single(await w.Get<VisitRequestDto[]>(w.Deputy, "/api/visit-requests?pendingOnly=false"));
        Assert.Equal("已于昨日电话沟通，答复将于下周发出。", seen.Answer);
        Assert.Equal(HttpStatusCode.Forbidden, (await w.Send(w.CoSigner, HttpMethod.Post, $"/api/items/{item.Id}/visit-requests",
            new { proposedTimes = "随时" })).StatusCode);
    }
}
