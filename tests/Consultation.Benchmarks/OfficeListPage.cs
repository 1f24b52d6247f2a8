using System.Globalization;
using Microsoft.Playwright;

namespace Consultation.Benchmarks;

/// <summary>
/// How long the office's item list (/office/items) takes to show its first page of rows, in Debian's Chromium
/// with the browser tests' flags: from the start of the navigation (the page's own performance.now() origin)
/// to the animation frame after the last row of the first page entered the DOM. "Cold" loads use a new browser
/// context each time (signed in, empty cache): the first visit of the day. "Warm" loads navigate again in one
/// context, with the scripts and styles in its cache.
/// </summary>
public sealed class OfficeListPage(Uri baseUrl)
{
    public const string Chromium = "/usr/bin/chromium";

    internal static readonly string[] Flags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
        "--allow-loopback-in-peer-connection",
    ];

    // Installed before any of the page's scripts: notes when the first page of rows is in the DOM, and the frame after.
    private const string RowsWatch = """
        (() => {
          const expected = %EXPECTED%;
          const observer = new MutationObserver(() => {
            const rows = document.querySelectorAll('[data-testid="office-items"] [data-testid^="item-row-"]').length;
            if (rows < expected || window.__rowsInDom) return;
            window.__rowsInDom = performance.now();
            observer.disconnect();
            requestAnimationFrame(() => { window.__rowsShown = performance.now(); });
          });
          observer.observe(document, { childList: true, subtree: true });
        })();
        """;

    /// <summary>Until the rows show, and within that, the list's own GET /api/items (request sent to response read).</summary>
    public sealed record Result(Timings Cold, Timings Warm, Timings ColdListRequest, Timings WarmListRequest);

    public async Task<Result> MeasureAsync(int expectedRows, int loads, int warmUp)
    {
        if (!File.Exists(Chromium))
            throw new InvalidOperationException($"{Chromium} is missing: install Debian's chromium package (tests/run.sh does).");
        using var playwright = await Playwright.CreateAsync();
        // Always Debian's Chromium: Playwright never downloads a browser here.
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = Flags });
        var signedIn = await SignedInStateAsync(browser);
        var script = RowsWatch.Replace("%EXPECTED%", expectedRows.ToString(CultureInfo.InvariantCulture));

        var (cold, coldRequest) = (new Timings(), new Timings());
        for (var load = -warmUp; load < loads; load++)
        {
            await using var context = await browser.NewContextAsync(new() { BaseURL = baseUrl.ToString(), StorageState = signedIn });
            var page = await context.NewPageAsync();
            await page.AddInitScriptAsync(script);
            var (shown, request) = await LoadAsync(page);
            if (load < 0)
                continue;
            cold.Add(shown);
            coldRequest.Add(request);
        }

        var (warm, warmRequest) = (new Timings(), new Timings());
        await using (var context = await browser.NewContextAsync(new() { BaseURL = baseUrl.ToString(), StorageState = signedIn }))
        {
            var page = await context.NewPageAsync();
            await page.AddInitScriptAsync(script);
            for (var load = -warmUp; load < loads; load++)
            {
                var (shown, request) = await LoadAsync(page);
                if (load < 0)
                    continue;
                warm.Add(shown);
                warmRequest.Add(request);
            }
        }
        return new Result(cold, warm, coldRequest, warmRequest);
    }

    private async Task<string> SignedInStateAsync(IBrowser browser)
    {
        await using var context = await browser.NewContextAsync(new() { BaseURL = baseUrl.ToString() });
        var response = await context.APIRequest.PostAsync("/api/account/login",
            new() { DataObject = new { userName = "office", password = "Demo1234" } });
        if (!response.Ok)
            throw new InvalidOperationException($"Signing in as office answered {response.Status}: {await response.TextAsync()}");
        return await context.StorageStateAsync();
    }

    private static async Task<(double Shown, double ListRequest)> LoadAsync(IPage page)
    {
        await page.GotoAsync("/office/items");
        await page.WaitForFunctionAsync("() => window.__rowsShown !== undefined", null, new() { Timeout = 30_000 });
        var times = await page.EvaluateAsync<double[]>("""
            () => {
              const list = performance.getEntriesByType('resource').find((e) => new URL(e.name).pathname === '/api/items');
              return [window.__rowsShown, list ? list.responseEnd - list.startTime : NaN];
            }
            """);
        return (times[0], times[1]);
    }

}
