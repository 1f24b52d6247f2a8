namespace Consultation.Benchmarks;

/// <summary>
/// The office's review over a large year (100,000 items, 300,000 visits by default): every dashboard figure with the
/// unit ranking, and the monthly trend, unfiltered and with the usual filters, each against the same aggregate in one
/// hand-written SQL statement; then the items behind a figure exported as XLSX, with the server's memory.
/// </summary>
public static class ReviewBenchmark
{
    public sealed record Options(int Items, int Visits, int Rounds, int Exports, string? Existing);

    private const double TargetMs = 300;
    private const int WarmUp = 2;
    private const double MemoryTargetMb = 300;

    public static async Task<int> RunAsync(string database, Options options)
    {
        if (options.Existing is { } existing)
        {
            File.Copy(existing, database);
            Console.WriteLine($"The office's review over the generated year in {existing} (a copy)");
        }
        else
            await GenerateAsync(database, options);

        await using var server = await ServerProcess.StartAsync(database);
        using var http = await ItemListQueries.SignInAsync(server.BaseUrl, "office");
        var requests = new ReviewRequests(http, database);
        var filters = await requests.FiltersAsync(DateTime.UtcNow);
        Console.Write($"4. GET /api/review/figures and /trend as office: {WarmUp} warm-up rounds, then {options.Rounds} rounds of each, each next to its SQL floor, round");
        var results = await requests.MeasureAsync(filters, WarmUp, options.Rounds, Console.Out);
        Console.WriteLine($"   {"request",-44} {"lines",5} {"n",4} | {"API p50",8} {"p95",8} {"max",8} | {"SQL p50",7} {"p95",7} | {"rows p50",8} {"p95",6} | {"API/SQL",7} {"API/rows",8} | target");
        foreach (var r in results)
            Console.WriteLine($"   {ItemsBenchmark.Pad(r.Name, 44)} {r.Lines,5} {r.Api.Count,4} | {r.Api.P50,8:0.0} {r.Api.P95,8:0.0} {r.Api.Max,8:0.0} | "
                              + $"{r.Floor.P50,7:0.0} {r.Floor.P95,7:0.0} | {r.Rows.P50,8:0.0} {r.Rows.P95,6:0.0} | {r.Ratio,6:0.00}x {r.RowsRatio,7:0.0}x | "
                              + (r.Api.P95 <= TargetMs ? "met" : "MISSED"));
        Console.WriteLine("   (milliseconds; API = the whole HTTP round trip on loopback; SQL = the same aggregate in one hand-written statement");
        Console.WriteLine("    on the same file from the source tables, as the definitions read; rows = the same from the review's stored rows,");
        Console.WriteLine("    as the API reads; lines = units in the ranking, or months in the trend; all three answers compared every round)");

        Console.Write($"5. GET {ReviewExportRun.Path} as office: 1 warm-up export, then {options.Exports}, memory sampled every 10 ms ...");
        var export = await new ReviewExportRun(http, server.Id).MeasureAsync(options.Exports, Console.Out);
        const double Mb = 1024 * 1024;
        var exportMet = export.PeakBytes / Mb <= MemoryTargetMb;
        Console.WriteLine($"   {export.Rows:N0} rows, {export.Bytes / Mb:0.0} MB workbook (opened: rows as announced); "
                          + $"time p50 {export.Seconds.P50:0.0} s, max {export.Seconds.Max:0.0} s");
        Console.WriteLine($"   server memory (resident): idle {export.IdleBytes / Mb:0} MB, peak during the export {export.PeakBytes / Mb:0} MB "
                          + $"(+{(export.PeakBytes - export.IdleBytes) / Mb:0} MB)");

        var slowest = results.MaxBy(r => r.Api.P95)!;
        var met = results.All(r => r.Api.P95 <= TargetMs);
        Console.WriteLine($"   target: every figure, the ranking and the trend in p95 <= {TargetMs:0} ms: {(met ? "met" : "MISSED")} "
                          + $"(slowest {slowest.Name}: {slowest.Api.P95:0} ms)");
        Console.WriteLine($"   target: the export with the server under {MemoryTargetMb:0} MB: {(exportMet ? "met" : "MISSED")} ({export.PeakBytes / Mb:0} MB peak)");
        return met && exportMet ? 0 : 1;
    }

    private static async Task GenerateAsync(string database, Options options)
    {
        Console.WriteLine($"The office's review over a generated year: {options.Items:N0} items, {options.Visits:N0} visits (plus the demo data)");
        Console.Write("1. seeding the demo data (first start of the server) ... ");
        await using (await ServerProcess.StartAsync(database))
            Console.WriteLine("done");
        Console.WriteLine($"2. generating {options.Items:N0} items through the app's EF model:");
        var items = await new ItemGenerator(database, options.Items).GenerateAsync(Console.Out);
        Console.WriteLine();
        Console.WriteLine($"   {items.Took.TotalSeconds:0.0} s");
        Console.WriteLine("   " + string.Join(", ", items.ByState.OrderBy(s => s.Key).Select(s => $"{s.Key} {s.Value}")));
        Console.WriteLine($"3. generating their answers, evaluations, {options.Visits:N0} visits, records and commitments through the app's EF model:");
        var outcomes = await new ReviewGenerator(database, options.Visits).GenerateAsync(Console.Out);
        Console.WriteLine($"   {outcomes.Took.TotalSeconds:0.0} s: " + string.Join(", ", outcomes.Rows.OrderBy(r => r.Key).Select(r => $"{r.Key} {r.Value:N0}")));
    }
}
