using System.Net;
using Consultation.Items;
using Consultation.Review;
using Consultation.Tests.Items;

namespace Consultation.Tests.Review;

/// <summary>The office sees every unit, a handler their own unit only, deputies and administrators nothing: on every endpoint.</summary>
public sealed class ReviewAccessTests(ReviewFixture fixture) : IClassFixture<ReviewFixture>
{
    private ItemWorld World => fixture.World;

    public static readonly TheoryData<string> Endpoints =
    [
        "/api/review/figures",
        "/api/review/trend",
        "/api/review/items?figure=received",
        "/api/review/summary",
        "/api/review/export/units.csv",
        "/api/review/export/units.xlsx",
        "/api/review/export/items.csv?figure=received",
        "/api/review/export/items.xlsx?figure=received",
    ];

    private static string With(string path, string query) => path + (path.Contains('?') ? "&" : "?") + query;

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Deputies_and_administrators_see_no_figures(string path)
    {
        foreach (var client in new[] { World.Deputy, World.Admin })
        {
            var problem = await World.Refused(client, HttpMethod.Get, path, null, HttpStatusCode.Forbidden);
            Assert.Equal("forbidden", problem.Code);
            Assert.Contains("office", problem.Detail);
        }
        await World.Refused(World.App.Anonymous(), HttpMethod.Get, path, null, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task A_handler_asking_for_another_unit_is_refused(string path)
    {
        var problem = await World.Refused(World.Lead, HttpMethod.Get, With(path, $"unit={World.OtherUnitId}"), null, HttpStatusCode.Forbidden);
        Assert.Equal("other_unit", problem.Code);
        Assert.Contains("own unit", problem.Detail);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task The_office_and_a_handler_of_the_unit_get_the_figures(string path)
    {
        foreach (var client in new[] { World.Office, World.Lead })
        {
            var response = await client.GetAsync(With(path, $"unit={World.LeadUnitId}"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task A_handler_gets_the_sessions_to_filter_the_review_by_and_a_deputy_does_not()
    {
        foreach (var client in new[] { World.Office, World.Lead })
        {
            var sessions = await World.Get<SessionDto[]>(client, "/api/sessions");
            Assert.Equal([(fixture.Data.Session2026, 2026, true), (fixture.Data.Session2025, 2025, false)],
                sessions.Select(s => (s.Id, s.Year, s.IsCurrent)));
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await World.Deputy.GetAsync("/api/sessions")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await World.App.Anonymous().GetAsync("/api/sessions")).StatusCode);
    }

    [Fact]
    public async Task A_handler_sees_only_their_own_units_figures_and_items()
    {
        var figures = await World.Get<FiguresDto>(World.OtherUnit, "/api/review/figures");
        Assert.Equal(["市文物局"], figures.Units.Select(u => u.UnitName));
        Assert.Equal(2, figures.Overall.Received);
        var items = await World.Get<ItemPage>(World.OtherUnit, "/api/review/items?figure=received");
        Assert.Equal(2, items.Total);
        var csv = await World.OtherUnit.GetStringAsync("/api/review/export/units.csv");
        Assert.DoesNotContain("市交通运输局", csv);
        Assert.Contains("市文物局", csv);
        // A co-handling unit answers nothing: it has no duty to count.
        Assert.Empty((await World.Get<FiguresDto>(World.Co, "/api/review/figures")).Units);
    }
}
