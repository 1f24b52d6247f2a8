using Microsoft.EntityFrameworkCore;

namespace Consultation.Data;

/// <summary>
/// SQLite plans queries from the statistics ANALYZE gathers; without them it picks the wrong index for the
/// item list's per-item subqueries (seconds instead of milliseconds at 10,000 items). Server databases keep
/// their own statistics.
/// </summary>
public static class SqliteStatistics
{
    public const string RecurringId = "sqlite-statistics";

    public static async Task RefreshAsync(AppDbContext db, DatabaseSettings settings)
    {
        if (settings.Provider == DatabaseProvider.Sqlite)
            await db.Database.ExecuteSqlRawAsync("PRAGMA optimize=0x10002;");
    }
}

/// <summary>Hourly, as the data grows.</summary>
public sealed class SqliteStatisticsJob(AppDbContext db, DatabaseSettings settings)
{
    public Task RunAsync() => SqliteStatistics.RefreshAsync(db, settings);
}
