using Consultation.Data;
using Consultation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Consultation.Tests.Data;

/// <summary>
/// A start on a SQLite file that lacks migrations and holds EF Core's migration lock row: left there by a start killed
/// while migrating, or another start's that is migrating now.
/// </summary>
public sealed class SqliteMigrationLockTests : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly FakeLogCollector _logs = new();
    private readonly TestApp _app;
    private Task? _start;

    public SqliteMigrationLockTests() =>
        _app = new TestApp().WithServices(services => services.AddSingleton<ILoggerProvider>(new FakeLoggerProvider(_logs)));

    [Fact]
    public async Task A_lock_left_by_a_start_killed_while_migrating_is_deleted_with_a_warning_and_the_start_migrates()
    {
        var takenAt = await LeaveLockAsync(_app.Clock.GetUtcNow() - DatabaseSettings.DefaultStaleMigrationLockAfter - TimeSpan.FromMinutes(5));

        await StartAsync().WaitAsync(Patience);

        Assert.Equal(0, await LockRowsAsync());
        Assert.Empty(await PendingMigrationsAsync());
        var warning = Assert.Single(LockLogs(LogLevel.Warning));
        Assert.Contains($"taken at {takenAt}, 00:15:00 ago", warning.Message);
        Assert.Contains("killed while migrating", warning.Message);
    }

    [Fact]
    public async Task A_start_waits_for_the_lock_of_another_start_and_migrates_once_it_is_released()
    {
        var takenAt = await LeaveLockAsync(_app.Clock.GetUtcNow() - TimeSpan.FromMinutes(1));

        var start = StartAsync();
        Assert.Contains($"taken at {takenAt} by another start", await WaitingLoggedAsync());
        await Task.Delay(SqliteMigrationLock.LookAgainAfter * 1.5);
        Assert.False(start.IsCompleted, "The start did not wait for the lock.");
        Assert.NotEmpty(await PendingMigrationsAsync());
        Assert.Equal(1, await LockRowsAsync());

        await ReleaseLockAsync();
        await start.WaitAsync(Patience);

        Assert.Empty(await PendingMigrationsAsync());
        Assert.Empty(LockLogs(LogLevel.Warning));
    }

    [Fact]
    public async Task A_waiting_start_deletes_the_lock_once_it_has_grown_stale_and_migrates()
    {
        var takenAt = await LeaveLockAsync(_app.Clock.GetUtcNow());
        var start = StartAsync();
        await WaitingLoggedAsync();

        _app.Clock.Advance(DatabaseSettings.DefaultStaleMigrationLockAfter);
        await start.WaitAsync(Patience);

        Assert.Equal(0, await LockRowsAsync());
        Assert.Empty(await PendingMigrationsAsync());
        var warning = Assert.Single(LockLogs(LogLevel.Warning));
        Assert.Contains($"taken at {takenAt}, 00:10:00 ago", warning.Message);
    }

    private Task StartAsync() => _start = Task.Run(() => _app.Services);

    private async Task<string> WaitingLoggedAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            var waiting = LockLogs(LogLevel.Information).FirstOrDefault(log => log.Message.StartsWith("Waiting for"));
            if (waiting is not null)
                return waiting.Message;
            await Task.Delay(50, timeout.Token);
        }
    }

    private IEnumerable<FakeLogRecord> LockLogs(LogLevel level) =>
        _logs.GetSnapshot().Where(log => log.Level == level && log.Message.Contains("database migration lock"));

    private AppDbContext Database() => MigrationTests.Context(DatabaseProvider.Sqlite, _app.DatabaseConnection);

    /// <summary>Creates the lock table and takes the lock as EF Core does, with its own timestamp text; returns that text.</summary>
    private async Task<string> LeaveLockAsync(DateTimeOffset takenAt)
    {
        await using var db = Database();
        var timestamp = db.GetService<IRelationalTypeMappingSource>().FindMapping(typeof(DateTimeOffset))!.GenerateSqlLiteral(takenAt).Trim('\'');
        await db.Database.ExecuteSqlRawAsync(
            """CREATE TABLE IF NOT EXISTS "__EFMigrationsLock" ("Id" INTEGER NOT NULL CONSTRAINT "PK___EFMigrationsLock" PRIMARY KEY, "Timestamp" TEXT NOT NULL)""");
        await db.Database.ExecuteSqlAsync($"""INSERT OR IGNORE INTO "__EFMigrationsLock"("Id", "Timestamp") VALUES(1, {timestamp})""");
        return timestamp;
    }

    private async Task ReleaseLockAsync()
    {
        await using var db = Database();
        await db.Database.ExecuteSqlRawAsync("""DELETE FROM "__EFMigrationsLock" """);
    }

    private async Task<int> LockRowsAsync()
    {
        await using var db = Database();
        return (await db.Database.SqlQuery<int>($"""SELECT COUNT(*) AS "Value" FROM "__EFMigrationsLock" """).ToListAsync()).Single();
    }

    private async Task<IEnumerable<string>> PendingMigrationsAsync()
    {
        await using var db = Database();
        return await db.Database.GetPendingMigrationsAsync();
    }

    public async ValueTask DisposeAsync()
    {
        // A start still waiting (a failed test) is let go, so that no server is left waiting behind the test.
        if (_start is { IsCompleted: false })
        {
            await ReleaseLockAsync();
            await _start.WaitAsync(Patience).ContinueWith(_ => { });
        }
        await _app.DisposeAsync();
    }
}
