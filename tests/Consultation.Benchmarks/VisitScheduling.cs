using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Consultation.Benchmarks;

/// <summary>
/// Handlers sign in and schedule visits through the HTTP API of the server process, a few clients at a time. One
/// connection pool for all of them; each request carries its handler's own sign-in cookie.
/// </summary>
public sealed class VisitScheduling(Uri baseUrl, int clients) : IDisposable
{
    private readonly HttpClient http = new(new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = clients })
    {
        BaseAddress = baseUrl,
        Timeout = TimeSpan.FromMinutes(2),
    };

    public sealed record Scheduled(int[] VisitIds, DateTime[] ScheduledAtUtc, Timings Latency, TimeSpan Took)
    {
        public double PerSecond => VisitIds.Length / Took.TotalSeconds;
    }

    /// <summary>Signs each handler in (POST /api/account/login) and keeps the cookie the server set.</summary>
    public async Task<Dictionary<string, string>> SignInAsync(IReadOnlyList<string> userNames, string password, TextWriter progress)
    {
        var cookies = new Dictionary<string, string>();
        await ForEachAsync(userNames.Count, progress, async i =>
        {
            using var response = await http.PostAsJsonAsync("/api/account/login", new { userName = userNames[i], password });
            await EnsureAsync(response, $"signing in as {userNames[i]}");
            var cookie = string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
            lock (cookies)
                cookies[userNames[i]] = cookie;
        });
        return cookies;
    }

    /// <summary>Schedules visit i on item <c>items[i]</c> with the sign-in cookie <c>cookieOf(i)</c>, starting at <c>startOf(i)</c>.</summary>
    public async Task<Scheduled> ScheduleAsync(int[] items, Func<int, string> cookieOf, Func<int, DateTime> startOf, int durationMinutes,
        TextWriter progress)
    {
        var ids = new int[items.Length];
        var at = new DateTime[items.Length];
        var latency = new Timings();
        var clock = Stopwatch.StartNew();
        await ForEachAsync(items.Length, progress, async i =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/items/{items[i]}/visits")
            {
                Content = JsonContent.Create(new { phase = "DuringHandling", method = "Video", startUtc = startOf(i), durationMinutes }),
            };
            request.Headers.Add("Cookie", cookieOf(i));
            var sent = Stopwatch.StartNew();
            using var response = await http.SendAsync(request);
            var elapsed = sent.Elapsed;
            await EnsureAsync(response, $"scheduling a visit on item {items[i]}");
            var visit = await response.Content.ReadFromJsonAsync<JsonElement>();
            ids[i] = visit.GetProperty("id").GetInt32();
            lock (latency)
                latency.Add(elapsed);
            at[i] = DateTime.UtcNow;
        });
        return new Scheduled(ids, at, latency, clock.Elapsed);
    }

    /// <summary>Runs <c>count</c> requests, <c>clients</c> at a time, and prints a dot every thousand.</summary>
    private async Task ForEachAsync(int count, TextWriter progress, Func<int, Task> request)
    {
        var done = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = clients }, async (i, _) =>
        {
            await request(i);
            if (Interlocked.Increment(ref done) % 1_000 == 0)
                progress.Write('.');
        });
    }

    private static async Task EnsureAsync(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{what} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public void Dispose() => http.Dispose();
}
