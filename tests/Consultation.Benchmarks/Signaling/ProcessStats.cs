using System.Diagnostics.Tracing;
using System.Globalization;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;

namespace Consultation.Benchmarks.Signaling;

/// <summary>A process's CPU time and resident memory, read from /proc (Linux).</summary>
public static class ProcessStats
{
    // USER_HZ: /proc counts CPU time in these ticks; 100 on every Linux this runs on.
    private const double TicksPerSecond = 100;

    /// <summary>User plus system CPU time in seconds, from fields 14 and 15 of /proc/PID/stat.</summary>
    public static double CpuSeconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // The command name (field 2) may hold spaces; the fields after it start at field 3.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }

    public static double CpuSeconds() => CpuSeconds(Environment.ProcessId);

    /// <summary>Resident set size in bytes (VmRSS of /proc/PID/status).</summary>
    public static long ResidentBytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>
    /// Has a .NET process run a full blocking garbage collection, the way dotnet-gcdump does: an EventPipe session
    /// with the runtime's GCHeapCollect keyword. The resident memory read after it is live data, not garbage. Returns
    /// the managed heap that collection left (live objects, from the runtime's GCHeapStats event after it).
    /// </summary>
    public static async Task<long> CollectGarbageAsync(int pid)
    {
        const long GcKeyword = 0x1, GcHeapCollectKeyword = 0x800000;
        var client = new DiagnosticsClient(pid);
        using var session = await client.StartEventPipeSessionAsync(
            [new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, GcKeyword | GcHeapCollectKeyword)],
            requestRundown: false, token: CancellationToken.None);
        using var events = new EventPipeEventSource(session.EventStream);
        var (full, live) = (false, -1L);
        events.Clr.GCStart += e => full = e.Depth == 2;
        events.Clr.GCHeapStats += e => live = full ? e.TotalHeapSize : live;
        var reading = Task.Run(events.Process);
        await Task.Delay(TimeSpan.FromSeconds(2));
        await session.StopAsync(CancellationToken.None);
        await reading;
        return live >= 0 ? live : throw new InvalidOperationException($"Process {pid} reported no full garbage collection.");
    }

    /// <summary>Waits (at most <paramref name="limit"/>) until the process uses less than 5 % of a core over half a second.</summary>
    public static async Task WaitUntilQuietAsync(int pid, TimeSpan limit)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            var before = CpuSeconds(pid);
            await Task.Delay(500);
            if (CpuSeconds(pid) - before < 0.025)
                return;
        }
    }
}
