using System.Net;
using Consultation.Tests.Items;
using MiniExcelLibs;

namespace Consultation.Tests.Review;

public sealed class ReviewExportTests(ReviewFixture fixture) : IClassFixture<ReviewFixture>
{
    private ItemWorld World => fixture.World;
    private ReviewData Data => fixture.Data;

    [Fact]
    public async Task The_ranking_exports_to_xlsx_with_the_filters_applied()
    {
        var response = await World.Office.GetAsync($"/api/review/export/units.xlsx?session={Data.Session2026}&kind=proposal");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("2", response.Headers.GetValues("X-Total-Rows").Single());
        await using var file = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = file.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["市交通运输局", "市文物局"], rows.Select(r => r["承办单位"]?.ToString()));
        Assert.Equal([1d, 1d], rows.Select(r => Convert.ToDouble(r["交办件数"])));  // I3 for L, I4 for O
        Assert.Equal([0d, 1d], rows.Select(r => Convert.ToDouble(r["超期未答复"])));
    }

    [Fact]
    public async Task The_items_behind_a_figure_export_to_csv_in_english()
    {
        var response = await World.Office.GetAsync($"/api/review/export/items.csv?session={Data.Session2026}&figure=answered&lang=en");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("3", response.Headers.GetValues("X-Total-Rows").Single());
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
            .Concat([]).SelectMany(l => l.Split('\n', StringSplitOptions.RemoveEmptyEntries)).ToArray();
        Assert.StartsWith("Number,Title,Kind,State,Lead unit,Submitter,Received,Answer due", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.Contains(lines, l => l.StartsWith($"{Data.Numbers["I3"]},测试I3,Proposal,Evaluated,市交通运输局,李建国,2025-09-25,2026-01-01", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_overdue_items_export_to_xlsx_in_chinese()
    {
        var response = await World.Office.GetAsync($"/api/review/export/items.xlsx?session={Data.Session2026}&figure=overdue");
        await using var file = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var row = Assert.Single(file.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>());
        Assert.Equal(Data.Numbers["I4"], row["编号"]);
        Assert.Equal("办理中", row["状态"]);
        Assert.Equal("市文物局", row["主办单位"]);
    }
}
