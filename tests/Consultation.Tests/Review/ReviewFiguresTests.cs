using System.Net;
using Consultation.Items;
using Consultation.Review;
using Consultation.Tests.Items;

namespace Consultation.Tests.Review;

/// <summary>One hand-made year (see <see cref="ReviewData"/>), shared by the read-only tests of a class.</summary>
public sealed class ReviewFixture : IAsyncLifetime
{
    public ItemWorld World { get; private set; } = null!;
    public ReviewData Data { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        World = await ItemWorld.CreateAsync();
        Data = await ReviewData.CreateAsync(World);
    }

    public async Task DisposeAsync() => await World.DisposeAsync();
}

public sealed class ReviewFiguresTests(ReviewFixture fixture) : IClassFixture<ReviewFixture>
{
    private ItemWorld World => fixture.World;
    private ReviewData Data => fixture.Data;

    private Task<FiguresDto> Figures(string filters = "") =>
        World.Get<FiguresDto>(World.Office, $"/api/review/figures?session={Data.Session2026}{filters}");

    [Fact]
    public async Task Each_figure_of_the_session_counts_the_hand_made_items()
    {
        var f = (await Figures()).Overall;
        Assert.Equal(5, f.Received);           // I1–I5: I6 has no unit yet, I7 is a draft, I8 is last year's
        Assert.Equal(3, f.Answered);           // I1, I2, I3
        Assert.Equal(2, f.AnsweredOnTime);     // I1, and I2 thanks to its extension; I3 was late
        Assert.Equal(66.7, f.OnTimeRate);
        Assert.Equal(2, f.Contacted);          // I1 and I3; I2's phone call came after the answer
        Assert.Equal(66.7, f.ContactRate);
        Assert.Equal((1, 1, 1, 0), (f.CategoryA, f.CategoryB, f.CategoryC, f.CategoryD)); // I3's re-handling answer is not a first answer
        Assert.Equal((3, 2, 1, 0), (f.Evaluated, f.Satisfied, f.BasicallySatisfied, f.Dissatisfied));
        Assert.Equal(100.0, f.SatisfactionRate); // on the latest evaluations: I3 ended satisfied
        Assert.Equal((3, 2), (f.FirstEvaluated, f.FirstSatisfied));
        Assert.Equal(66.7, f.FirstTimeSatisfactionRate);
        Assert.Equal(1, f.ReHandlings);
        Assert.Equal((1, 3, 1, 1), (f.VisitsScheduled, f.VisitsHeld, f.VisitsNoShow, f.VisitsCancelled));
        var video = f.VisitsByMethod.Single(v => v.Method == Consultation.Visits.VisitMethod.Video);
        Assert.Equal((1, 1, 1, 0), (video.Scheduled, video.Held, video.NoShow, video.Cancelled));
        Assert.Equal(1, f.Overdue);            // I4
        Assert.Equal(1, f.LongOverdueDifficult); // I4
        Assert.Equal(1, f.OverdueCommitments); // I1's due 03-01; the amended record's no longer counts
    }

    [Fact]
    public async Task The_ranking_has_one_row_per_answering_unit()
    {
        var units = (await Figures()).Units;
        Assert.Equal(["市交通运输局", "市文物局"], units.Select(u => u.UnitName));
        var lead = units[0];
        Assert.Equal((3, 3, 0, 1), (lead.Received, lead.Answered, lead.Overdue, lead.OverdueCommitments));
        var other = units[1];
        Assert.Equal((2, 0, 1, 1, 1), (other.Received, other.Answered, other.Overdue, other.VisitsNoShow, other.VisitsScheduled));
        Assert.Null(other.OnTimeRate); // nothing answered: no rate rather than 0 %
    }

    [Fact]
    public async Task Filters_narrow_every_figure()
    {
        var proposals = (await Figures("&kind=proposal")).Overall;
        Assert.Equal((2, 1, 0, 1), (proposals.Received, proposals.Answered, proposals.AnsweredOnTime, proposals.Overdue));
        var urgent = (await Figures("&tag=urgent")).Overall;
        Assert.Equal((1, 1, 1), (urgent.Received, urgent.CategoryA, urgent.OverdueCommitments));
        var other = (await Figures($"&unit={World.OtherUnitId}")).Overall;
        Assert.Equal((2, 1, 1, 0), (other.Received, other.Overdue, other.LongOverdueDifficult, other.VisitsHeld));
        Assert.Equal("市文物局", other.UnitName);
        var lastYear = (await World.Get<FiguresDto>(World.Office, $"/api/review/figures?session={Data.Session2025}")).Overall;
        Assert.Equal((1, 1, 1, 1), (lastYear.Received, lastYear.AnsweredOnTime, lastYear.VisitsHeld, lastYear.Satisfied));
    }

    [Fact]
    public async Task The_period_counts_the_day_an_item_was_received_in_the_offices_time_zone()
    {
        // I5 arrived on 2026-02-28 17:00 UTC, which is 1 March in Beijing time.
        Assert.Equal(1, (await Figures("&from=2026-03-01&to=2026-03-31")).Overall.Received);
        Assert.Equal(0, (await Figures("&from=2026-02-01&to=2026-02-28")).Overall.Received);
        Assert.Equal(2, (await Figures("&from=2025-09-01&to=2025-09-30")).Overall.Received); // I2, I3
    }

    [Fact]
    public async Task The_trend_puts_answers_and_held_visits_in_their_months()
    {
        var months = await World.Get<MonthRow[]>(World.Office, $"/api/review/trend?session={Data.Session2026}");
        var january = months.Single(m => m.Month == "2026-01");
        var february = months.Single(m => m.Month == "2026-02");
        Assert.Equal((1, 2), (january.Answered, january.VisitsHeld)); // I3's answer; I1's and I3's contacts
        Assert.Equal((2, 1), (february.Answered, february.VisitsHeld)); // I1, I2; I2's phone call
        Assert.Equal(2, months.Single(m => m.Month == "2025-09").Received);
        Assert.Equal(1, months.Single(m => m.Month == "2026-03").Received); // I5, received on 1 March in Beijing
        Assert.Equal(new MonthRow("2025-11", 0, 0, 0), months.Single(m => m.Month == "2025-11")); // a quiet month shows as zero
        Assert.Equal(["2025-09", "2026-03"], new[] { months[0].Month, months[^1].Month });
    }

    [Theory]
    [InlineData("overdue", "", new[] { "I4" })]
    [InlineData("answered", "", new[] { "I1", "I2", "I3" })]
    [InlineData("late", "", new[] { "I3" })]
    [InlineData("notContacted", "", new[] { "I2" })]
    [InlineData("categoryB", "", new[] { "I2" })]
    [InlineData("firstSatisfied", "", new[] { "I1", "I2" })]
    [InlineData("reHandled", "", new[] { "I3" })]
    [InlineData("visitsHeld", "&method=video", new[] { "I1" })]
    [InlineData("visitsHeld", "", new[] { "I1", "I2", "I3" })]
    [InlineData("visitsNoShow", "", new[] { "I4" })]
    [InlineData("overdueCommitments", "", new[] { "I1" })]
    [InlineData("longOverdueDifficult", "", new[] { "I4" })]
    public async Task Drilling_into_a_figure_lists_the_items_it_counts(string figure, string more, string[] expected)
    {
        var page = await World.Get<ItemPage>(World.Office, $"/api/review/items?session={Data.Session2026}&figure={figure}{more}");
        Assert.Equal(expected.Select(k => Data.Numbers[k]).Order(), page.Items.Select(i => i.Number)); // listed by number
        Assert.Equal(expected.Length, page.Total);
    }

    [Fact]
    public async Task The_annual_summary_counts_items_by_kind_and_tag()
    {
        var summary = await World.Get<SummaryDto>(World.Office, $"/api/review/summary?session={Data.Session2026}");
        Assert.Equal(2026, summary.Year);
        var suggestions = summary.Kinds.Single(k => k.Kind == ItemKind.Suggestion);
        Assert.Equal((4, 2, 1), (suggestions.Received, suggestions.Answered, suggestions.Urgent)); // I1, I2, I5, I6
        var proposals = summary.Kinds.Single(k => k.Kind == ItemKind.Proposal);
        Assert.Equal((2, 1, 1, 1), (proposals.Received, proposals.Answered, proposals.Difficult, proposals.LongOverdue));
        Assert.Equal(1, summary.Figures.VisitsByMethod.Single(v => v.Method == Consultation.Visits.VisitMethod.Video).Held);
        Assert.Equal(100.0, summary.Figures.SatisfactionRate);
    }

    [Theory]
    [InlineData("kind=memo", "kind")]
    [InlineData("tag=famous", "tag")]
    [InlineData("unit=99999", "unit")]
    [InlineData("session=abc", "session")]
    [InlineData("from=2026-13-01", "from")]
    [InlineData("from=2026-05-01&to=2026-04-01", "to")]
    public async Task A_bad_filter_is_refused_with_the_field_to_fix(string query, string field)
    {
        foreach (var path in new[] { "figures", "trend", "items?figure=answered&", "summary", "export/units.csv", "export/items.xlsx?figure=overdue&" })
        {
            var separator = path.Contains('?') ? "" : "?";
            var problem = await World.Refused(World.Office, HttpMethod.Get, $"/api/review/{path}{separator}{query}", null, HttpStatusCode.BadRequest);
            Assert.Equal("invalid", problem.Code);
            Assert.Contains(field, problem.Errors.Keys);
        }
    }

    [Theory]
    [InlineData("/api/review/items?figure=everything", "figure")]
    [InlineData("/api/review/items?figure=visitsHeld&method=fax", "method")]
    [InlineData("/api/review/items?figure=answered&pageSize=1000", "pageSize")]
    [InlineData("/api/review/export/units.pdf", "format")]
    public async Task A_bad_drill_down_or_export_is_refused_with_the_field_to_fix(string path, string field)
    {
        var problem = await World.Refused(World.Office, HttpMethod.Get, path, null, HttpStatusCode.BadRequest);
        Assert.Contains(field, problem.Errors.Keys);
    }
}
