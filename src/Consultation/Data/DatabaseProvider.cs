using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Consultation.Data;

public enum DatabaseProvider { Sqlite, SqlServer, PostgreSql }

/// <summary>A setting the app cannot start without is missing or wrong; the message names the setting to fix.</summary>
public sealed class StartupSettingException(string message) : Exception(message);

/// <summary>Reads <c>Database:Provider</c> and the connection string, and configures EF Core for that provider.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString, bool MigrateOnStart)
{
    public const string ConnectionStringName = "Consultation";
    public const string DefaultSqliteFile = "App_Data/consultation.db";
    public static readonly TimeSpan DefaultStaleMigrationLockAfter = TimeSpan.FromMinutes(10);

    /// <summary>SQLite only: a migration lock older than this was left by a start killed while migrating, and is deleted.</summary>
    public TimeSpan StaleMigrationLockAfter { get; init; } = DefaultStaleMigrationLockAfter;

    public static DatabaseSettings Read(IConfiguration configuration, string contentRoot)
    {
        var name = configuration["Database:Provider"];
        var provider = DatabaseProvider.Sqlite;
        if (!string.IsNullOrWhiteSpace(name) && !Enum.TryParse(name, ignoreCase: true, out provider))
            throw new StartupSettingException(
                $"Database:Provider is '{name}', which is not supported: set it to Sqlite, SqlServer or PostgreSql.");

        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (provider == DatabaseProvider.Sqlite)
            connectionString = SqliteUnderContentRoot(connectionString, contentRoot);
        else if (string.IsNullOrWhiteSpace(connectionString))
            throw new StartupSettingException(
                $"ConnectionStrings:{ConnectionStringName} is missing: set it to the {provider} connection string.");

        // The embedded database is always migrated; a server database only when the operator says so.
        var migrate = provider == DatabaseProvider.Sqlite || configuration.GetValue("Database:MigrateOnStart", false);
        return new DatabaseSettings(provider, connectionString!, migrate)
        {
            StaleMigrationLockAfter = StaleMigrationLockAfterOf(configuration["Database:StaleMigrationLockAfter"]),
        };
    }

    private static TimeSpan StaleMigrationLockAfterOf(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return DefaultStaleMigrationLockAfter;
        if (TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var after) && after > TimeSpan.Zero)
            return after;
        throw new StartupSettingException(
            $"Database:StaleMigrationLockAfter is '{value}': set it to a time longer than any migration takes, such as 00:10:00 (the default).");
    }

    public void Configure(DbContextOptionsBuilder options)
    {
        var migrations = $"Consultation.Migrations.{Provider}";
        switch (Provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(ConnectionString, o => o.MigrationsAssembly(migrations)).AddInterceptors(SqliteBusyTimeout.Instance);
                break;
            case DatabaseProvider.SqlServer:
                options.UseSqlServer(ConnectionString, o => o.MigrationsAssembly(migrations));
                break;
            case DatabaseProvider.PostgreSql:
                options.UseNpgsql(ConnectionString, o => o.MigrationsAssembly(migrations));
                break;
        }
    }

    private static string SqliteUnderContentRoot(string? connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(connectionString) ? $"Data Source={DefaultSqliteFile}" : connectionString);
        if (builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
        if (builder.DataSource != ":memory:")
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        return builder.ToString();
    }
}

/// <summary>What dotnet-ef uses to build the model for one provider's migrations; it never connects.</summary>
public static class DesignTime
{
    public static AppDbContext CreateContext(DatabaseProvider provider)
    {
        var connectionString = provider switch
        {
            DatabaseProvider.Sqlite => "Data Source=design-time.db",
            DatabaseProvider.SqlServer => "Server=localhost;Database=Consultation;Trusted_Connection=True;TrustServerCertificate=True",
            _ => "Host=localhost;Database=consultation",
        };
        var options = new DbContextOptionsBuilder<AppDbContext>();
        new DatabaseSettings(provider, connectionString, MigrateOnStart: false).Configure(options);
        return new AppDbContext(options.Options);
    }
}
