using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using Consultation.Benchmarks;
using Consultation.Benchmarks.Signaling;

// Benchmarks print figures measured side by side in one run (DESIGN.md §7):
//   items      the office's item list with 10,000 items: the API against hand-written SQL, and the page in Chromium.
//   signaling  the call hub's signal relay against a raw WebSocket relay and the PeerJS server.
//   media      time to media in a video visit, against a bare pair of peer connections.
const string Usage = """
    usage: dotnet run -c Release --project tests/Consultation.Benchmarks -- items [--items N] [--iterations N] [--loads N] [--keep]
           dotnet run -c Release --project tests/Consultation.Benchmarks -- signaling [--seconds N] [--idle N]
           dotnet run -c Release --project tests/Consultation.Benchmarks -- media [--runs N] [--sizes 2,4]
      items         the office's item list (GET /api/items and /office/items) over a database with N generated items
      --items       items to generate on top of the demo data (default 10000)
      --iterations  measured requests per query, after 10 warm-up rounds (default 50)
      --loads       measured page loads, cold and warm, after 2 warm-up loads each (default 10)
      --keep        leave the generated database in its temporary folder, to look into
      signaling     signals relayed by the hub, a raw Kestrel WebSocket relay and the PeerJS server, at 1,000 to 16,000 a second
      --seconds     seconds of load per relay and rate (default 10)
      --idle        connections opened to each relay to measure idle memory (default 2000)
    """ + MediaCommand.Usage;
const double PageTargetMs = 1_000;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
if (args is ["raw-relay", "--port", var relayPort])
    return await RawRelay.RunAsync(int.Parse(relayPort, CultureInfo.InvariantCulture));
if (args is ["signaling", ..])
{
    var signaling = new Dictionary<string, int> { ["--seconds"] = 10, ["--idle"] = 2_000 };
    if (!ReadOptions(args, signaling))
        return 2;
    var rates = new[] { 1_000, 2_000, 4_000, 8_000, 16_000 };
    return await new SignalingBenchmark(rates, TimeSpan.FromSeconds(signaling["--seconds"]), signaling["--idle"]).RunAsync(Console.Out);
}
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
if (args.Length == 0 || args[0] != "items" || args.Length % 2 != 1)
{
    Console.Error.WriteLine(Usage);
    return 2;
}
var options = new Dictionary<string, int> { ["--items"] = 10_000, ["--iterations"] = 50, ["--loads"] = 10 };
if (!ReadOptions(args, options))
    return 2;
var (itemCount, iterations, loads) = (options["--items"], options["--iterations"], options["--loads"]);

var configuration = typeof(ServerProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "Configuration").Value;
var folder = Directory.CreateTempSubdirectory("consultation-benchmark-").FullName;
var database = Path.Combine(folder, "consultation.db");
Console.WriteLine($"The office's item list with {itemCount:N0} generated items (plus the demo data)");
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}; "
                  + $"server: {configuration} build, Development, SQLite {database}");
try
{
    Console.Write("1. seeding the demo data (first start of the server) ... ");
    await using (await ServerProcess.StartAsync(database))
        Console.WriteLine("done");

    Console.Write($"2. generating {itemCount:N0} items through the app's EF model ... ");
    var generated = await new ItemGenerator(database, itemCount).GenerateAsync();
    Console.WriteLine($"{generated.Took.TotalSeconds:0.0} s");
    Console.WriteLine("   " + string.Join(", ", generated.ByState.OrderBy(s => s.Key).Select(s => $"{s.Key} {s.Value}")));

    await using var server = await ServerProcess.StartAsync(database);
    Console.Write($"3. GET /api/items as office: 10 warm-up rounds, then {iterations} rounds of every query, each next to its SQL floor, round");
    var queries = await new ItemListQueries(server.BaseUrl, database).MeasureAsync(warmUp: 10, iterations, Console.Out);
    Console.WriteLine();
    Console.WriteLine($"   {"query",-24} {"items",6} {"n",4} | {"API p50",8} {"p95",8} {"max",8} | {"SQL p50",7} {"p95",6} | {"API/SQL",8}");
    foreach (var q in queries)
        Console.WriteLine($"   {Pad(q.Name, 24)} {q.Total,6} {q.Api.Count,4} | {q.Api.P50,8:0.0} {q.Api.P95,8:0.0} {q.Api.Max,8:0.0} | {q.Floor.P50,7:0.00} {q.Floor.P95,6:0.00} | {q.Ratio,7:0}x");
    Console.WriteLine("   (milliseconds; API = GET /api/items, the whole HTTP round trip on loopback; SQL = the same count and first page");
    Console.WriteLine("    in one hand-written statement on the same file; n = measured rounds, 5 for a query over 5 s)");

    Console.Write($"4. /office/items in Chromium until the first page of rows is shown: 2 warm-up loads, then {loads} cold and {loads} warm ... ");
    var firstPage = Math.Min(20, queries[0].Total);
    var page = await new OfficeListPage(server.BaseUrl).MeasureAsync(firstPage, loads, warmUp: 2);
    Console.WriteLine("done");
    Console.WriteLine($"   {"load",-38} {"p50",6} {"p95",6} {"max",6} | {"of which GET /api/items p50",27}");
    Console.WriteLine($"   {"cold (new context, empty cache)",-38} {page.Cold.P50,6:0} {page.Cold.P95,6:0} {page.Cold.Max,6:0} | {page.ColdListRequest.P50,27:0}");
    Console.WriteLine($"   {"warm (same context, cached scripts)",-38} {page.Warm.P50,6:0} {page.Warm.P95,6:0} {page.Warm.Max,6:0} | {page.WarmListRequest.P50,27:0}");
    Console.WriteLine("   (milliseconds from the start of the navigation to the frame after the first page of rows entered the DOM)");
    var met = page.Cold.P95 <= PageTargetMs;
    Console.WriteLine($"   target: the page shows its rows within {PageTargetMs:0} ms (cold p95): {(met ? "met" : "MISSED")} "
                      + $"({page.Cold.P95:0} ms, {page.Cold.P95 / PageTargetMs:P0} of the target)");

    Console.WriteLine();
    Console.WriteLine("reproduce (as root, from the repository root; the build needs the network, the run only loopback):");
    Console.WriteLine("  dotnet build -c Release tests/Consultation.Benchmarks && \\");
    Console.WriteLine("  unshare -n sh -c 'ip link set lo up && dotnet run -c Release --no-build --project tests/Consultation.Benchmarks -- items'");
    return met ? 0 : 1;
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

// Reads "--name N" pairs after the command into the options (which hold the defaults); false after printing the usage.
bool ReadOptions(string[] arguments, Dictionary<string, int> into)
{
    for (var i = 1; i < arguments.Length; i += 2)
    {
        if (i + 1 >= arguments.Length || !into.ContainsKey(arguments[i]) || !int.TryParse(arguments[i + 1], out var value) || value < 1)
        {
            Console.Error.WriteLine($"not understood: {string.Join(' ', arguments[i..])}\n{Usage}");
            return false;
        }
        into[arguments[i]] = value;
    }
    return true;
}

// Pads to a width on screen: a Chinese character takes two columns in a terminal.
static string Pad(string text, int width) =>
    text + new string(' ', Math.Max(0, width - text.Sum(c => c >= '\u2e80' ? 2 : 1)));
