using System.Diagnostics;
using Consultation.Benchmarks.Signaling;
using MiniExcelLibs;

namespace Consultation.Benchmarks;

/// <summary>
/// GET /api/review/export/items.xlsx of every item received, downloaded whole, while the server's resident memory
/// is sampled from /proc every 10 ms: the time to the last byte, the peak, and the peak over the idle server's.
/// The last download is opened as a workbook to check that it holds as many rows as the server said.
/// </summary>
public sealed class ReviewExportRun(HttpClient http, int serverPid)
{
    public const string Path = "/api/review/export/items.xlsx?figure=received";

    public sealed record Result(int Rows, long Bytes, Timings Seconds, long IdleBytes, long PeakBytes);

    public async Task<Result> MeasureAsync(int exports, TextWriter progress)
    {
        await DownloadAsync(keep: null); // warm-up: the first export compiles the query and loads the writer
        var idle = ProcessStats.ResidentBytes(serverPid);
        var seconds = new Timings();
        var (rows, bytes, peak) = (0, 0L, idle);
        var file = System.IO.Path.GetTempFileName();
        try
        {
            for (var n = 0; n < exports; n++)
            {
                using var sampling = new CancellationTokenSource();
                var sampler = Task.Run(async () =>
                {
                    var max = 0L;
                    while (!sampling.IsCancellationRequested)
                    {
                        max = Math.Max(max, ProcessStats.ResidentBytes(serverPid));
                        await Task.Delay(10);
                    }
                    return max;
                });
                var clock = Stopwatch.StartNew();
                (rows, bytes) = await DownloadAsync(n == exports - 1 ? file : null);
                seconds.Add(clock.Elapsed.TotalSeconds);
                await sampling.CancelAsync();
                peak = Math.Max(peak, await sampler);
                progress.Write($" {n + 1}");
            }
            progress.WriteLine();
            // The header row and one row per item.
            var inFile = MiniExcel.Query(file, useHeaderRow: true, excelType: ExcelType.XLSX).Count();
            if (inFile != rows)
                throw new InvalidOperationException($"The exported workbook holds {inFile} rows; the server announced {rows}.");
        }
        finally
        {
            File.Delete(file);
        }
        return new Result(rows, bytes, seconds, idle, peak);
    }

    private async Task<(int Rows, long Bytes)> DownloadAsync(string? keep)
    {
        using var response = await http.GetAsync(Path, HttpCompletionOption.ResponseHeadersRead);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"GET {Path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var rows = int.Parse(response.Headers.GetValues("X-Total-Rows").Single(), System.Globalization.CultureInfo.InvariantCulture);
        await using var body = await response.Content.ReadAsStreamAsync();
        await using Stream sink = keep is null ? Stream.Null : File.Create(keep);
        var counting = new byte[81920];
        long bytes = 0;
        int read;
        while ((read = await body.ReadAsync(counting)) > 0)
        {
            bytes += read;
            await sink.WriteAsync(counting.AsMemory(0, read));
        }
        return (rows, bytes);
    }
}
