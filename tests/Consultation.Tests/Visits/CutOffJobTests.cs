using Consultation.Jobs;
using Consultation.Visits;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Hangfire.Storage.SQLite;

namespace Consultation.Tests.Visits;

/// <summary>
/// A job the previous run was processing when it was killed (half its messages sent) must run again when the server
/// starts, not when Hangfire.Storage.SQLite's fetch times out half an hour later.
/// </summary>
public sealed class CutOffJobTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("consultation-cutoff-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public void A_job_left_processing_by_a_killed_run_is_enqueued_again_at_start_and_nothing_else_changes()
    {
        var storage = new SQLiteStorage(Path.Combine(_folder, "hangfire.db"), new SQLiteStorageOptions());
        var jobs = new BackgroundJobClient(storage);
        var cutOff = jobs.Create<VisitJobs>(j => j.RunAsync(1, VisitJobKind.Invitation, 1), new EnqueuedState());
        jobs.ChangeState(cutOff, new ProcessingOnAKilledServer(), EnqueuedState.StateName);
        var later = jobs.Create<VisitJobs>(j => j.RunAsync(1, VisitJobKind.SecondReminder, 1), new ScheduledState(TimeSpan.FromHours(1)));

        RecurringJobs.RunAgainWhatThePreviousRunCutOff(storage, jobs);

        using var connection = storage.GetConnection();
        Assert.Equal(EnqueuedState.StateName, connection.GetJobData(cutOff).State);
        Assert.Equal(ScheduledState.StateName, connection.GetJobData(later).State);
        Assert.Equal(0, storage.GetMonitoringApi().ProcessingCount());
    }

    /// <summary>What a worker writes when it takes a job (Hangfire's own ProcessingState cannot be made outside it).</summary>
    private sealed class ProcessingOnAKilledServer : IState
    {
        public string Name => ProcessingState.StateName;
        public string? Reason => null;
        public bool IsFinal => false;
        public bool IgnoreJobLoadException => false;

        public Dictionary<string, string> SerializeData() => new()
        {
            ["StartedAt"] = JobHelper.SerializeDateTime(DateTime.UtcNow), ["ServerId"] = "killed-server", ["WorkerId"] = "worker-1",
        };
    }
}
