using System.Net;
using Consultation.Tests.Infrastructure;
using Consultation.Tests.Items;
using Consultation.Visits;

namespace Consultation.Tests.Visits;

/// <summary>Each visit write, sent one bad field or at the wrong time: a problem that names what to fix, and nothing changed.</summary>
public sealed class VisitBadInputTests : IAsyncLifetime
{
    private ItemWorld _w = null!;

    public async Task InitializeAsync() => _w = await ItemWorld.CreateAsync();
    public async Task DisposeAsync() => await _w.DisposeAsync();

    private async Task<Problem> RefusedAndNothingChanged(HttpClient who, HttpMethod method, string path, object body, HttpStatusCode status, string code)
    {
        var before = await _w.VisitFingerprintAsync();
        var problem = await _w.Refused(who, method, path, body, status);
        Assert.Equal(code, problem.Code);
        Assert.False(string.IsNullOrWhiteSpace(problem.Detail ?? problem.Errors.Values.FirstOrDefault()?.FirstOrDefault()));
        Assert.Equal(before, await _w.VisitFingerprintAsync());
        return problem;
    }

    private async Task Invalid(HttpClient who, HttpMethod method, string path, object body, string field)
    {
        var problem = await RefusedAndNothingChanged(who, method, path, body, HttpStatusCode.BadRequest, "invalid");
        Assert.Contains(field, problem.Errors.Keys);
        Assert.All(problem.Errors[field], message => Assert.False(string.IsNullOrWhiteSpace(message)));
    }

    [Fact]
    public async Task A_visit_in_the_past_too_short_or_without_its_phase_or_method_is_not_scheduled()
    {
        var item = await _w.SignedAsync();
        var path = $"/api/items/{item.Id}/visits";

        await Invalid(_w.Lead, HttpMethod.Post, path, new { phase = "DuringHandling", method = "Video", startUtc = _w.Now.AddHours(-1), durationMinutes = 30 }, "startUtc");
        await Invalid(_w.Lead, HttpMethod.Post, path, new { phase = "DuringHandling", method = "Video", startUtc = _w.Now.AddHours(1), durationMinutes = 5 }, "durationMinutes");
        await Invalid(_w.Lead, HttpMethod.Post, path, new { phase = "DuringHandling", method = "Video", startUtc = _w.Now.AddHours(1), durationMinutes = 30, location = new string('路', 201) }, "location");
        await Invalid(_w.Lead, HttpMethod.Post, path, new { method = "Video", startUtc = _w.Now.AddHours(1), durationMinutes = 30 }, "phase");
        await Invalid(_w.Lead, HttpMethod.Post, path, new { phase = "DuringHandling", startUtc = _w.Now.AddHours(1), durationMinutes = 30 }, "method");
    }

    [Fact]
    public async Task Moving_needs_a_reason_and_the_version_read_and_a_cancelled_visit_stays_cancelled()
    {
        var item = await _w.SignedAsync();
        var visit = await _w.ScheduleAsync(item.Id, _w.Now.AddDays(1));
        var path = $"/api/visits/{visit.Id}/schedule";

        await Invalid(_w.Lead, HttpMethod.Put, path, new { startUtc = _w.Now.AddDays(2), durationMinutes = 30, version = visit.Version }, "reason");
        await RefusedAndNothingChanged(_w.Lead, HttpMethod.Put, path,
            new { startUtc = _w.Now.AddDays(2), durationMinutes = 30, reason = "代表临时出差。", version = Guid.NewGuid() }, HttpStatusCode.Conflict, "edit_conflict");
        await Invalid(_w.Lead, HttpMethod.Post, $"/api/visits/{visit.Id}/cancel", new { reason = "", version = visit.Version }, "reason");

        var cancelled = await _w.Ok<VisitDto>(_w.Lead, HttpMethod.Post, $"/api/visits/{visit.Id}/cancel", new { reason = "代表已当面沟通。", version = visit.Version });
        var problem = await RefusedAndNothingChanged(_w.Lead, HttpMethod.Put, path,
            new { startUtc = _w.Now.AddDays(2), durationMinutes = 30, reason = "重新约定。", version = cancelled.Version }, HttpStatusCode.Conflict, "not_now");
        Assert.Equal("visit_not_scheduled", problem.Reason);
    }

    [Fact]
    public async Task An_outcome_waits_for_the_start_and_must_say_whether_the_visit_took_place()
    {
        var item = await _w.SignedAsync();
        var visit = await _w.ScheduleAsync(item.Id, _w.Now.AddHours(1), method: "Phone");
        var path = $"/api/visits/{visit.Id}/outcome";

        var early = await RefusedAndNothingChanged(_w.Lead, HttpMethod.Post, path, new { held = true }, HttpStatusCode.Conflict, "not_now");
        Assert.Equal("visit_not_started", early.Reason);
        _w.Advance(TimeSpan.FromHours(2));
        await Invalid(_w.Lead, HttpMethod.Post, path, new { }, "held");
    }

    [Fact]
    public async Task A_consultation_request_needs_proposed_times_a_handled_item_and_is_declined_once_with_a_reason()
    {
        var registered = await _w.RegisteredItemAsync();
        var early = await RefusedAndNothingChanged(_w.Deputy, HttpMethod.Post, $"/api/items/{registered.Id}/visit-requests",
            new { proposedTimes = "本周五上午" }, HttpStatusCode.Conflict, "not_now");
        Assert.Equal("consultation_not_yet", early.Reason);
        var item = await _w.SignedAsync();
        await Invalid(_w.Deputy, HttpMethod.Post, $"/api/items/{item.Id}/visit-requests", new { proposedTimes = " " }, "proposedTimes");

        var asked = await _w.Ok<VisitRequestDto>(_w.Deputy, HttpMethod.Post, $"/api/items/{item.Id}/visit-requests", new { proposedTimes = "本周五上午" });
        var decline = $"/api/visit-requests/{asked.Id}/decline";
        await Invalid(_w.Lead, HttpMethod.Post, decline, new { }, "reason");
        await _w.Ok<VisitRequestDto>(_w.Lead, HttpMethod.Post, decline, new { reason = "已于昨日电话沟通。" });
        var twice = await RefusedAndNothingChanged(_w.Lead, HttpMethod.Post, decline, new { reason = "再次拒绝。" }, HttpStatusCode.Conflict, "not_now");
        Assert.Equal("already_answered", twice.Reason);
    }
}
