using Consultation.Data;
using Consultation.Items;
using Consultation.Review;
using Consultation.Tests.Infrastructure;
using Consultation.Tests.Items;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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

    [Fact]
    public async Task Two_saves_on_one_item_at_once_write_its_review_rows_one_after_the_other()
    {
        var connection = await postgres.CreateDatabaseAsync();
        await using var world = await ItemWorld.CreateAsync(
            ("Database:Provider", "PostgreSql"), ("ConnectionStrings:Consultation", connection), ("Database:MigrateOnStart", "true"));
        var item = await world.AnsweredAsync();
        await using var first = world.App.Services.CreateAsyncScope();
        await using var second = world.App.Services.CreateAsyncScope();
        var db1 = first.ServiceProvider.GetRequiredService<AppDbContext>();
        var db2 = second.ServiceProvider.GetRequiredService<AppDbContext>();
        var duty = await db1.Assignments.SingleAsync(a => a.ItemId == item.Id && a.Role == AssignmentRole.Lead);
        var handler = await db1.Users.Where(u => u.UserName == "lead").Select(u => u.Id).SingleAsync();
        ExtensionRequest Request() => new()
        {
            ItemId = item.Id, AssignmentId = duty.Id, RequestedDueAtUtc = world.Now.AddMonths(2), Reason = "需协调多个部门。",
            RequestedById = handler, RequestedAtUtc = world.Now,
        };

        // The first save has rewritten the item's rows and keeps its transaction open; the second waits for it.
        await using (var transaction = await db1.Database.BeginTransactionAsync())
        {
            db1.ExtensionRequests.Add(Request());
            await db1.SaveChangesAsync();
            db2.ExtensionRequests.Add(Request());
            var waiting = db2.SaveChangesAsync();
            await Task.Delay(TimeSpan.FromSeconds(1));
            Assert.False(waiting.IsCompleted);
            await transaction.CommitAsync();
            await waiting;
        }

        var f = (await world.Get<FiguresDto>(world.Office, $"/api/review/figures?unit={world.LeadUnitId}")).Overall;
        Assert.Equal((1, 1), (f.Received, f.Answered));
    }
}
