using System.Net;
using Consultation.Items;
using Consultation.Tests.Items;
using Consultation.Visits;

namespace Consultation.Tests.Visits;

/// <summary>
/// Scheduling shows when a deputy is busy, whoever's visit it is; which item another unit's visit is about is not
/// shown to a unit that may not see that item, neither in the agenda nor in a clash.
/// </summary>
public sealed class BusyTimeTests : IAsyncLifetime
{
    private ItemWorld _w = null!;

    public async Task InitializeAsync() => _w = await ItemWorld.CreateAsync();
    public async Task DisposeAsync() => await _w.DisposeAsync();

    /// <summary>An item of the same deputy led by the unrelated unit, signed for by it.</summary>
    private async Task<ItemDetail> OtherUnitsItemAsync()
    {
        var registered = await _w.RegisteredItemAsync("关于老旧小区加装电梯的建议");
        await _w.Ok(_w.Office, HttpMethod.Post, $"/api/items/{registered.Id}/assign", new { leadUnitId = _w.OtherUnitId });
        return await _w.Ok(_w.OtherUnit, HttpMethod.Post, $"/api/items/{registered.Id}/sign");
    }

    [Fact]
    public async Task Another_units_agenda_shows_the_deputy_busy_without_naming_the_item()
    {
        var theirs = await _w.SignedAsync();
        var visit = await _w.ScheduleAsync(theirs.Id, _w.Now.AddDays(1)); // 09:00 on 11 March in Shanghai
        var path = $"/api/visits/agenda?day=2026-03-11&deputyIds={_w.DeputyId}";

        var seenByOther = Assert.Single(Assert.Single(await _w.Get<PersonAgenda[]>(_w.OtherUnit, path)).Visits);
        var seenByLead = Assert.Single(Assert.Single(await _w.Get<PersonAgenda[]>(_w.Lead, path)).Visits);

        Assert.Equal((visit.StartUtc, visit.EndUtc, (string?)null), (seenByOther.StartUtc, seenByOther.EndUtc, seenByOther.ItemNumber));
        Assert.Equal(theirs.Number, seenByLead.ItemNumber);
    }

    [Fact]
    public async Task A_clash_with_another_units_visit_names_the_deputy_and_the_time_but_not_the_item()
    {
        var theirs = await _w.SignedAsync();
        var start = _w.Now.AddDays(1);
        await _w.ScheduleAsync(theirs.Id, start, minutes: 60);
        var mine = await OtherUnitsItemAsync();
        var before = await _w.VisitFingerprintAsync();

        var response = await _w.Send(_w.OtherUnit, HttpMethod.Post, $"/api/items/{mine.Id}/visits",
            new { phase = "DuringHandling", method = "Video", startUtc = start.AddMinutes(30), durationMinutes = 30 });

        var body = await response.Content.ReadAsStringAsync();
        var clash = await Infrastructure.Problem.ReadAsync(response, HttpStatusCode.Conflict);
        Assert.Equal("visit_clash", clash.Code);
        Assert.Contains("李建国", clash.Detail);
        Assert.DoesNotContain(theirs.Number!, body);
        Assert.Equal(before, await _w.VisitFingerprintAsync());
    }
}
