namespace Consultation.Benchmarks;

/// <summary>The office's item list with 10,000 items: the API against hand-written SQL, and the page in Chromium.</summary>
public static class ItemsBenchmark
{
    private const double PageTargetMs = 1_000;

    public static async Task<int> RunAsync(string database, int itemCount, int iterations, int loads)
    {
        Console.WriteLine($"The office's item list with {itemCount:N0} generated items (plus the demo data)");
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
        return met ? 0 : 1;
    }

    // Pads to a width on screen: a Chinese character takes two columns in a terminal.
    internal static string Pad(string text, int width) =>
        text + new string(' ', Math.Max(0, width - text.Sum(c => c >= '\u2e80' ? 2 : 1)));
}
