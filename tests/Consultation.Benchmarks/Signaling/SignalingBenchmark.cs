using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;

namespace Consultation.Benchmarks.Signaling;

/// <summary>
/// The signaling relay benchmark (issue 5, benchmark 1): our hub, a raw Kestrel WebSocket relay (the floor), the
/// PeerJS server and SignalR alone (the floor of the stack the hub is built on), each its own process, driven in turns
/// by one load generator (this process) at each offered rate, then idle memory per connection. Prints the figures and
/// the ratios against the targets; exits 1 when one is missed.
/// </summary>
public sealed class SignalingBenchmark(int[] rates, TimeSpan stepDuration, int idleConnections)
{
    private const int Rooms = 50;
    // Signing in costs the server a deliberately slow password hash: ten sets of four accounts take part in all the
    // visits (each account in many, one connection per visit), which changes nothing per signal.
    private const int AccountSets = 10;
    private const int IdleRoomSize = 4, WarmUpRooms = 125;
    private const int WarmUpRate = 2_000;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(5);
    // 16,000 signals a second over 200 connections is 80 a second each: above the default limit of 50, which the
    // run raises so that nothing is refused; the check itself still runs for every signal.
    private const int MessagesPerSecondLimit = 100;
    private const double LatencyTarget = 3, CpuTarget = 1, MemoryTarget = 1.5;

    public async Task<int> RunAsync(TextWriter output)
    {
        var configuration = typeof(ServerProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "Configuration").Value;
        var folder = Directory.CreateTempSubdirectory("consultation-signaling-").FullName;
        var database = Path.Combine(folder, "consultation.db");
        output.WriteLine($"Signaling relays: {Rooms} rooms of 4 ({Rooms * 4} connections), 95 % candidates (~{SignalMessages.Candidate.Length} B), "
                         + $"5 % offers/answers (~{SignalMessages.Description(SignalKind.Offer).Length / 1024.0:0.0} KB), {stepDuration.TotalSeconds:0} s a step");
        output.WriteLine($"machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}; {configuration} build");
        try
        {
            var clock = Stopwatch.StartNew();
            output.Write("1. starting our server (Production, a new SQLite file), generating the accounts and video visits ... ");
            await using var server = await ServerProcess.StartAsync(database, "Production",
                new Dictionary<string, string> { ["Calls__MaxMessagesPerSecond"] = $"{MessagesPerSecondLimit}" });
            var idleRooms = idleConnections / IdleRoomSize;
            var rooms = await new CallRoomGenerator(database).GenerateAsync(AccountSets, 2 * Rooms + WarmUpRooms + idleRooms);
            output.WriteLine($"{AccountSets * 4} accounts, {rooms.Length} visits open now ({clock.Elapsed.TotalSeconds:0} s)");

            output.Write("2. starting the raw relay, the PeerJS server and SignalR alone ... ");
            await using var raw = await StartDotnetRelayAsync("raw-relay");
            await using var peerJs = await StartPeerJsAsync();
            await using var signalR = await StartDotnetRelayAsync("signalr-relay");
            var relays = new (RelayProtocol Protocol, ServerProcess Process, CallRoom[] Rooms)[]
            {
                (new HubProtocol(server.BaseUrl, messagePack: false, CallRoomGenerator.Password), server, rooms[..Rooms]),
                (new HubProtocol(server.BaseUrl, messagePack: true, CallRoomGenerator.Password), server, rooms[Rooms..(2 * Rooms)]),
                (new RawProtocol(raw.BaseUrl), raw, rooms[..Rooms]),
                (new PeerJsProtocol(peerJs.BaseUrl), peerJs, rooms[..Rooms]),
                (new HubProtocol(signalR.BaseUrl, messagePack: true, password: null), signalR, rooms[..Rooms]),
            };
            output.WriteLine($"ready ({clock.Elapsed.TotalSeconds:0} s)");

            output.Write($"3. connecting {Rooms * 4} participants to each relay (hub: sign in, Join) ... ");
            var generator = new LoadGenerator();
            using var stopPinging = new CancellationTokenSource();
            var pinging = generator.KeepAliveAsync(stopPinging.Token);
            var clients = new List<RelayClient[]>();
            foreach (var relay in relays)
            {
                clients.Add(await generator.ConnectAsync(relay.Protocol, relay.Rooms, parallel: 4, prepareSignals: true));
                output.Write($"{relay.Protocol.Name} {clock.Elapsed.TotalSeconds:0} s, ");
            }
            output.WriteLine("done");

            output.WriteLine($"4. idle memory: {WarmUpRooms * IdleRoomSize:N0} connections to each relay to warm it up (caches, pools), then "
                             + $"{idleConnections:N0} more (hub: each joined to a visit), RSS before and after those, each once the relay is quiet "
                             + "(.NET relays: after a full garbage collection, and the managed heap it left)");
            var memory = new List<IdleMemory>();
            // One measure per process: for our hub, its connections in MessagePack (listed last), as the call page speaks.
            foreach (var relay in relays.GroupBy(r => r.Process).Select(g => g.Last()))
            {
                var perConnection = await IdleMemoryAsync(generator, relay.Protocol, relay.Process,
                    rooms[(2 * Rooms)..(2 * Rooms + WarmUpRooms)], rooms[(2 * Rooms + WarmUpRooms)..]);
                memory.Add(perConnection);
                output.WriteLine($"   {relay.Protocol.Name,-28} RSS {perConnection.Resident / 1024:0.0} KB, managed heap "
                                 + $"{(double.IsNaN(perConnection.Heap) ? "-" : $"{perConnection.Heap / 1024:0.0} KB")} per connection ({clock.Elapsed.TotalSeconds:0} s)");
            }

            // Every relay has compiled and tuned its signal path (the runtime recompiles hot code after its first calls) before
            // anything is measured, as a server that has run for a while has.
            output.Write($"5. warm-up: {WarmUp.TotalSeconds:0} s at {WarmUpRate:N0} signals a second through each relay, not counted ... ");
            for (var r = 0; r < relays.Length; r++)
                await generator.RunStepAsync(relays[r].Protocol, relays[r].Process.Id, clients[r], WarmUpRate, WarmUp, seed: 99);
            output.WriteLine($"done ({clock.Elapsed.TotalSeconds:0} s)");

            output.WriteLine("6. load, the relays in turns at each rate (delivered/sent; one-way latency; CPU per relayed signal; generator's CPU)");
            output.WriteLine($"   {"rate/s",7} {"relay",-28} {"delivered/sent",16} {"p50 ms",7} {"p99 ms",7} {"server µs/msg",13} {"gen. % core",11}");
            var results = new List<StepResult>();
            for (var step = 0; step < rates.Length; step++)
            {
                for (var r = 0; r < relays.Length; r++)
                {
                    if (LoadGenerator.ClosedCount(clients[r]) is > 0 and var closed)
                        output.WriteLine($"   ! {relays[r].Protocol.Name} has closed {closed} of the load connections; its log ends with:\n{relays[r].Process.Recent()}");
                    var result = await generator.RunStepAsync(relays[r].Protocol, relays[r].Process.Id, clients[r], rates[step], stepDuration, seed: step);
                    results.Add(result);
                    output.WriteLine($"   {result.Rate,7:N0} {result.Relay,-28} {$"{result.Delivered:N0}/{result.Sent:N0}",16} {result.P50Ms,7:0.00} {result.P99Ms,7:0.00} "
                                     + $"{result.ServerMicrosPerMessage,13:0.0} {result.GeneratorCorePercent,11:0}");
                }
            }
            await stopPinging.CancelAsync();
            await pinging;
            foreach (var set in clients)
                foreach (var client in set)
                    await client.DisposeAsync();
            output.WriteLine($"   (run took {clock.Elapsed.TotalSeconds:0} s)");
            return Report(output, results, memory) ? 0 : 1;
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Left in the temporary folder; harmless.
            }
        }
    }

    /// <summary>
    /// The memory each of the idle connections adds, once the warm-up connections have filled what a relay fills once
    /// (the hub's database page caches and connection pools, the runtime's pools), so that only what stays per
    /// connection is counted: RSS, and for the .NET relays also the live managed heap, which does not move with how
    /// much the collector keeps committed (under the server collector, RSS can grow by more or less than the heap).
    /// </summary>
    private static async Task<IdleMemory> IdleMemoryAsync(LoadGenerator generator, RelayProtocol relay, ServerProcess process, CallRoom[] warmUpRooms,
        CallRoom[] idleRooms)
    {
        var dotnet = relay is not PeerJsProtocol;
        var warm = await generator.ConnectAsync(relay, warmUpRooms, parallel: 8, prepareSignals: false);
        var before = await SettledMemoryAsync(process.Id, dotnet);
        var idle = await generator.ConnectAsync(relay, idleRooms, parallel: 8, prepareSignals: false);
        var after = await SettledMemoryAsync(process.Id, dotnet);
        var closed = LoadGenerator.ClosedCount(warm) + LoadGenerator.ClosedCount(idle);
        generator.Forget(warm);
        generator.Forget(idle);
        foreach (var client in warm.Concat(idle))
            await client.DisposeAsync();
        if (closed > 0)
            throw new InvalidOperationException($"{relay.Name} closed {closed} idle connections before their memory was read:\n{process.Recent()}");
        // The hub records every leave in the database: let that end before anything is measured.
        await ProcessStats.WaitUntilQuietAsync(process.Id, TimeSpan.FromSeconds(60));
        return new IdleMemory(relay.Name, (after.Resident - before.Resident) / (double)idle.Length,
            dotnet ? (after.Heap - before.Heap) / (double)idle.Length : double.NaN);
    }

    /// <summary>Bytes per idle connection: resident memory, and the live managed heap (NaN for node).</summary>
    private sealed record IdleMemory(string Relay, double Resident, double Heap);

    /// <summary>
    /// RSS once the process is quiet and, for the .NET relays, after a full garbage collection (with the live heap it
    /// left) and once the runtime has given back the memory that collection freed (it does so over some seconds: RSS is
    /// read each second until it has not fallen for five); node collects when idle.
    /// </summary>
    private static async Task<(long Resident, long Heap)> SettledMemoryAsync(int pid, bool dotnet)
    {
        await ProcessStats.WaitUntilQuietAsync(pid, TimeSpan.FromSeconds(20));
        if (!dotnet)
        {
            await Task.Delay(TimeSpan.FromSeconds(3));
            return (ProcessStats.ResidentBytes(pid), 0);
        }
        var heap = await ProcessStats.CollectGarbageAsync(pid);
        var lowest = ProcessStats.ResidentBytes(pid);
        for (int second = 0, steady = 0; second < 60 && steady < 5; second++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            var now = ProcessStats.ResidentBytes(pid);
            (lowest, steady) = now < lowest ? (now, 0) : (lowest, steady + 1);
        }
        return (lowest, heap);
    }

    private static bool Report(TextWriter output, List<StepResult> results, List<IdleMemory> memory)
    {
        var met = true;
        output.WriteLine("7. ratios and targets");
        var rawName = results.First(r => r.Relay.StartsWith("raw", StringComparison.Ordinal)).Relay;
        var peerName = results.First(r => r.Relay.StartsWith("PeerJS", StringComparison.Ordinal)).Relay;
        var top = results.Max(r => r.Rate);
        foreach (var hub in results.Select(r => r.Relay).Distinct().Where(n => n.StartsWith("hub", StringComparison.Ordinal)))
        {
            var latency = results.Where(r => r.Relay == hub)
                .Select(r => (r.Rate, Ratio: r.P99Ms / results.Single(f => f.Relay == rawName && f.Rate == r.Rate).P99Ms)).ToArray();
            var latencyMet = latency.All(l => l.Ratio <= LatencyTarget);
            output.WriteLine($"   {hub}: p99 / raw p99 by rate: {string.Join(", ", latency.Select(l => $"{l.Rate:N0} {l.Ratio:0.0}x"))} "
                             + $"(target <= {LatencyTarget}x at every rate: {(latencyMet ? "met" : "MISSED")})");
            var cpu = results.Single(r => r.Relay == hub && r.Rate == top).ServerMicrosPerMessage
                      / results.Single(r => r.Relay == peerName && r.Rate == top).ServerMicrosPerMessage;
            output.WriteLine($"   {hub}: CPU per signal at {top:N0}/s / PeerJS's: {cpu:0.00}x (target <= {CpuTarget}x: {(cpu <= CpuTarget ? "met" : "MISSED")})");
            var lost = results.Where(r => r.Relay == hub).Sum(r => r.Sent - r.Delivered);
            output.WriteLine($"   {hub}: signals lost over all rates: {lost} (target 0: {(lost == 0 ? "met" : "MISSED")})");
            met &= latencyMet && cpu <= CpuTarget && lost == 0;
        }
        var signalR = results.First(r => r.Relay.StartsWith("SignalR", StringComparison.Ordinal)).Relay;
        var signalRCpu = results.Single(r => r.Relay == signalR && r.Rate == top).ServerMicrosPerMessage
                         / results.Single(r => r.Relay == peerName && r.Rate == top).ServerMicrosPerMessage;
        output.WriteLine($"   {signalR} (no target: the floor of the stack): CPU per signal at {top:N0}/s / PeerJS's: {signalRCpu:0.00}x");
        // Both measures must meet the target: RSS is what the machine gives, the live heap what the connections hold
        // whatever the collector keeps committed (RSS alone can come out under the heap's growth, or far over it).
        var raw = memory.Single(m => m.Relay == rawName);
        foreach (var relay in memory.Where(m => m.Relay.StartsWith("hub", StringComparison.Ordinal) || m.Relay == signalR))
        {
            var (resident, heap) = (relay.Resident / raw.Resident, relay.Heap / raw.Heap);
            var hub = relay.Relay.StartsWith("hub", StringComparison.Ordinal);
            var memoryMet = resident <= MemoryTarget && heap <= MemoryTarget;
            output.WriteLine($"   {relay.Relay}: idle memory per connection / raw: RSS {resident:0.00}x, managed heap {heap:0.00}x "
                             + (hub ? $"(target <= {MemoryTarget}x for both: {(memoryMet ? "met" : "MISSED")})" : "(no target: the floor of the stack)"));
            met &= !hub || memoryMet;
        }
        output.WriteLine($"   all targets: {(met ? "met" : "NOT met")}");
        return met;
    }

    /// <summary>The raw relay (<c>raw-relay</c>) or SignalR alone (<c>signalr-relay</c>): this program in another process.</summary>
    private static Task<ServerProcess> StartDotnetRelayAsync(string relay)
    {
        var port = ServerProcess.FreeLoopbackPort();
        var start = new ProcessStartInfo("dotnet", [typeof(RawRelay).Assembly.Location, relay, "--port", $"{port}"]);
        // Under the garbage collector our server runs with, so that the stack is compared, not the collector.
        start.Environment["DOTNET_gcServer"] = ServerProcess.ServerCollector() ? "1" : "0";
        return ServerProcess.LaunchAsync(start, new Uri($"http://127.0.0.1:{port}"), "/health/ready");
    }

    private static Task<ServerProcess> StartPeerJsAsync()
    {
        var folder = Path.Combine(ServerProcess.RepositoryRoot(), "tests", "Consultation.Benchmarks", "PeerJs");
        var bin = Path.Combine(folder, "node_modules", "peer", "dist", "bin", "peerjs.js");
        if (!File.Exists(bin))
            throw new InvalidOperationException($"{bin} is missing: build this project (it runs npm ci in {folder}).");
        var port = ServerProcess.FreeLoopbackPort();
        var start = new ProcessStartInfo("node", [bin, "--port", $"{port}", "--host", "127.0.0.1", "--key", "peerjs"]) { WorkingDirectory = folder };
        return ServerProcess.LaunchAsync(start, new Uri($"http://127.0.0.1:{port}"), "/");
    }
}
