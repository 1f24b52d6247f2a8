using Consultation.Accounts;
using Consultation.Data;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.SqlServer;
using Hangfire.States;
using Hangfire.Storage.SQLite;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Consultation.Jobs;

public sealed class JobSettings
{
    /// <summary>How often the scheduler looks for due jobs; reminders are at most this late.</summary>
    public TimeSpan PollingInterval { get; set; } = TimeSpan.FromSeconds(2);
    /// <summary>Worker threads; the embedded SQLite storage always uses one (its locks are racy).</summary>
    public int Workers { get; set; } = 4;
    /// <summary>Run the job server in this process (a web-only instance of a scaled-out site may turn it off).</summary>
    public bool RunServer { get; set; } = true;
    /// <summary>SQLite only: the file that holds Hangfire's state, apart from the app's database.</summary>
    public string SqliteFile { get; set; } = "App_Data/hangfire.db";
}

/// <summary>
/// Hangfire with storage chosen with the database provider. The storage and the job activator are this app's
/// own instances (not Hangfire's static ones), so that two hosts in one process never share jobs.
/// </summary>
public static class JobsSetup
{
    public static IHostApplicationBuilder AddConsultationJobs(this IHostApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection("Jobs").Get<JobSettings>() ?? new JobSettings();
        GlobalConfiguration.Configuration.UseLogProvider(HangfireLogging.Provider);
        var database = DatabaseSettings.Read(builder.Configuration, builder.Environment.ContentRootPath);
        var storage = CreateStorage(database, settings, builder.Environment.ContentRootPath);
        var services = builder.Services;
        services.AddSingleton(settings);
        services.AddSingleton(storage);
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((sp, c) => c
            .UseLogProvider(Use(sp.GetRequiredService<ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        if (settings.RunServer)
            services.AddHangfireServer((sp, o) =>
            {
                o.SchedulePollingInterval = settings.PollingInterval;
                o.WorkerCount = database.Provider == DatabaseProvider.Sqlite ? 1 : settings.Workers;
                o.Queues = ["default"];
            });
        return builder;
    }

    private static HangfireLogging Use(ILoggerFactory factory)
    {
        HangfireLogging.Provider.Use(factory);
        return HangfireLogging.Provider;
    }

    /// <summary>The job dashboard, for the office and the administrator only.</summary>
    public static void MapJobsDashboard(this WebApplication app) =>
        app.MapHangfireDashboardWithAuthorizationPolicy(Policies.OfficeOrAdmin, "/jobs",
            new DashboardOptions { DisplayStorageConnectionString = false, AppPath = "/" },
            app.Services.GetRequiredService<JobStorage>());

    private static JobStorage CreateStorage(DatabaseSettings database, JobSettings settings, string contentRoot) => database.Provider switch
    {
        DatabaseProvider.SqlServer => new SqlServerStorage(database.ConnectionString, new SqlServerStorageOptions
        {
            PrepareSchemaIfNecessary = true, QueuePollInterval = TimeSpan.FromSeconds(1),
        }),
        DatabaseProvider.PostgreSql => new PostgreSqlStorage(
            new NpgsqlConnectionFactory(database.ConnectionString, new PostgreSqlStorageOptions()),
            new PostgreSqlStorageOptions { PrepareSchemaIfNecessary = true, QueuePollInterval = TimeSpan.FromSeconds(1) }),
        // An idle worker looks at the queue this often: a due job waits for the scheduler's polling and then for this,
        // so it is kept short (a query on a local file).
        _ => new SQLiteStorage(SqliteFile(settings.SqliteFile, database, contentRoot), new SQLiteStorageOptions
        {
            QueuePollInterval = TimeSpan.FromMilliseconds(250),
        }),
    };

    /// <summary>Hangfire's own SQLite file sits beside the app's database unless a path is given.</summary>
    private static string SqliteFile(string configured, DatabaseSettings database, string contentRoot)
    {
        var path = Path.IsPathRooted(configured) ? configured
            : configured == new JobSettings().SqliteFile
                ? Path.Combine(Path.GetDirectoryName(new SqliteConnectionStringBuilder(database.ConnectionString).DataSource)!, "hangfire.db")
                : Path.Combine(contentRoot, configured);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }
}

public static class RecurringJobs
{
    public const string DeadlineWatch = "deadline-watch";

    /// <summary>Registers the recurring jobs and reconciles once at start (a restart finds anything missed).</summary>
    public static void StartConsultationJobs(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Visits.VisitSettings>>().Value;
        var recurring = app.Services.GetRequiredService<IRecurringJobManager>();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(settings.TimeZone);
        recurring.AddOrUpdate<Reconcile>(Reconcile.RecurringId, j => j.RunAsync(), Cron.Minutely());
        recurring.AddOrUpdate<Items.ItemJobs>(DeadlineWatch, j => j.WatchDeadlinesAsync(), settings.DeadlineWatchCron,
            new RecurringJobOptions { TimeZone = zone });
        recurring.AddOrUpdate<Data.SqliteStatisticsJob>(Data.SqliteStatistics.RecurringId, j => j.RunAsync(), Cron.Hourly());
        var jobs = app.Services.GetRequiredService<IBackgroundJobClient>();
        if (app.Services.GetRequiredService<JobSettings>().RunServer)
            RunAgainWhatThePreviousRunCutOff(app.Services.GetRequiredService<JobStorage>(), jobs);
        jobs.Enqueue<Reconcile>(j => j.RunAsync());
    }

    /// <summary>
    /// On SQLite a process that runs the job server is the only one, and its workers have not started yet: a job still
    /// processing was cut off by the end of the previous run (a crash, a kill), half its messages sent. It runs again
    /// now rather than when its fetch times out (half an hour); what it had sent is in the ledger and is not sent twice.
    /// </summary>
    internal static void RunAgainWhatThePreviousRunCutOff(JobStorage storage, IBackgroundJobClient jobs)
    {
        if (storage is not SQLiteStorage)
            return;
        foreach (var (id, _) in storage.GetMonitoringApi().ProcessingJobs(0, 100))
            jobs.ChangeState(id, new EnqueuedState(), ProcessingState.StateName);
    }
}
