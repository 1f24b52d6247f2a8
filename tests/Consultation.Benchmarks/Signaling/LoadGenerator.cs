using System.Diagnostics;

namespace Consultation.Benchmarks.Signaling;

/// <summary>The figures of one relay at one offered rate.</summary>
public sealed record StepResult(string Relay, int Rate, int Sent, int Delivered, double P50Ms, double P99Ms,
    double ServerCpuSeconds, double GeneratorCpuSeconds, double Seconds)
{
    public double ServerMicrosPerMessage => Delivered == 0 ? double.NaN : ServerCpuSeconds * 1e6 / Delivered;
    public double GeneratorCorePercent => GeneratorCpuSeconds / Seconds * 100;
}

/// <summary>
/// The one load generator: the same code drives every relay. Signals go out in turns over the connections (so each
/// sends rate/connections a second), each to a random other participant of its room, 95 % candidates and 5 % offers
/// or answers, in the same seeded order for every relay. A signal's timestamp is written just before it is sent;
/// the receiver's clock is the same stopwatch.
/// </summary>
public sealed class LoadGenerator
{
    private const int CandidatePercent = 95;
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(5);
    private Recorder _recorder = new(null, 0);

    /// <summary>Opens every participant of the rooms, prepares its signals and starts receiving.</summary>
    public async Task<RelayClient[]> ConnectAsync(RelayProtocol relay, IEnumerable<CallRoom> rooms, int parallel, bool prepareSignals)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var seats = rooms.SelectMany(room => room.Seats.Select(seat => (room, seat))).ToArray();
        var clients = new RelayClient[seats.Length];
        await Parallel.ForAsync(0, seats.Length, new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = timeout.Token },
            async (i, cancel) => clients[i] = await relay.OpenAsync(seats[i].room, seats[i].seat, cancel));
        foreach (var (client, (room, seat)) in clients.Zip(seats))
        {
            if (prepareSignals)
                client.Signals = room.Seats.Where(s => s != seat)
                    .Select(to => Enum.GetValues<SignalKind>().Select(kind => Prepare(relay.Frame(to, kind))).ToArray()).ToArray();
            client.StartReceiving(stamp => _recorder.Add(relay, stamp));
        }
        Keep(relay, clients);
        return clients;
    }

    private static PreparedSignal Prepare(byte[] frame) => new(frame, frame.AsSpan().IndexOf(SignalMessages.Marker));

    private readonly List<(RelayProtocol Relay, RelayClient[] Clients)> _kept = [];

    /// <summary>
    /// Pings every kept connection every 10 s until cancelled, so that no relay drops one that waits while others
    /// are measured (SignalR closes a connection silent for 30 s, PeerJS one silent for 60 s).
    /// </summary>
    public async Task KeepAliveAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            (RelayProtocol Relay, RelayClient[] Clients)[] kept;
            lock (_kept)
                kept = [.. _kept];
            foreach (var (relay, clients) in kept)
                if (relay.KeepAlive is { } ping)
                    foreach (var client in clients.Where(c => c.IsOpen))
                        try
                        {
                            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                            await client.SendAsync(ping, timeout.Token);
                        }
                        catch (Exception e) when (e is System.Net.WebSockets.WebSocketException or OperationCanceledException or ObjectDisposedException)
                        {
                            // Closed meanwhile (counted by ClosedCount), or one stuck socket: the others still get their ping.
                        }
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(10), stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public void Keep(RelayProtocol relay, RelayClient[] clients)
    {
        lock (_kept)
            _kept.Add((relay, clients));
    }

    public void Forget(RelayClient[] clients)
    {
        lock (_kept)
            _kept.RemoveAll(k => k.Clients == clients);
    }

    public static int ClosedCount(RelayClient[] clients) => clients.Count(c => !c.IsOpen);

    /// <summary>Offers <paramref name="rate"/> signals a second for <paramref name="duration"/>, then waits for the stragglers.</summary>
    public async Task<StepResult> RunStepAsync(RelayProtocol relay, int serverPid, RelayClient[] clients, int rate, TimeSpan duration, int seed)
    {
        var total = (int)(rate * duration.TotalSeconds);
        var recorder = _recorder = new Recorder(relay, total);
        var random = new Random(seed);
        var (serverCpu, generatorCpu) = (ProcessStats.CpuSeconds(serverPid), ProcessStats.CpuSeconds());
        var clock = Stopwatch.StartNew();
        var sent = 0;
        while (sent < total)
        {
            var due = Math.Min(total, (int)(clock.Elapsed.TotalSeconds * rate));
            if (sent >= due)
            {
                await Task.Delay(1);
                continue;
            }
            for (; sent < due; sent++)
            {
                var client = clients[sent % clients.Length];
                var roll = random.Next(100);
                var kind = roll < CandidatePercent ? SignalKind.Candidate : roll % 2 == 0 ? SignalKind.Offer : SignalKind.Answer;
                var signal = client.Signals[random.Next(client.Signals.Length)][(int)kind];
                SignalMessages.StampNow(signal.Frame, signal.StampAt);
                if (client.IsOpen)
                    try
                    {
                        await client.SendAsync(signal.Frame);
                    }
                    catch (System.Net.WebSockets.WebSocketException)
                    {
                        // Closed by the relay: counted as sent and lost.
                    }
            }
        }
        var sending = clock.Elapsed;
        var drained = Stopwatch.StartNew();
        while (recorder.Count < sent && drained.Elapsed < Drain)
            await Task.Delay(10);
        var (p50, p99) = recorder.Percentiles();
        return new StepResult(relay.Name, rate, sent, recorder.Count, p50, p99,
            ProcessStats.CpuSeconds(serverPid) - serverCpu, ProcessStats.CpuSeconds() - generatorCpu, sending.TotalSeconds);
    }

    /// <summary>
    /// One step's delivered signals and their one-way latencies, in stopwatch ticks. A signal of another relay, or
    /// one sent before the step began (a straggler of the step before), is not this step's.
    /// </summary>
    private sealed class Recorder(RelayProtocol? relay, int expected)
    {
        private readonly long[] _latencies = new long[expected];
        private readonly long _startedAt = Stopwatch.GetTimestamp();
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Add(RelayProtocol from, long sentAt)
        {
            if (from != relay || sentAt < _startedAt)
                return;
            var latency = Stopwatch.GetTimestamp() - sentAt;
            var at = Interlocked.Increment(ref _count) - 1;
            if (at < _latencies.Length)
                _latencies[at] = latency;
        }

        public (double P50Ms, double P99Ms) Percentiles()
        {
            var sorted = _latencies.AsSpan(0, Math.Min(Count, _latencies.Length)).ToArray();
            if (sorted.Length == 0)
                return (double.NaN, double.NaN);
            Array.Sort(sorted);
            double At(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)] * 1000.0 / Stopwatch.Frequency;
            return (At(0.50), At(0.99));
        }
    }
}
