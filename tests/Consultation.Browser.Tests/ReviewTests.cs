using System.Text.Json;
using System.Text.RegularExpressions;
using MiniExcelLibs;
using Xunit.Abstractions;

namespace Consultation.Browser.Tests;

/// <summary>The office reviews a unit on the dashboard, drills into its overdue items and exports them.</summary>
public sealed class ReviewTests(ServerFixture server, ChromiumFixture chromium, ITestOutputHelper output)
    : BrowserTest(server, chromium, output)
{
    private const string Unit = "市交通运输局";

    [Fact]
    public async Task The_office_filters_the_dashboard_by_a_unit_drills_into_its_overdue_items_and_exports_them_to_xlsx()
    {
        await SignInAsync(DemoAccount.Office);
        var toggle = ByTestId("menu-toggle");
        if (await toggle.IsVisibleAsync())
            await toggle.ClickAsync();
        await ByTestId("nav-review").Filter(new() { Visible = true }).ClickAsync();
        await Expect(ByTestId("review-dashboard")).ToBeVisibleAsync();
        // The charts draw SVG, which prints as it looks.
        await Expect(ByTestId("chart-trend").Locator("svg")).ToBeVisibleAsync();
        await Expect(ByTestId("ranking-table")).ToContainTextAsync(Unit);

        await ByTestId("review-filter-unit").ClickAsync();
        await Page.GetByRole(AriaRole.Option).Filter(new() { HasText = Unit, Visible = true }).ClickAsync();
        await Expect(ByTestId("review-unit")).ToHaveTextAsync($"承办单位：{Unit}");
        await Expect(Page).ToHaveURLAsync(new Regex(@"/review\?unit=\d+$"));
        var unitId = new Uri(Page.Url).Query.Split('=')[1];

        // What the server counts for this unit, asked the way the page asks.
        var expected = await Page.EvaluateAsync<JsonElement>(
            $"async () => (await fetch('/api/review/items?unit={unitId}&figure=overdue&pageSize=100')).json()");
        var numbers = expected.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("number").GetString()).Order().ToArray();
        Assert.NotEmpty(numbers); // the demo always has overdue items for this unit
        var overdueCard = ByTestId("figure-overdue");
        await Expect(overdueCard.GetByTestId("figure-value")).ToHaveTextAsync(numbers.Length.ToString());

        await overdueCard.ClickAsync();
        await Expect(ByTestId("review-items-title")).ToHaveTextAsync("超期未答复的件");
        await Expect(ByTestId("review-item-count")).ToHaveTextAsync($"共 {numbers.Length} 件");
        foreach (var number in numbers)
            await Expect(ByTestId("review-items")).ToContainTextAsync(number!);

        var download = await Page.RunAndWaitForDownloadAsync(() => ByTestId("export-items-xlsx").ClickAsync());
        Assert.Equal("items-overdue.xlsx", download.SuggestedFilename);
        await Expect(ByTestId("export-items-progress")).ToContainTextAsync($"共 {numbers.Length} 行");
        var path = Path.Combine(Path.GetTempPath(), $"review-{Guid.NewGuid():N}.xlsx");
        try
        {
            await download.SaveAsAsync(path);
            var rows = MiniExcel.Query(path, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
            Assert.Equal(numbers, rows.Select(r => r["编号"]?.ToString()).Order().ToArray());
            Assert.All(rows, r => Assert.Equal(Unit, r["主办单位"]));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_handler_sees_their_own_units_review_and_the_annual_summary_in_english()
    {
        await SignInAsync(DemoAccount.Handler);
        await Page.GotoAsync("/review");
        await Expect(ByTestId("review-unit")).ToHaveTextAsync($"承办单位：{Unit}");
        await Expect(ByTestId("review-filter-unit")).ToHaveCountAsync(0); // a handler's unit is fixed
        await Expect(ByTestId("ranking-table")).ToContainTextAsync(Unit);
        await Expect(ByTestId("chart-trend")).ToContainTextAsync("交办");

        await SwitchLanguageToEnglishAsync();
        await Expect(ByTestId("chart-trend")).ToContainTextAsync("Assigned"); // the chart is drawn again in English
        await Expect(ByTestId("review-unit")).ToHaveTextAsync($"Unit: {Unit}");

        await ByTestId("open-summary").ClickAsync();
        await Expect(ByTestId("summary-text")).ToContainTextAsync("we received");
        await Expect(ByTestId("summary-text")).ToContainTextAsync("screen-to-screen video visits");
    }
}
