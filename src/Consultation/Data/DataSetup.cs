using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Consultation.Data;

public static class DataSetup
{
    public static IHostApplicationBuilder AddConsultationData(this IHostApplicationBuilder builder)
    {
        var settings = DatabaseSettings.Read(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddSingleton(settings);
        builder.Services.AddDbContext<AppDbContext>(settings.Configure);
        builder.Services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database", tags: ["ready"]);
        // The keys that protect sign-in cookies and join-link sessions live in the database, not in the home folder:
        // every server instance reads the same ring, and a restarted container does not sign everyone out. The fixed
        // name lets servers with different content roots share the keys.
        builder.Services.AddDataProtection().SetApplicationName("Consultation").PersistKeysToDbContext<AppDbContext>();
        return builder;
    }

    /// <summary>Migrates the database when the settings say so, then seeds demo data in Development.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<DatabaseSettings>();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        // Migrating only when something is to be applied: it takes EF's migration lock, which on SQLite is a row that a
        // server killed while holding it leaves behind; SqliteMigrationLock deletes such a row once it is stale.
        var pending = (await db.Database.GetPendingMigrationsAsync()).ToArray();
        if (pending.Length > 0 && settings.MigrateOnStart)
        {
            if (settings.Provider == DatabaseProvider.Sqlite)
                await new SqliteMigrationLock(db, settings.StaleMigrationLockAfter, app.Services.GetRequiredService<TimeProvider>(), app.Logger)
                    .ClearStaleAsync();
            app.Logger.LogInformation("Migrating the {Provider} database", settings.Provider);
            await db.Database.MigrateAsync();
        }
        else if (pending.Length > 0)
            throw new StartupSettingException(
                $"the {settings.Provider} database lacks {pending.Length} migration(s), from {pending[0]}: apply the migration script "
                + "(README, Databases) or start once with Database:MigrateOnStart=true.");
        await Review.ReviewFacts.ComputeMissingAsync(db, app.Services.GetRequiredService<TimeProvider>(), app.Logger);
        await SqliteStatistics.RefreshAsync(db, settings);
        await Accounts.RoleSeed.EnsureRolesAsync(scope.ServiceProvider);
        if (app.Environment.IsDevelopment() && app.Configuration.GetValue("Database:SeedDemoData", true))
            await DemoData.SeedAsync(scope.ServiceProvider);
    }
}
