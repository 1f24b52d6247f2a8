using Consultation.Data;
using Consultation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Consultation.Tests.Data;

public sealed class SqliteBusyTimeoutTests
{
    [Fact]
    public async Task The_apps_sqlite_connections_let_sqlite_wait_for_a_lock_held_by_another_writer()
    {
        await using var app = new TestApp();
        var timeout = await app.WithDb(async db =>
        {
            await db.Database.OpenConnectionAsync();
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA busy_timeout";
            return Convert.ToInt32(await command.ExecuteScalarAsync());
        });
        Assert.Equal(SqliteBusyTimeout.Milliseconds, timeout);
    }
}
