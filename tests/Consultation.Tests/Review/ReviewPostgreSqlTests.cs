using Consultation.Review;
using Consultation.Tests.Infrastructure;
using Consultation.Tests.Items;

namespace Consultation.Tests.Review;

/// <summary>The review's aggregates translate on a server database too, with the same numbers.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ReviewPostgreSqlTests(PostgresServer postgres)
{
    [Fact]
    public async Task On_postgresql_the_figures_trend_and_drill_down_give_the_same_numbers()
    {
        var connection = await postgres.CreateDatabaseAsync();
        await using var world = await ItemWorld.CreateAsync(
            ("Database:Provider", "PostgreSql"), ("ConnectionStrings:Consultation", connection), ("Database:MigrateOnStart", "true"));
        var data = await ReviewData.CreateAsync(world);

        var f = (await world.Get<FiguresDto>(world.Office, $"/api/review/figures?session={data.Session2026}")).Overall;
        Assert.Equal((5, 3, 2, 2), (f.Received, f.Answered, f.AnsweredOnTime, f.Contacted));
        Assert.Equal((3, 2, 2, 1), (f.Evaluated, f.Satisfied, f.FirstSatisfied, f.ReHandlings));
        Assert.Equal((1, 3, 1, 1, 1), (f.VisitsScheduled, f.VisitsHeld, f.Overdue, f.OverdueCommitments, f.LongOverdueDifficult));
        var months = await world.Get<MonthRow[]>(world.Office, $"/api/review/trend?session={data.Session2026}");
        Assert.Equal(1, months.Single(m => m.Month == "2026-03").Received);
        var late = await world.Get<Consultation.Items.ItemPage>(world.Office, $"/api/review/items?session={data.Session2026}&figure=late");
        Assert.Equal([data.Numbers["I3"]], late.Items.Select(i => i.Number));
        var csv = await world.Office.GetStringAsync($"/api/review/export/items.csv?session={data.Session2026}&figure=overdue");
        Assert.Contains(data.Numbers["I4"], csv);
    }
}
