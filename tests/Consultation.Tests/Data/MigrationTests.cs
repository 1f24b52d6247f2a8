using Consultation.Data;
using Consultation.Items;
using Consultation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Consultation.Tests.Data;

[Collection(PostgresCollection.Name)]
public sealed class MigrationTests(PostgresServer postgres)
{
    internal static AppDbContext Context(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        new DatabaseSettings(provider, connectionString, MigrateOnStart: true).Configure(options);
        return new AppDbContext(options.Options);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.SqlServer)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public void No_provider_has_model_changes_that_no_migration_covers(DatabaseProvider provider)
    {
        using var db = DesignTime.CreateContext(provider);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model has changes with no {provider} migration: run src/add-migration.sh <Name>.");
    }

    [Fact]
    public async Task Migrations_apply_to_an_empty_sqlite_database_and_store_an_item()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory().FullName, "empty.db");
        await using (var db = Context(DatabaseProvider.Sqlite, $"Data Source={file}"))
        {
            await db.Database.MigrateAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            await StoreAndReadAnItem(db);
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task Migrations_apply_to_an_empty_postgresql_database_and_store_an_item()
    {
        await using var db = Context(DatabaseProvider.PostgreSql, await postgres.CreateDatabaseAsync());
        await db.Database.MigrateAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        await StoreAndReadAnItem(db);
    }

    [Fact]
    public void Sql_server_migrations_script_without_a_server()
    {
        using var db = DesignTime.CreateContext(DatabaseProvider.SqlServer);
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        Assert.Contains("CREATE TABLE [Items]", script);
        Assert.Contains("CREATE UNIQUE INDEX [IX_SentEffects_Key]", script);
    }

    private static async Task StoreAndReadAnItem(AppDbContext db)
    {
        var session = new Session { Year = 2026, Name = "市十六届人大五次会议", IsCurrent = true };
        db.Sessions.Add(session);
        var registered = new DateTime(2026, 1, 20, 2, 0, 0, DateTimeKind.Utc);
        db.Items.Add(new Item
        {
            Session = session, Kind = ItemKind.Suggestion, Title = "关于缓解学校周边停车难的建议", Body = "上下学时段学校周边道路拥堵。",
            State = ItemState.Registered, Number = Item.FormatNumber(2026, ItemKind.Suggestion, 1), Sequence = 1,
            RegisteredAtUtc = registered,
        });
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        var item = await db.Items.SingleAsync(i => i.RegisteredAtUtc < registered.AddSeconds(1));
        Assert.Equal("2026-S-0001", item.Number);
        Assert.Equal(DateTimeKind.Utc, item.RegisteredAtUtc!.Value.Kind);
        Assert.Equal(registered, item.RegisteredAtUtc);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(Item) && a.ItemId == item.Id && a.Action == "Added"));
    }

    [Fact]
    public async Task A_server_database_not_migrated_and_not_to_be_migrated_on_start_stops_the_app_with_what_to_do()
    {
        var connection = await postgres.CreateDatabaseAsync();
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSql", ["ConnectionStrings:Consultation"] = connection, ["Database:MigrateOnStart"] = "false",
        });
        builder.AddConsultationData();
        await using var app = builder.Build();

        var error = await Assert.ThrowsAsync<StartupSettingException>(app.PrepareDatabaseAsync);

        Assert.Contains("_Initial", error.Message);
        Assert.Contains("Database:MigrateOnStart", error.Message);
        await using var db = app.Services.CreateAsyncScope();
        Assert.NotEmpty(await db.ServiceProvider.GetRequiredService<AppDbContext>().Database.GetPendingMigrationsAsync());
    }
}
