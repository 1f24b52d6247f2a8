using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Consultation.Benchmarks;

/// <summary>
/// GET /api/items as the office, first page, unfiltered and with each filter, against the floor: the same count
/// and the same first page (submitter, lead unit, deadline) by one hand-written SQL statement each, on the same
/// SQLite file through Microsoft.Data.Sqlite with prepared commands. Both are measured in turns in one loop, so
/// whatever else the machine does falls on both alike.
/// </summary>
public sealed class ItemListQueries(Uri baseUrl, string databaseFile)
{
    private const int PageSize = 20;
    private const int SlowSamples = 5;
    private static readonly TimeSpan SlowQuery = TimeSpan.FromSeconds(5);
    private const string Handling = "('Assigned', 'InHandling', 'ReHandling')";
    // An answering unit's assignment: active, lead or separate.
    private const string Answering = "a.State = 'Active' AND a.Role <> 'Co'";

    public sealed record Result(string Name, string Query, int Total, Timings Api, Timings Floor)
    {
        public double Ratio => Api.P50 / Floor.P50;
    }

    private sealed record ListQuery(string Name, string QueryString, string SqlFilter);

    public async Task<Result[]> MeasureAsync(int warmUp, int iterations, TextWriter progress)
    {
        using var http = await SignInAsync(baseUrl, "office");
        var units = await http.GetFromJsonAsync<JsonElement>("/api/units");
        var transport = units.EnumerateArray().Single(u => u.GetProperty("name").GetString() == "市交通运输局").GetProperty("id").GetInt32();
        ListQuery[] queries =
        [
            new("first page", "", ""),
            new("state=InHandling", "state=InHandling", "AND i.State = 'InHandling'"),
            new("kind=Proposal", "kind=Proposal", "AND i.Kind = 'Proposal'"),
            new($"unit={transport} (transport)", $"unit={transport}",
                $"AND i.Id IN (SELECT a.ItemId FROM Assignments AS a WHERE a.UnitId = {transport} AND a.State = 'Active')"),
            new("tag=urgent", "tag=urgent", "AND i.IsUrgent"),
            new("key=true", "key=true", "AND i.IsKey"),
            new("dueSoon=true", "dueSoon=true",
                $"AND i.State IN {Handling} AND i.Id IN (SELECT a.ItemId FROM Assignments AS a WHERE {Answering} AND a.DueAtUtc >= $now AND a.DueAtUtc < $soon)"),
            new("overdue=true", "overdue=true",
                $"AND i.State IN {Handling} AND i.Id IN (SELECT a.ItemId FROM Assignments AS a WHERE {Answering} AND a.DueAtUtc < $now)"),
            new($"q={ItemGenerator.SearchTerm} (search)", $"q={Uri.EscapeDataString(ItemGenerator.SearchTerm)}",
                "AND (instr(i.Title, $q) > 0 OR instr(i.Number, $q) > 0)"),
        ];

        await using var connection = new SqliteConnection($"Data Source={databaseFile};Mode=ReadOnly");
        await connection.OpenAsync();
        var floors = queries.Select(q => new Floor(connection, q.SqlFilter)).ToArray();
        var api = queries.Select(_ => new Timings()).ToArray();
        var floor = queries.Select(_ => new Timings()).ToArray();
        var totals = new int[queries.Length];

        await GetPageAsync(http, "pageSize=1"); // the server's first request compiles what every later one uses
        // A query that takes seconds is measured a few times only, or the run would take hours; its n says so.
        var slow = new bool[queries.Length];
        for (var round = -warmUp; round < iterations; round++)
        {
            for (var q = 0; q < queries.Length; q++)
            {
                if (slow[q] && (round < 0 || api[q].Count >= SlowSamples))
                    continue;
                var asked = DateTime.UtcNow;
                var clock = Stopwatch.StartNew();
                var page = await GetPageAsync(http, queries[q].QueryString);
                var apiTime = clock.Elapsed;
                var answered = DateTime.UtcNow;

                clock.Restart();
                var (count, rows) = floors[q].Run(asked);
                var floorTime = clock.Elapsed;
                // The server read its clock between asked and answered: a deadline that passed meanwhile is not a disagreement.
                if (page.Total != count || page.Rows != rows)
                    (count, rows) = floors[q].Run(answered);

                if (page.Total != count || page.Rows != rows)
                    throw new InvalidOperationException(
                        $"{queries[q].Name}: the API found {page.Total} items ({page.Rows} on the page), the SQL {count} ({rows}): the floor no longer asks the same question.");
                totals[q] = count;
                if (round == -warmUp)
                    slow[q] = apiTime > SlowQuery;
                if (round < 0)
                    continue;
                api[q].Add(apiTime);
                floor[q].Add(floorTime);
            }
            if (round >= 0 && (round + 1) % 10 == 0)
                progress.Write($" {round + 1}");
        }
        progress.WriteLine();
        foreach (var f in floors)
            f.Dispose();
        return queries.Select((q, i) => new Result(q.Name, q.QueryString, totals[i], api[i], floor[i])).ToArray();
    }

    public static async Task<HttpClient> SignInAsync(Uri baseUrl, string userName)
    {
        var http = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), UseCookies = true })
        {
            BaseAddress = baseUrl,
            Timeout = TimeSpan.FromMinutes(2),
        };
        using var response = await http.PostAsJsonAsync("/api/account/login", new { userName, password = "Demo1234" });
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"Signing in as {userName} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return http;
    }

    private static async Task<(int Total, int Rows)> GetPageAsync(HttpClient http, string query)
    {
        using var response = await http.GetAsync(query.Length == 0 ? "/api/items" : $"/api/items?{query}");
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"GET /api/items?{query} answered {(int)response.StatusCode}: {body}");
        using var page = JsonDocument.Parse(body);
        return (page.RootElement.GetProperty("total").GetInt32(), page.RootElement.GetProperty("items").GetArrayLength());
    }

    /// <summary>
    /// The count and the first page with what a row shows, in one statement as one would write it by hand for SQLite:
    /// filter by uncorrelated IN lists, page first, then look up submitter, lead unit and deadline for those 20 rows
    /// only (<c>+a.State</c> keeps SQLite on the ItemId index, which it would otherwise pass over without statistics).
    /// </summary>
    private sealed class Floor : IDisposable
    {
        private readonly SqliteCommand command;

        public Floor(SqliteConnection connection, string filter)
        {
            command = connection.CreateCommand();
            command.CommandText = $"""
                WITH matching AS (
                    SELECT i.Id, i.SubmittedAtUtc FROM Items AS i WHERE i.State <> 'Draft' {filter}),
                page AS (
                    SELECT Id FROM matching ORDER BY SubmittedAtUtc DESC, Id DESC LIMIT {PageSize})
                SELECT (SELECT COUNT(*) FROM matching) AS Total,
                       i.Id, i.Number, i.Kind, i.State, i.Title, i.IsUrgent, i.IsTroublesome, i.IsDifficult, i.IsLongOverdue,
                       i.IsKey, i.SubmittedAtUtc,
                       (SELECT d.Name FROM ItemSigners AS s JOIN Deputies AS d ON d.Id = s.DeputyId
                        WHERE s.ItemId = i.Id AND s.Role = 'Submitter' AND s.WithdrawnAtUtc IS NULL LIMIT 1) AS Submitter,
                       (SELECT u.Name FROM Assignments AS a JOIN Units AS u ON u.Id = a.UnitId
                        WHERE a.ItemId = i.Id AND +a.State = 'Active' AND a.Role <> 'Co' ORDER BY a.Role LIMIT 1) AS Lead,
                       (SELECT MIN(a.DueAtUtc) FROM Assignments AS a
                        WHERE a.ItemId = i.Id AND +a.State = 'Active' AND a.Role <> 'Co') AS Due
                FROM page JOIN Items AS i ON i.Id = page.Id
                ORDER BY i.SubmittedAtUtc DESC, i.Id DESC
                """;
            // Times are stored as EF Core writes them: "yyyy-MM-dd HH:mm:ss.FFFFFFF" text, compared as text.
            if (filter.Contains("$now"))
                command.Parameters.Add("$now", SqliteType.Text);
            if (filter.Contains("$soon"))
                command.Parameters.Add("$soon", SqliteType.Text);
            if (filter.Contains("$q"))
                command.Parameters.AddWithValue("$q", ItemGenerator.SearchTerm);
            command.Prepare();
        }

        public (int Count, int Rows) Run(DateTime now)
        {
            if (command.Parameters.Contains("$now"))
                command.Parameters["$now"].Value = Stored(now);
            if (command.Parameters.Contains("$soon"))
                command.Parameters["$soon"].Value = Stored(now.AddDays(7));
            var (total, rows) = (0, 0);
            using var reader = command.ExecuteReader();
            var values = new object[reader.FieldCount];
            while (reader.Read())
            {
                reader.GetValues(values);
                total = Convert.ToInt32(values[0], CultureInfo.InvariantCulture);
                rows++;
            }
            return (total, rows);
        }

        private static string Stored(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

        public void Dispose() => command.Dispose();
    }
}
