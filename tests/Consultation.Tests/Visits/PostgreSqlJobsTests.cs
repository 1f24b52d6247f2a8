using Consultation.Tests.Infrastructure;
using Consultation.Tests.Items;
using Consultation.Visits;
using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.Extensions.DependencyInjection;

namespace Consultation.Tests.Visits;

/// <summary>On a server database, Hangfire keeps its jobs in that database, next to the app's tables.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlJobsTests(PostgresServer postgres)
{
    [Fact]
    public async Task On_postgresql_the_app_migrates_on_start_and_keeps_its_jobs_in_postgresql()
    {
        var connection = await postgres.CreateDatabaseAsync();
        await using var w = await ItemWorld.CreateAsync(
            ("Database:Provider", "PostgreSql"), ("ConnectionStrings:Consultation", connection), ("Database:MigrateOnStart", "true"));

        var visit = await w.ScheduleAsync((await w.SignedAsync()).Id, w.Now.AddDays(2));

        Assert.IsType<PostgreSqlStorage>(w.App.Services.GetRequiredService<JobStorage>());
        Assert.Equal(6, w.PendingJobs(visit.Id).Count);
        await w.RunVisitJobAsync(visit.Id, VisitJobKind.Invitation);
        await w.RunVisitJobAsync(visit.Id, VisitJobKind.Invitation);
        Assert.Equal(2, (await w.Get<Consultation.Notifications.NotificationPage>(w.Lead, "/api/notifications")).Items
            .Count(n => n.Kind is "visit-invited" or "assigned"));
    }
}
