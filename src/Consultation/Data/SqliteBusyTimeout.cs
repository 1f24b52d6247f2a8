using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Consultation.Data;

/// <summary>
/// Lets SQLite itself wait for a lock held by another writer. Without it, Microsoft.Data.Sqlite retries a busy
/// database only every 150 ms, so when requests and the job worker write at the same time each collision costs
/// 150 ms: under load, visits took seconds to schedule and reminders queued behind them. SQLite's own busy handler
/// retries within milliseconds, up to the timeout.
/// </summary>
public sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    public static readonly SqliteBusyTimeout Instance = new();
    public const int Milliseconds = 30_000;
    private static readonly string Pragma = $"PRAGMA busy_timeout = {Milliseconds};";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
