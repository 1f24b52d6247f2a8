using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Consultation.Benchmarks;

/// <summary>
/// GET /api/review/figures (every figure and the unit ranking) and /api/review/trend as the office, with each filter,
/// against their floors (<see cref="ReviewFloor"/>). API and floor are measured in turns in one loop, so whatever
/// else the machine does falls on both alike, and their answers are compared every time: a difference stops the run.
/// </summary>
public sealed class ReviewRequests(HttpClient http, string databaseFile)
{
    public sealed record Result(string Name, int Lines, Timings Api, Timings Floor, Timings Rows)
    {
        public double Ratio => Api.P50 / Floor.P50;
        public double RowsRatio => Api.P50 / Rows.P50;
    }

    private sealed record Request(string Name, string Path, Func<JsonElement, string[]> Read, ReviewFloor Floor, ReviewFloor Rows);

    /// <summary>No filter, a unit (the one with most duties), a kind, a tag and a period (this year so far, in the office's zone).</summary>
    public async Task<ReviewFilter[]> FiltersAsync(DateTime now)
    {
        var figures = await http.GetFromJsonAsync<JsonElement>("/api/review/figures");
        var busiest = figures.GetProperty("units").EnumerateArray().MaxBy(u => u.GetProperty("received").GetInt32());
        var unit = busiest.GetProperty("unitId").GetInt32();
        var today = now.AddHours(8).Date;
        var firstDay = new DateTime(today.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        static string Stored(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture);
        return
        [
            new("all", "", "", ""),
            new($"unit={unit} ({busiest.GetProperty("unitName").GetString()})", $"unit={unit}", "", "", unit),
            new("kind=proposal", "kind=proposal", "AND Kind = 'Proposal'", "AND Kind = 'Proposal'"),
            new("tag=urgent", "tag=urgent", "AND IsUrgent", "AND IsUrgent"),
            new($"from={firstDay:yyyy-MM-dd}&to={today:yyyy-MM-dd}", $"from={firstDay:yyyy-MM-dd}&to={today:yyyy-MM-dd}",
                $"AND SubmittedAtUtc >= '{Stored(firstDay.AddHours(-8))}' AND SubmittedAtUtc < '{Stored(today.AddDays(1).AddHours(-8))}'",
                $"AND ReceivedAtUtc >= '{Stored(firstDay.AddHours(-8))}' AND ReceivedAtUtc < '{Stored(today.AddDays(1).AddHours(-8))}'"),
        ];
    }

    public async Task<Result[]> MeasureAsync(ReviewFilter[] filters, int warmUp, int rounds, TextWriter progress)
    {
        await using var connection = new SqliteConnection($"Data Source={databaseFile};Mode=ReadOnly");
        await connection.OpenAsync();
        var requests = filters.SelectMany(f => new Request[]
        {
            new($"figures {f.Name}", $"/api/review/figures?{f.QueryString}", ReviewAnswers.Figures,
                ReviewFloor.Figures(connection, f), ReviewFloor.FiguresOnRows(connection, f)),
            new($"trend {f.Name}", $"/api/review/trend?{f.QueryString}", ReviewAnswers.Trend,
                ReviewFloor.Trend(connection, f), ReviewFloor.TrendOnRows(connection, f)),
        }).ToArray();
        var api = requests.Select(_ => new Timings()).ToArray();
        var floor = requests.Select(_ => new Timings()).ToArray();
        var rows = requests.Select(_ => new Timings()).ToArray();
        var lines = new int[requests.Length];
        for (var round = -warmUp; round < rounds; round++)
        {
            for (var r = 0; r < requests.Length; r++)
            {
                var asked = DateTime.UtcNow;
                var clock = Stopwatch.StartNew();
                using var response = await http.GetAsync(requests[r].Path);
                var body = await response.Content.ReadAsStringAsync();
                var apiTime = clock.Elapsed;
                var answered = DateTime.UtcNow;
                if (!response.IsSuccessStatusCode)
                    throw new InvalidOperationException($"GET {requests[r].Path} answered {(int)response.StatusCode}: {body}");

                clock.Restart();
                var expected = requests[r].Floor.Run(asked);
                var floorTime = clock.Elapsed;

                clock.Restart();
                var stored = requests[r].Rows.Run(asked);
                var rowsTime = clock.Elapsed;

                using var json = JsonDocument.Parse(body);
                var actual = requests[r].Read(json.RootElement);
                // The server read its clock between asked and answered: a deadline that passed meanwhile (an item now
                // overdue) is not a disagreement.
                if (!expected.SequenceEqual(actual))
                    expected = requests[r].Floor.Run(answered);
                if (!stored.SequenceEqual(actual))
                    stored = requests[r].Rows.Run(answered);
                Compare(requests[r].Name, "the SQL from the source tables", expected, actual);
                Compare(requests[r].Name, "the SQL from the review's rows", stored, actual);
                lines[r] = actual.Length;
                if (round < 0)
                    continue;
                api[r].Add(apiTime);
                floor[r].Add(floorTime);
                rows[r].Add(rowsTime);
            }
            if (round >= 0 && (round + 1) % 5 == 0)
                progress.Write($" {round + 1}");
        }
        progress.WriteLine();
        foreach (var r in requests)
        {
            r.Floor.Dispose();
            r.Rows.Dispose();
        }
        return requests.Select((q, i) => new Result(q.Name, lines[i], api[i], floor[i], rows[i])).ToArray();
    }

    private static void Compare(string request, string floor, string[] expected, string[] actual)
    {
        if (!actual.SequenceEqual(expected))
            throw new InvalidOperationException($"{request}: the API and {floor} disagree, the floor no longer asks the same question.\n"
                + $"API only:\n  {string.Join("\n  ", actual.Except(expected))}\nSQL only:\n  {string.Join("\n  ", expected.Except(actual))}");
    }
}
