using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using Consultation.Benchmarks;
using Consultation.Benchmarks.Signaling;

// Benchmarks print figures measured side by side in one run (DESIGN.md §7):
//   items      the office's item list with 10,000 items: the API against hand-written SQL, and the page in Chromium.
//   visits     10,000 return visits scheduled through the API, and how late their reminders come (Hangfire on SQLite).
//   signaling  the call hub's signal relay against a raw WebSocket relay, the PeerJS server and SignalR alone.
//   media      time to media in a video visit, against a bare pair of peer connections.
//   review     the office's review figures, ranking and trend over a generated year, and its XLSX export.
const string Usage = """
    usage: dotnet run -c Release --project tests/Consultation.Benchmarks -- items [--items N] [--iterations N] [--loads N] [--keep]
           dotnet run -c Release --project tests/Consultation.Benchmarks -- visits [--visits N] [--clients N] [--polling S] [--spread M] [--ahead M] [--keep]
           dotnet run -c Release --project tests/Consultation.Benchmarks -- signaling [--seconds N] [--idle N]
           dotnet run -c Release --project tests/Consultation.Benchmarks -- media [--runs N] [--sizes 2,4]
           dotnet run -c Release --project tests/Consultation.Benchmarks -- review [--items N] [--visits N] [--rounds N] [--exports N] [--keep] [--database FILE]
      items         the office's item list (GET /api/items and /office/items) over a database with N generated items
      --items       items to generate on top of the demo data (default 10000)
      --iterations  measured requests per query, after 10 warm-up rounds (default 50)
      --loads       measured page loads, cold and warm, after 2 warm-up loads each (default 10)
      visits        return visits scheduled through the API, then their reminders and room openings, each measured
                    from when it was due to when the server recorded it
      --visits      visits to schedule (default 10000)
      --clients     handlers scheduling in parallel (default 8)
      --polling     Hangfire's scheduler polling interval (Jobs:PollingInterval), in seconds (default 2, the product's default)
      --spread      minutes over which the visits' starts are spread (default 20)
      --ahead       minutes from the start of scheduling to the first visit's start (default 13)
      --keep        leave the generated database in its temporary folder, to look into
      signaling     signals relayed by the hub, a raw Kestrel WebSocket relay, the PeerJS server and SignalR alone, at 1,000 to 16,000 a second
      --seconds     seconds of load per relay and rate (default 10)
      --idle        connections opened to each relay to measure idle memory (default 2000)
      review        the office's review (GET /api/review/figures and /trend, unfiltered and filtered, each next to one
                    hand-written SQL statement) and GET /api/review/export/items.xlsx, over a generated year
      --items       items to generate on top of the demo data (default 100000)
      --visits      return visits to generate over them (default 300000)
      --rounds      measured rounds of every request, after 2 warm-up rounds (default 20)
      --exports     measured XLSX exports of every item received, after one warm-up export (default 3)
      --database    measure on a copy of a database kept by an earlier run (--keep) instead of generating one
    """ + MediaCommand.Usage;
var commands = new Dictionary<string, Dictionary<string, int>>
{
    ["items"] = new() { ["--items"] = 10_000, ["--iterations"] = 50, ["--loads"] = 10 },
    ["visits"] = new() { ["--visits"] = 10_000, ["--clients"] = 8, ["--polling"] = 2, ["--spread"] = 20, ["--ahead"] = 13 },
    ["signaling"] = new() { ["--seconds"] = 10, ["--idle"] = 2_000 },
    ["review"] = new() { ["--items"] = 100_000, ["--visits"] = 300_000, ["--rounds"] = 20, ["--exports"] = 3 },
};

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
if (args is ["raw-relay", "--port", var relayPort])
    return await RawRelay.RunAsync(int.Parse(relayPort, CultureInfo.InvariantCulture));
if (args is ["signalr-relay", "--port", var signalRPort])
    return await SignalRRelay.RunAsync(int.Parse(signalRPort, CultureInfo.InvariantCulture));
if (args is ["media", ..])
{
    var (runs, sizes) = (20, new[] { 2, 4 });
    for (var i = 1; i < args.Length; i += 2)
    {
        if (i + 1 < args.Length && args[i] == "--runs" && int.TryParse(args[i + 1], out var n) && n > 0)
            runs = n;
        else if (i + 1 < args.Length && args[i] == "--sizes" && args[i + 1].Split(',').All(x => int.TryParse(x, out var k) && k is >= 2 and <= 4))
            sizes = args[i + 1].Split(',').Select(int.Parse).ToArray();
        else
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }
    }
    return await MediaCommand.RunAsync(runs, sizes);
}
var keep = args.Contains("--keep");
args = args.Where(a => a != "--keep").ToArray();
string? existing = null;
if (args.Length > 2 && args[0] == "review" && Array.IndexOf(args, "--database") is var at and > 0 && at + 1 < args.Length)
{
    existing = Path.GetFullPath(args[at + 1]);
    if (!File.Exists(existing))
    {
        Console.Error.WriteLine($"not found: --database {existing}");
        return 2;
    }
    args = [.. args[..at], .. args[(at + 2)..]];
}
if (args.Length == 0 || !commands.TryGetValue(args[0], out var options) || args.Length % 2 != 1)
{
    Console.Error.WriteLine(Usage);
    return 2;
}
for (var i = 1; i < args.Length; i += 2)
{
    if (!options.ContainsKey(args[i]) || !int.TryParse(args[i + 1], out var value) || value < 1)
    {
        Console.Error.WriteLine($"not understood: {args[i]} {args[i + 1]}\n{Usage}");
        return 2;
    }
    options[args[i]] = value;
}
if (args[0] == "signaling")
    return await new SignalingBenchmark([1_000, 2_000, 4_000, 8_000, 16_000], TimeSpan.FromSeconds(options["--seconds"]), options["--idle"])
        .RunAsync(Console.Out);

var configuration = typeof(ServerProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "Configuration").Value;
var folder = Directory.CreateTempSubdirectory("consultation-benchmark-").FullName;
var database = Path.Combine(folder, "consultation.db");
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}; "
                  + $"server: {configuration} build, Development, SQLite {database}");
try
{
    var exit = args[0] switch
    {
        "items" => await ItemsBenchmark.RunAsync(database, options["--items"], options["--iterations"], options["--loads"]),
        "review" => await ReviewBenchmark.RunAsync(database, new ReviewBenchmark.Options(
            options["--items"], options["--visits"], options["--rounds"], options["--exports"], existing)),
        _ => await VisitsBenchmark.RunAsync(database, new VisitsOptions(
            options["--visits"], options["--clients"], options["--polling"], options["--spread"], options["--ahead"])),
    };
    Console.WriteLine();
    Console.WriteLine("reproduce (as root, from the repository root; the build needs the network, the run only loopback):");
    Console.WriteLine("  dotnet build -c Release tests/Consultation.Benchmarks && \\");
    Console.WriteLine($"  unshare -n sh -c 'ip link set lo up && dotnet run -c Release --no-build --project tests/Consultation.Benchmarks -- {args[0]}'");
    return exit;
}
finally
{
    if (keep)
        Console.WriteLine($"kept: {database}");
    else
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Left in the temporary folder; harmless.
        }
}
