using System.Runtime.InteropServices;

namespace Consultation.Benchmarks;

/// <summary>The `media` command: time to media in the call page against a bare pair of peer connections.</summary>
public static class MediaCommand
{
    public const string Usage = """
          media         time from clicking Join to connected and to the first remote frame, 2 and 4 participants, against the floor
          --runs        measured joins per size, after 3 warm-up joins (default 20)
          --sizes       participants per call, comma-separated (default 2,4)
        """;
    private const double ConnectedTargetMs = 400;
    private const double RatioTarget = 1.5;

    public static async Task<int> RunAsync(int runs, int[] sizes)
    {
        var folder = Directory.CreateTempSubdirectory("consultation-benchmark-").FullName;
        try
        {
            Console.WriteLine($"Time to media: a deputy joins a video visit the others are already in ({runs} joins per size, after 3 warm-up)");
            Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}; Chromium headless on loopback");
            await using var server = await ServerProcess.StartAsync(Path.Combine(folder, "consultation.db"));
            Console.Write("measuring ");
            var results = await new TimeToMedia(server.BaseUrl).MeasureAsync(sizes, runs, warmUp: 3, Console.Out);
            Console.WriteLine();
            Console.WriteLine($"   {"participants",12} {"measure",-12} | {"app p50",8} {"p95",6} | {"floor p50",9} {"p95",6} | {"p50 ratio",9} {"p95 ratio",9}");
            var met = true;
            foreach (var r in results)
            {
                Row(r.Participants, "connected", r.AppConnected, r.FloorConnected);
                Row(r.Participants, "first frame", r.AppFirstFrame, r.FloorFirstFrame);
                Console.WriteLine($"   {"",12} of which, in the app: call hub WebSocket open p50 {r.AppSocketOpen.P50:0} (negative: before the click), camera open p50 {r.AppCameraOpen.P50:0}, first peer connection made p50 {r.AppFirstPeerConnection.P50:0}, every answer set p50 {r.AppAnswered.P50:0}");
                met &= r.AppConnected.P95 <= ConnectedTargetMs && r.AppConnected.P50 / r.FloorConnected.P50 <= RatioTarget;
            }
            Console.WriteLine("   (milliseconds from the click on Join until every peer connection of the joiner is connected / has shown a");
            Console.WriteLine("    first frame of every other participant; floor = as many pairs of RTCPeerConnections in one bare page, same fake camera)");
            Console.WriteLine($"   target: connected within {ConnectedTargetMs:0} ms (p95) and at most {RatioTarget}x the floor (p50): {(met ? "met" : "MISSED")}");
            Console.WriteLine();
            Console.WriteLine("reproduce (as root, from the repository root):");
            Console.WriteLine("  dotnet build -c Release tests/Consultation.Benchmarks && \\");
            Console.WriteLine("  unshare -n sh -c 'ip link set lo up && dotnet run -c Release --no-build --project tests/Consultation.Benchmarks -- media'");
            return met ? 0 : 1;
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    private static void Row(int participants, string measure, Timings app, Timings floor) =>
        Console.WriteLine($"   {participants,12} {measure,-12} | {app.P50,8:0} {app.P95,6:0} | {floor.P50,9:0} {floor.P95,6:0} | "
                          + $"{app.P50 / floor.P50,8:0.00}x {app.P95 / floor.P95,8:0.00}x");
}
