using System.Globalization;
using Consultation.Visits;

namespace Consultation.Benchmarks;

public sealed record VisitsOptions(int Visits, int Clients, int PollingSeconds, int SpreadMinutes, int AheadMinutes);

/// <summary>
/// Return visits scheduled through the API of the real server process on SQLite, with its real Hangfire server (one
/// worker, as the product runs on SQLite), and the reminders and room openings that follow, measured from what the
/// server recorded: how late each came after it was due, and whether any is missing or doubled.
/// </summary>
public static class VisitsBenchmark
{
    private const int DurationMinutes = 10;
    private static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(10);

    public static async Task<int> RunAsync(string database, VisitsOptions o)
    {
        var polling = TimeSpan.FromSeconds(o.PollingSeconds);
        // Short offsets, so that the reminders of visits starting minutes ahead come due a minute or two after scheduling;
        // the no-show checks and the closing an hour after the start, after the run even for a long spread.
        var visits = new VisitSettings
        {
            SecondReminderBefore = TimeSpan.FromMinutes(2), RoomOpensBefore = TimeSpan.FromMinutes(1),
            NoShowCheckAfter = TimeSpan.FromHours(1), CloseAfterEnd = TimeSpan.FromHours(1),
        };
        var settings = new Dictionary<string, string>
        {
            ["Jobs__RunServer"] = "true",
            ["Jobs__PollingInterval"] = polling.ToString("c", CultureInfo.InvariantCulture),
            ["Visits__SecondReminderBefore"] = visits.SecondReminderBefore.ToString("c", CultureInfo.InvariantCulture),
            ["Visits__RoomOpensBefore"] = visits.RoomOpensBefore.ToString("c", CultureInfo.InvariantCulture),
            ["Visits__NoShowCheckAfter"] = visits.NoShowCheckAfter.ToString("c", CultureInfo.InvariantCulture),
            ["Visits__CloseAfterEnd"] = visits.CloseAfterEnd.ToString("c", CultureInfo.InvariantCulture),
        };
        // Handler k holds visits k, k + people, ...: their starts are at least a visit's length apart.
        var people = (int)Math.Min(o.Visits, Math.Ceiling(o.Visits * (double)DurationMinutes / o.SpreadMinutes));
        Console.WriteLine($"server settings: {string.Join(", ", settings.Select(s => $"{s.Key}={s.Value}"))}; other offsets at their defaults:");
        Console.WriteLine($"   FirstReminderBefore {visits.FirstReminderBefore} (not due: every visit starts within a day), "
                          + "no-show checks and closing after the run; "
                          + "Hangfire on SQLite (its own file beside the database) with one worker; no SMTP server or SMS gateway: in-app only");
        Console.WriteLine($"visits: {o.Visits:N0} video visits of {DurationMinutes} minutes, starts spread evenly over {o.SpreadMinutes} minutes from "
                          + $"{o.AheadMinutes} minutes after scheduling begins; {people:N0} handlers and {people:N0} deputies (a person is in one visit at a time); "
                          + $"{o.Clients} clients in parallel");

        Console.Write("1. seeding the demo data (first start of the server) ... ");
        await using (await ServerProcess.StartAsync(database, settings: settings))
            Console.WriteLine("done");

        Console.Write($"2. generating {people:N0} handlers, {people:N0} deputies with accounts and {o.Visits:N0} items in handling through the app's EF model ... ");
        var crowd = await new VisitCrowd(database, people, o.Visits).GenerateAsync();
        Console.WriteLine($"{crowd.Took.TotalSeconds:0.0} s ({crowd.Units} units)");

        var effects = new VisitEffects(database, visits);
        VisitScheduling.Scheduled scheduled;
        DateTime firstStart;
        await using (var server = await ServerProcess.StartAsync(database, settings: settings))
        {
            using var api = new VisitScheduling(server.BaseUrl, o.Clients);
            Console.Write($"3. signing in {people:N0} handlers through POST /api/account/login ");
            var signInClock = System.Diagnostics.Stopwatch.StartNew();
            var cookies = await api.SignInAsync(crowd.Handlers, VisitCrowd.Password, Console.Out);
            Console.WriteLine($" {signInClock.Elapsed.TotalSeconds:0.0} s");

            Console.Write($"4. scheduling {o.Visits:N0} visits through POST /api/items/{{id}}/visits ");
            var begin = DateTime.UtcNow;
            firstStart = new DateTime(begin.Ticks - begin.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc).AddMinutes(o.AheadMinutes);
            var spreadSeconds = o.SpreadMinutes * 60.0;
            scheduled = await api.ScheduleAsync(crowd.Items, i => cookies[crowd.Handlers[i % people]],
                i => firstStart.AddSeconds(Math.Floor(i * spreadSeconds / o.Visits)), DurationMinutes, Console.Out);
            Console.WriteLine($" {scheduled.Took.TotalSeconds:0.0} s");
            Console.WriteLine($"   throughput {scheduled.PerSecond:0.0} visits/s; request latency p50 {scheduled.Latency.P50:0} ms, "
                              + $"p99 {scheduled.Latency.Percentile(99):0} ms, max {scheduled.Latency.Max:0} ms");
            var firstDue = firstStart - visits.SecondReminderBefore;
            var lastDue = firstStart.AddSeconds(spreadSeconds) - visits.RoomOpensBefore;
            var margin = (firstDue - DateTime.UtcNow).TotalSeconds;
            Console.WriteLine($"   scheduling ended {Math.Abs(margin):0} s {(margin >= 0 ? "before" : "after")} the first reminder was due; "
                              + $"reminders and room openings due from then over {(lastDue - firstDue).TotalSeconds:0} s "
                              + $"({2.0 * o.Visits / (lastDue - firstDue).TotalSeconds:0.0} measured jobs/s)");

            Console.Write("5. waiting for the reminders and room openings ");
            await WaitAsync(effects, scheduled.VisitIds.Min(), expected: 4 * o.Visits, lastDue + polling + TimeSpan.FromSeconds(2));
        }

        var outcomes = await effects.ReadAsync(scheduled.VisitIds);
        Console.WriteLine($"6. read from the database: each in-app effect's time in the sent-effects ledger minus its due time (polling interval {polling.TotalSeconds:0} s)");
        Console.WriteLine($"   {"effect",-20} {"expected",8} {"delivered",9} {"duplicates",10} {"missing",7} | {"late p50",8} {"p99",7} {"max",7} | {"p50/poll",8} {"p99/poll",8} {"max/poll",8}");
        foreach (var r in outcomes)
        {
            Console.WriteLine($"   {r.Message.Name,-20} {r.Expected,8} {r.Delivered,9} {r.Duplicates,10} {r.Missing,7} | {Lateness(r.LatenessMs, polling)}"
                              + (r.Message.Measured ? "" : "  (due when scheduled: queued behind the scheduling, not part of the target)"));
            if (r.Message.Measured && r.QuietLatenessMs.Count < r.LatenessMs.Count)
                Console.WriteLine($"   {"  of which due after",-20} {"the last invitation",-38} {r.QuietLatenessMs.Count,7} | {Lateness(r.QuietLatenessMs, polling)}");
        }
        var target = polling + TimeSpan.FromSeconds(1);
        var measured = outcomes.Where(r => r.Message.Measured).ToArray();
        var met = measured.All(r => r.LatenessMs.Percentile(99) <= target.TotalMilliseconds && r.Duplicates == 0 && r.Missing == 0);
        Console.WriteLine($"   target: p99 lateness <= polling interval + 1 s = {target.TotalSeconds:0} s, no duplicates, none missing: {(met ? "met" : "MISSED")}");
        return met ? 0 : 1;
    }

    private static string Lateness(Timings ms, TimeSpan polling)
    {
        var (p50, p99, max) = (ms.P50 / 1000, ms.Percentile(99) / 1000, ms.Max / 1000);
        var poll = polling.TotalSeconds;
        return $"{p50,7:0.00}s {p99,6:0.00}s {max,6:0.00}s | {p50 / poll,7:0.00}x {p99 / poll,7:0.00}x {max / poll,7:0.00}x";
    }

    /// <summary>Waits past the last due time, then until every measured effect is recorded (or long enough to call the rest missing).</summary>
    private static async Task WaitAsync(VisitEffects effects, int firstVisitId, int expected, DateTime until)
    {
        var giveUp = until + MaxWait;
        int recorded;
        while ((recorded = await effects.CountMeasuredAsync(firstVisitId)) < expected && DateTime.UtcNow < giveUp)
        {
            Console.Write('.');
            var wait = until - DateTime.UtcNow;
            await Task.Delay(wait > TimeSpan.FromSeconds(10) ? TimeSpan.FromSeconds(10) : TimeSpan.FromSeconds(2));
        }
        Console.WriteLine($" {recorded:N0} of {expected:N0} recorded");
    }
}
