using System.Text.Json;
using Consultation.Data;
using Consultation.Items;
using Consultation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Consultation.Tests.Data;

public sealed class AuditTrailTests : IDisposable
{
    private readonly TestApp _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<int> CreateItemAsync()
    {
        var item = new Item
        {
            Session = new Session { Year = 2026, Name = "市十六届人大五次会议" },
            Kind = ItemKind.Proposal, Title = "关于加强老城风貌保护的提案", Body = "……", State = ItemState.Submitted,
        };
        await _app.WithDb(async db => { db.Items.Add(item); return await db.SaveChangesAsync(); });
        return item.Id;
    }

    [Fact]
    public async Task A_change_records_who_when_and_the_values_before_and_after()
    {
        var id = await CreateItemAsync();
        _app.Clock.Advance(TimeSpan.FromHours(3));

        await _app.WithDb(async db =>
        {
            var item = await db.Items.SingleAsync(i => i.Id == id);
            item.State = ItemState.Registered;
            item.Number = "2026-P-0001";
            return await db.SaveChangesAsync();
        });

        var entry = await _app.WithDb(db => db.AuditEntries.SingleAsync(a => a.ItemId == id && a.Action == "Modified"));
        Assert.Equal(_app.Clock.GetUtcNow().UtcDateTime, entry.AtUtc);
        Assert.Equal("system", entry.Actor);
        var before = JsonDocument.Parse(entry.Before!).RootElement;
        var after = JsonDocument.Parse(entry.After!).RootElement;
        Assert.Equal("Submitted", before.GetProperty("State").GetString());
        Assert.Equal("Registered", after.GetProperty("State").GetString());
        Assert.Equal("2026-P-0001", after.GetProperty("Number").GetString());
        Assert.False(after.TryGetProperty("Title", out _));
    }

    [Fact]
    public async Task The_second_of_two_concurrent_saves_is_refused_and_the_first_is_kept()
    {
        var id = await CreateItemAsync();
        await using var first = _app.Services.CreateAsyncScope();
        await using var second = _app.Services.CreateAsyncScope();
        var db1 = first.ServiceProvider.GetRequiredService<AppDbContext>();
        var db2 = second.ServiceProvider.GetRequiredService<AppDbContext>();
        var mine = await db1.Items.SingleAsync(i => i.Id == id);
        var theirs = await db2.Items.SingleAsync(i => i.Id == id);

        mine.Title = "关于加强皇城风貌保护的提案";
        await db1.SaveChangesAsync();
        theirs.Title = "另一个标题";

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db2.SaveChangesAsync());
        Assert.Equal("关于加强皇城风貌保护的提案", await _app.WithDb(db => db.Items.Where(i => i.Id == id).Select(i => i.Title).SingleAsync()));
    }

    [Fact]
    public async Task Rows_are_never_hard_deleted()
    {
        var id = await CreateItemAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => _app.WithDb(async db =>
        {
            db.Items.Remove(await db.Items.SingleAsync(i => i.Id == id));
            return await db.SaveChangesAsync();
        }));

        Assert.Contains("never deleted", error.Message);
        Assert.True(await _app.WithDb(db => db.Items.AnyAsync(i => i.Id == id)));
    }
}
