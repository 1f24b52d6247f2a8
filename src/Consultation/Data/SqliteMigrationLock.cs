using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Consultation.Data;

/// <summary>
/// EF Core's migration lock on SQLite is a row in <c>__EFMigrationsLock</c> that the migrating start deletes when it
/// is done; EF waits for as long as the row is there. A start killed while migrating (a container recreated
/// mid-upgrade, out of memory) leaves the row behind, and every later start would wait for ever. So before migrating,
/// a row older than <c>Database:StaleMigrationLockAfter</c> is deleted; a younger one may be another start's that is
/// migrating right now, and this start waits until that row is gone or has grown stale.
/// </summary>
public sealed class SqliteMigrationLock(AppDbContext db, TimeSpan staleAfter, TimeProvider clock, ILogger logger)
{
    /// <summary>
    /// How long a waiting start sleeps between looks, in real time: the other start releases the lock in real time,
    /// whatever this app's clock says.
    /// </summary>
    public static readonly TimeSpan LookAgainAfter = TimeSpan.FromSeconds(2);

    public async Task ClearStaleAsync()
    {
        if (!await TableExistsAsync())
            return;
        var waiting = false;
        DateTimeOffset? firstSeen = null;
        while (await TimestampAsync() is { } timestamp)
        {
            // EF writes the time it took the lock as SQLite's DateTimeOffset text, e.g. "2026-03-10 01:00:00.1234567+00:00".
            // Text that does not read as a time is aged from when this start first saw it.
            var takenAt = DateTimeOffset.TryParse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                ? parsed
                : firstSeen ??= clock.GetUtcNow();
            var age = clock.GetUtcNow() - takenAt;
            if (age >= staleAfter)
            {
                if (await DeleteAsync(timestamp))
                    logger.LogWarning(
                        "Deleted the database migration lock taken at {TakenAt}, {Age} ago (Database:StaleMigrationLockAfter is {StaleAfter}): "
                        + "a start was probably killed while migrating. Migrating now.",
                        timestamp, TimeSpan.FromSeconds(Math.Round(age.TotalSeconds)), staleAfter);
                continue;
            }
            if (!waiting)
                logger.LogInformation(
                    "Waiting for the database migration lock taken at {TakenAt} by another start, which is probably migrating now: "
                    + "this start migrates once the lock is released, or deletes it once it is older than {StaleAfter}.",
                    timestamp, staleAfter);
            waiting = true;
            await Task.Delay(LookAgainAfter);
        }
    }

    private async Task<bool> TableExistsAsync() =>
        (await db.Database.SqlQuery<int>(
            $"""SELECT COUNT(*) AS "Value" FROM "sqlite_master" WHERE "type" = 'table' AND "name" = '__EFMigrationsLock'""").ToListAsync())
        .Single() > 0;

    private async Task<string?> TimestampAsync() =>
        (await db.Database.SqlQuery<string>($"""SELECT "Timestamp" AS "Value" FROM "__EFMigrationsLock" """).ToListAsync())
        .FirstOrDefault();

    /// <summary>Deletes the row only if it is still the one judged stale, not a lock another start has just taken.</summary>
    private async Task<bool> DeleteAsync(string timestamp) =>
        await db.Database.ExecuteSqlAsync($"""DELETE FROM "__EFMigrationsLock" WHERE "Timestamp" = {timestamp}""") > 0;
}
