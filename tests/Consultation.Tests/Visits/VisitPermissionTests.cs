using Consultation.Tests.Items;
using Consultation.Visits;

namespace Consultation.Tests.Visits;

/// <summary>
/// Every visit endpoint, called by every kind of person: only the people the rules allow succeed; everyone else gets
/// 401, 403 or 404 as a problem with a code, and nothing changes (no visit, request, audit entry or notification).
/// </summary>
public sealed class VisitPermissionTests(VisitPermissionTests.World fixture) : IClassFixture<VisitPermissionTests.World>
{
    public sealed class World : IAsyncLifetime
    {
        private int _slot;
        public ItemWorld W { get; private set; } = null!;
        public async Task InitializeAsync() => W = await ItemWorld.CreateAsync();
        public async Task DisposeAsync() => await W.DisposeAsync();

        /// <summary>Every visit here has the same deputy: each gets its own two hours so that none clash.</summary>
        public DateTime NextSlot() => W.Now.AddDays(1).AddHours(2 * ++_slot);
    }

    public sealed record Case(string Name, string State, string Method, string Path, string Body, string[] Allowed)
    {
        public override string ToString() => Name;
    }

    // The co-signer was not invited to these visits, so they are not theirs to see.
    public static TheoryData<Case> Cases => new()
    {
        new("read a visit", "scheduled", "GET", "/api/visits/{visit}", "", ["deputy", "lead", "co", "office"]),
        new("download a visit's calendar file", "scheduled", "GET", "/api/visits/{visit}/calendar.ics", "", ["deputy", "lead", "co", "office"]),
        new("read the call report", "scheduled", "GET", "/api/visits/{visit}/call", "", ["lead", "co", "office"]),
        new("list the staff to invite", "scheduled", "GET", "/api/items/{item}/visit-staff", "", ["lead"]),
        new("read the agenda", "scheduled", "GET", "/api/visits/agenda?day=2026-03-11&deputyIds={deputyId}", "", ["lead", "co", "otherUnit", "office"]),
        new("schedule a visit", "scheduled", "POST", "/api/items/{item}/visits", "schedule", ["lead"]),
        new("move a visit", "scheduled", "PUT", "/api/visits/{visit}/schedule", "reschedule", ["lead"]),
        new("cancel a visit", "scheduled", "POST", "/api/visits/{visit}/cancel", "cancel", ["lead"]),
        new("record how a visit went", "started", "POST", "/api/visits/{visit}/outcome", "outcome", ["lead"]),
        new("ask for a consultation", "scheduled", "POST", "/api/items/{item}/visit-requests", "ask", ["deputy"]),
        new("decline a consultation request", "requested", "POST", "/api/visit-requests/{request}/decline", "decline", ["lead"]),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Only_the_people_the_rules_allow_can_do_it(Case c)
    {
        var w = fixture.W;
        var (item, visit, request) = await Arrange(c.State);
        var path = c.Path.Replace("{item}", item.ToString()).Replace("{visit}", visit.Id.ToString())
            .Replace("{request}", request.ToString()).Replace("{deputyId}", w.DeputyId.ToString());
        object? body = c.Body switch
        {
            "schedule" => new { phase = "DuringHandling", method = "Video", startUtc = fixture.NextSlot(), durationMinutes = 30 },
            "reschedule" => new { startUtc = fixture.NextSlot(), durationMinutes = 30, reason = "代表临时出差。", version = visit.Version },
            "cancel" => new { reason = "代表已当面沟通。", version = visit.Version },
            "outcome" => new { held = true },
            "ask" => new { proposedTimes = "本周五上午" },
            "decline" => new { reason = "已于昨日电话沟通。" },
            _ => null,
        };

        foreach (var who in People.Everyone.Except(c.Allowed))
        {
            var before = await Fingerprint();
            await People.DeniedAsync(await w.Send(w.As(who), new HttpMethod(c.Method), path, body), who, c.Name);
            Assert.Equal(before, await Fingerprint());
        }
        foreach (var who in c.Allowed.Take(c.Method == "GET" ? c.Allowed.Length : 1))
        {
            var allowed = await w.Send(w.As(who), new HttpMethod(c.Method), path, body);
            Assert.True(allowed.IsSuccessStatusCode, $"{who} may {c.Name}: {(int)allowed.StatusCode} {await allowed.Content.ReadAsStringAsync()}");
        }
    }

    [Fact]
    public async Task My_visits_and_the_consultation_requests_list_nothing_of_items_that_are_not_mine()
    {
        var w = fixture.W;
        var (_, visit, request) = await Arrange("requested");

        foreach (var who in new[] { "otherDeputy", "otherUnit", "cosigner", "admin" })
        {
            Assert.DoesNotContain(await w.Get<VisitDto[]>(w.As(who), "/api/my/visits"), v => v.Id == visit.Id);
            Assert.DoesNotContain(await w.Get<VisitDto[]>(w.As(who), "/api/my/visits?past=true"), v => v.Id == visit.Id);
            Assert.DoesNotContain(await w.Get<VisitRequestDto[]>(w.As(who), "/api/visit-requests?pendingOnly=false"), r => r.Id == request);
        }
        // A co-handling unit schedules nothing, so the deputy's requests are not its to answer.
        Assert.DoesNotContain(await w.Get<VisitRequestDto[]>(w.Co, "/api/visit-requests"), r => r.Id == request);
        Assert.Contains(await w.Get<VisitRequestDto[]>(w.Lead, "/api/visit-requests"), r => r.Id == request);
        Assert.Contains(await w.Get<VisitDto[]>(w.Deputy, "/api/my/visits"), v => v.Id == visit.Id);
    }

    private async Task<(int Item, VisitDto Visit, int Request)> Arrange(string state)
    {
        var w = fixture.W;
        var item = await w.SignedAsync();
        if (state == "started")
        {
            var phone = await w.ScheduleAsync(item.Id, w.Now.AddMinutes(30), minutes: 20, method: "Phone");
            w.Advance(TimeSpan.FromMinutes(40));
            return (item.Id, phone, 0);
        }
        var visit = await w.ScheduleAsync(item.Id, fixture.NextSlot(), minutes: 30);
        if (state == "scheduled")
            return (item.Id, visit, 0);
        var asked = await w.Ok<VisitRequestDto>(w.Deputy, HttpMethod.Post, $"/api/items/{item.Id}/visit-requests",
            new { proposedTimes = "下周二下午", visitId = visit.Id });
        return (item.Id, visit, asked.Id);
    }

    private Task<string> Fingerprint() => fixture.W.VisitFingerprintAsync();
}
