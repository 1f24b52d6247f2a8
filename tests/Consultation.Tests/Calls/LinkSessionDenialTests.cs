using System.Net;
using System.Net.Http.Json;
using Consultation.Calls;
using Consultation.Data;
using Consultation.Tests.Infrastructure;
using Consultation.Tests.Items;
using Consultation.Tests.Visits;
using Consultation.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Consultation.Tests.Calls;

/// <summary>A join link's session is for its call alone: it reads and changes nothing else; a bad link signs nobody in.</summary>
public sealed class LinkSessionDenialTests : IAsyncLifetime
{
    private ItemWorld _w = null!;
    private VisitDto _visit = null!;

    public async Task InitializeAsync()
    {
        _w = await ItemWorld.CreateAsync();
        _visit = await _w.ScheduleAsync((await _w.AnsweredAsync()).Id, _w.Now.AddHours(1), minutes: 30);
    }

    public async Task DisposeAsync() => await _w.DisposeAsync();

    /// <summary>A client signed in by the deputy's own join link.</summary>
    private async Task<HttpClient> LinkSessionAsync()
    {
        string url;
        await using (var scope = _w.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var visit = await db.Visits.Include(v => v.Participants).SingleAsync(v => v.Id == _visit.Id);
            url = scope.ServiceProvider.GetRequiredService<JoinLinks>().Mint(visit, visit.Participants.Single(p => p.Role == ParticipantRole.Submitter).Id);
            await db.SaveChangesAsync();
        }
        var phone = _w.App.Anonymous();
        (await phone.PostAsJsonAsync("/api/join", new { token = url[(url.LastIndexOf('/') + 1)..] })).EnsureSuccessStatusCode();
        Assert.Equal(_visit.Id, (await phone.GetFromJsonAsync<LinkSessionDto>("/api/join/session"))!.VisitId);
        return phone;
    }

    [Fact]
    public async Task A_link_session_is_refused_every_read_and_write_outside_its_call_and_nothing_changes()
    {
        var phone = await LinkSessionAsync();
        var item = _visit.ItemId;
        (string Method, string Path, object? Body)[] requests =
        [
            ("GET", $"/api/items/{item}", null),
            ("GET", $"/api/visits/{_visit.Id}/calendar.ics", null),
            ("GET", "/api/notifications", null),
            ("GET", "/api/home", null),
            ("GET", "/api/visit-requests", null),
            ("POST", $"/api/items/{item}/evaluation", new { work = "Dissatisfied", result = "Dissatisfied", comment = "不满意。" }),
            ("POST", $"/api/items/{item}/visit-requests", new { proposedTimes = "随时" }),
            ("POST", "/api/items", new { title = "关于夜班公交的建议", body = "夜间下班的市民出行不便，部分区域缺少夜班公交。" }),
            ("PUT", "/api/account/profile", new { notifyByEmail = false, notifyBySms = false, timeZone = "Asia/Shanghai" }),
            ("POST", "/api/account/password", new { currentPassword = "x", newPassword = "Another2026" }),
            ("POST", "/api/notifications/read-all", null),
        ];
        var before = await _w.VisitFingerprintAsync();

        foreach (var (method, path, body) in requests)
            Assert.Equal("unauthenticated", (await Problem.ReadAsync(await _w.Send(phone, new HttpMethod(method), path, body), HttpStatusCode.Unauthorized)).Code);

        Assert.Equal(before, await _w.VisitFingerprintAsync());
        Assert.Equal(0, await _w.App.WithDb(db => db.Evaluations.CountAsync()));
    }

    [Theory]
    [InlineData("""{}""", HttpStatusCode.BadRequest, "invalid")]
    [InlineData("""{"token": "not-a-link"}""", HttpStatusCode.NotFound, "join_link_unknown")]
    public async Task A_missing_or_unknown_link_signs_nobody_in(string json, HttpStatusCode status, string code)
    {
        var phone = _w.App.Anonymous();

        var response = await phone.PostAsync("/api/join", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        var problem = await Problem.ReadAsync(response, status);
        Assert.Equal(code, problem.Code);
        Assert.False(string.IsNullOrWhiteSpace(problem.Detail ?? problem.Errors.Values.First().First()));
        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.GetAsync("/api/join/session")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.GetAsync($"/api/visits/{_visit.Id}/basics")).StatusCode);
    }
}
