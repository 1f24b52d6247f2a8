using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Consultation.Benchmarks;

/// <summary>
/// The review filters of one measured request, as the query string and as the same condition in SQL on Items and on
/// the review's rows (which carry the item's filter values).
/// </summary>
public sealed record ReviewFilter(string Name, string QueryString, string ItemCondition, string RowCondition, int? UnitId = null);

/// <summary>
/// The floors of a review request: the same aggregate in one statement written by hand for SQLite, on the same file
/// (Microsoft.Data.Sqlite, prepared), once from the source tables (answers, evaluations, visits, records: the
/// definitions, computed per request) and once from the review's stored rows (what the API reads). Their results are
/// written as text lines in the same form as the API's answer is read (<see cref="ReviewAnswers"/>), so that the
/// three can be compared line by line.
/// </summary>
public sealed class ReviewFloor : IDisposable
{
    private readonly SqliteCommand command;
    private readonly bool trend;

    private ReviewFloor(SqliteConnection connection, string sql, bool trend)
    {
        command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.Add("$now", SqliteType.Text);
        command.Prepare();
        this.trend = trend;
    }

    private static string UnitIs(ReviewFilter filter, string column) => filter.UnitId is { } unit ? $"AND {column} = {unit}" : "";

    // The filters on the review's rows, which carry the item's filter values and the unit.
    private static string OnRows(ReviewFilter filter) => $"{filter.RowCondition} {UnitIs(filter, "UnitId")}";

    // Items in scope: registered, not rejected, with the filters; the answering duties of those items.
    private static string Scope(ReviewFilter filter) => $"""
        scope AS (
            SELECT Id, State, IsDifficult, IsLongOverdue, SubmittedAtUtc FROM Items
            WHERE Number IS NOT NULL AND State <> 'Rejected' {filter.ItemCondition}),
        duties AS (
            SELECT a.Id, a.ItemId, a.UnitId, a.DueAtUtc, a.OriginalDueAtUtc FROM Assignments AS a
            WHERE a.State = 'Active' AND a.Role <> 'Co' AND a.ItemId IN (SELECT Id FROM scope)
              {UnitIs(filter, "a.UnitId")}),
        firstAnswers AS (
            SELECT r.Id, r.ItemId, r.UnitId, r.AnsweredAtUtc, r.Category FROM Responses AS r
            WHERE r.Id IN (SELECT MIN(Id) FROM Responses WHERE IsFollowUp = 0 AND ReHandlingId IS NULL GROUP BY ItemId, UnitId))
        """;

    /// <summary>GET /api/review/figures: every figure of every unit (the ranking); the overall figures are their sums.</summary>
    public static ReviewFloor Figures(SqliteConnection connection, ReviewFilter filter) => new(connection, $"""
        WITH {Scope(filter)},
        facts AS (
            SELECT d.UnitId, f.AnsweredAtUtc, f.Category,
                   f.AnsweredAtUtc <= COALESCE(x.DueAtUtc, d.OriginalDueAtUtc) AS OnTime,
                   f.AnsweredAtUtc IS NOT NULL AND c.StartUtc <= f.AnsweredAtUtc AS Contacted,
                   (SELECT CASE WHEN e.Work = 'Dissatisfied' OR e.Result = 'Dissatisfied' THEN 'D'
                                WHEN e.Work = 'Satisfied' AND e.Result = 'Satisfied' THEN 'S' ELSE 'B' END
                    FROM Evaluations AS e WHERE e.ItemId = d.ItemId ORDER BY e.Id DESC LIMIT 1) AS Latest,
                   (SELECT CASE WHEN e.Work = 'Dissatisfied' OR e.Result = 'Dissatisfied' THEN 'D'
                                WHEN e.Work = 'Satisfied' AND e.Result = 'Satisfied' THEN 'S' ELSE 'B' END
                    FROM Evaluations AS e WHERE e.ResponseId = f.Id ORDER BY e.Id LIMIT 1) AS First,
                   (SELECT COUNT(*) FROM ReHandlings AS h WHERE h.ItemId = d.ItemId) AS ReHandlings,
                   s.State IN ('Assigned', 'InHandling', 'ReHandling') AND d.DueAtUtc < $now AS Overdue,
                   s.IsDifficult AND s.IsLongOverdue AND s.State IN ('Assigned', 'InHandling', 'ReHandling') AS LongOverdueDifficult
            FROM duties AS d JOIN scope AS s ON s.Id = d.ItemId
            LEFT JOIN firstAnswers AS f ON f.ItemId = d.ItemId AND f.UnitId = d.UnitId
            LEFT JOIN (SELECT AssignmentId, MAX(RequestedDueAtUtc) AS DueAtUtc FROM ExtensionRequests
                       WHERE State = 'Approved' GROUP BY AssignmentId) AS x ON x.AssignmentId = d.Id
            LEFT JOIN (SELECT ItemId, MIN(StartUtc) AS StartUtc FROM Visits
                       WHERE State = 'Held' AND Phase IN ('BeforeAnswer', 'DuringHandling') GROUP BY ItemId) AS c ON c.ItemId = d.ItemId)
        SELECT 'unit', UnitId, COUNT(*), COUNT(AnsweredAtUtc), COALESCE(SUM(OnTime), 0), COALESCE(SUM(Contacted), 0),
               SUM(Category = 'A'), SUM(Category = 'B'), SUM(Category = 'C'), SUM(Category = 'D'),
               COUNT(Latest), SUM(Latest = 'S'), SUM(Latest = 'B'), SUM(Latest = 'D'), COUNT(First), SUM(First IN ('S', 'B')),
               SUM(ReHandlings), SUM(Overdue), SUM(LongOverdueDifficult)
        FROM facts GROUP BY UnitId
        UNION ALL
        SELECT 'visits', LeadUnitId, Method, State, COUNT(*), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
        FROM Visits WHERE ItemId IN (SELECT Id FROM scope) {UnitIs(filter, "LeadUnitId")}
        GROUP BY LeadUnitId, Method, State
        UNION ALL
        SELECT 'commitments', c.OwnerUnitId, COUNT(*), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
        FROM Commitments AS c JOIN VisitRecords AS r ON r.Id = c.RecordId
        WHERE c.WithdrawnAtUtc IS NULL AND c.DoneAtUtc IS NULL AND c.DueAtUtc < $now AND c.ItemId IN (SELECT Id FROM scope)
          {UnitIs(filter, "c.OwnerUnitId")}
          AND r.State <> 'Draft' AND NOT (r.State = 'Submitted' AND r.AmendsRecordId IS NOT NULL)
          AND NOT EXISTS (SELECT 1 FROM VisitRecords AS later WHERE later.VisitId = r.VisitId AND later.Id > r.Id AND later.State = 'Confirmed')
        GROUP BY c.OwnerUnitId
        """, trend: false);

    /// <summary>GET /api/review/trend: per month in the office's zone, duties received, first answers, visits held.</summary>
    public static ReviewFloor Trend(SqliteConnection connection, ReviewFilter filter) => new(connection, $"""
        WITH {Scope(filter)}
        SELECT 'received', strftime('%Y-%m', s.SubmittedAtUtc, '+8 hours') AS Month, COUNT(*)
        FROM duties AS d JOIN scope AS s ON s.Id = d.ItemId WHERE s.SubmittedAtUtc IS NOT NULL GROUP BY Month
        UNION ALL
        SELECT 'answered', strftime('%Y-%m', f.AnsweredAtUtc, '+8 hours') AS Month, COUNT(*)
        FROM duties AS d JOIN firstAnswers AS f ON f.ItemId = d.ItemId AND f.UnitId = d.UnitId GROUP BY Month
        UNION ALL
        SELECT 'held', strftime('%Y-%m', StartUtc, '+8 hours') AS Month, COUNT(*) FROM Visits
        WHERE State = 'Held' AND ItemId IN (SELECT Id FROM scope) {UnitIs(filter, "LeadUnitId")}
        GROUP BY Month
        """, trend: true);

    /// <summary>GET /api/review/figures from the review's rows.</summary>
    public static ReviewFloor FiguresOnRows(SqliteConnection connection, ReviewFilter filter) => new(connection, $"""
        SELECT 'unit', UnitId, COUNT(*), COUNT(AnsweredAtUtc), SUM(OnTime), SUM(Contacted),
               SUM(Category = 'A'), SUM(Category = 'B'), SUM(Category = 'C'), SUM(Category = 'D'),
               COUNT(Latest), SUM(Latest = 'Satisfied'), SUM(Latest = 'BasicallySatisfied'), SUM(Latest = 'Dissatisfied'),
               COUNT(First), SUM(First IN ('Satisfied', 'BasicallySatisfied')), SUM(ReHandlings),
               SUM(AwaitingAnswer AND DueAtUtc < $now), SUM(AwaitingAnswer AND IsDifficult AND IsLongOverdue)
        FROM ReviewDuties WHERE 1 {OnRows(filter)} GROUP BY UnitId
        UNION ALL
        SELECT 'visits', UnitId, Method, State, COUNT(*), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
        FROM ReviewVisits WHERE 1 {OnRows(filter)} GROUP BY UnitId, State, Method
        UNION ALL
        SELECT 'commitments', UnitId, COUNT(*), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
        FROM ReviewCommitments WHERE NOT Done AND DueAtUtc < $now {OnRows(filter)} GROUP BY UnitId
        """, trend: false);

    /// <summary>GET /api/review/trend from the review's rows (months stored as yyyyMM in the office's zone).</summary>
    public static ReviewFloor TrendOnRows(SqliteConnection connection, ReviewFilter filter) => new(connection, $"""
        SELECT 'received', printf('%04d-%02d', ReceivedMonth / 100, ReceivedMonth % 100), COUNT(*) FROM ReviewDuties
        WHERE ReceivedMonth IS NOT NULL {OnRows(filter)} GROUP BY ReceivedMonth
        UNION ALL
        SELECT 'answered', printf('%04d-%02d', AnsweredMonth / 100, AnsweredMonth % 100), COUNT(*) FROM ReviewDuties
        WHERE AnsweredMonth IS NOT NULL {OnRows(filter)} GROUP BY AnsweredMonth
        UNION ALL
        SELECT 'held', printf('%04d-%02d', Month / 100, Month % 100), COUNT(*) FROM ReviewVisits
        WHERE State = 'Held' {OnRows(filter)} GROUP BY Month
        """, trend: true);

    /// <summary>Runs the statement; the answer as sorted lines, as <see cref="ReviewAnswers"/> writes the API's.</summary>
    public string[] Run(DateTime now)
    {
        command.Parameters["$now"].Value = now.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
        using var reader = command.ExecuteReader();
        return trend ? TrendLines(reader) : FigureLines(reader);
    }

    private static string[] TrendLines(SqliteDataReader reader)
    {
        var months = new SortedDictionary<string, int[]>(StringComparer.Ordinal);
        while (reader.Read())
        {
            var row = months.TryGetValue(reader.GetString(1), out var r) ? r : months[reader.GetString(1)] = new int[3];
            row[reader.GetString(0) switch { "received" => 0, "answered" => 1, _ => 2 }] = reader.GetInt32(2);
        }
        return months.Select(m => ReviewAnswers.MonthLine(m.Key, m.Value[0], m.Value[1], m.Value[2])).ToArray();
    }

    private static string[] FigureLines(SqliteDataReader reader)
    {
        var units = new SortedDictionary<int, ReviewAnswers.UnitCounts>();
        while (reader.Read())
        {
            var id = reader.GetInt32(1);
            var unit = units.TryGetValue(id, out var u) ? u : units[id] = new ReviewAnswers.UnitCounts();
            switch (reader.GetString(0))
            {
                case "unit":
                    for (var i = 0; i < unit.Duties.Length; i++)
                        unit.Duties[i] = reader.IsDBNull(i + 2) ? 0 : reader.GetInt32(i + 2);
                    break;
                case "visits":
                    unit.Visits[$"{reader.GetString(2)} {reader.GetString(3)}"] = reader.GetInt32(4);
                    break;
                default:
                    unit.OverdueCommitments = reader.GetInt32(2);
                    break;
            }
        }
        return units.Select(u => u.Value.Line(u.Key)).ToArray();
    }

    public void Dispose() => command.Dispose();
}

/// <summary>The API's answers as the same text lines as the floor's, with only what is not zero.</summary>
public static class ReviewAnswers
{
    /// <summary>The figures of one unit: the duty counts in the order of the floor's columns, visits by method and state.</summary>
    public sealed class UnitCounts
    {
        public static readonly string[] DutyFigures =
        [
            "received", "answered", "answeredOnTime", "contacted", "categoryA", "categoryB", "categoryC", "categoryD", "evaluated",
            "satisfied", "basicallySatisfied", "dissatisfied", "firstEvaluated", "firstSatisfied", "reHandlings", "overdue", "longOverdueDifficult",
        ];

        public int[] Duties { get; } = new int[DutyFigures.Length];
        public SortedDictionary<string, int> Visits { get; } = new(StringComparer.Ordinal);
        public int OverdueCommitments { get; set; }

        public string Line(int unitId)
        {
            var text = new StringBuilder($"unit {unitId}:");
            for (var i = 0; i < Duties.Length; i++)
                text.Append(CultureInfo.InvariantCulture, $" {DutyFigures[i]} {Duties[i]}");
            foreach (var (key, count) in Visits.Where(v => v.Value != 0))
                text.Append(CultureInfo.InvariantCulture, $", {key} {count}");
            return text.Append(CultureInfo.InvariantCulture, $", overdue commitments {OverdueCommitments}").ToString();
        }
    }

    public static string MonthLine(string month, int received, int answered, int held) =>
        $"{month}: received {received}, answered {answered}, visits held {held}";

    /// <summary>The ranking of GET /api/review/figures, one line per unit.</summary>
    public static string[] Figures(System.Text.Json.JsonElement answer) => answer.GetProperty("units").EnumerateArray()
        .Select(u =>
        {
            var counts = new UnitCounts { OverdueCommitments = u.GetProperty("overdueCommitments").GetInt32() };
            for (var i = 0; i < counts.Duties.Length; i++)
                counts.Duties[i] = u.GetProperty(UnitCounts.DutyFigures[i]).GetInt32();
            foreach (var m in u.GetProperty("visitsByMethod").EnumerateArray())
            {
                var method = m.GetProperty("method").GetString();
                foreach (var state in new[] { "Scheduled", "Held", "NoShow", "Cancelled" })
                    counts.Visits[$"{method} {state}"] = m.GetProperty(char.ToLowerInvariant(state[0]) + state[1..]).GetInt32();
            }
            return (Id: u.GetProperty("unitId").GetInt32(), counts);
        })
        .OrderBy(u => u.Id).Select(u => u.counts.Line(u.Id)).ToArray();

    /// <summary>GET /api/review/trend without the quiet months (the floor has no row for them).</summary>
    public static string[] Trend(System.Text.Json.JsonElement answer) => answer.EnumerateArray()
        .Select(m => (Month: m.GetProperty("month").GetString()!, Received: m.GetProperty("received").GetInt32(),
            Answered: m.GetProperty("answered").GetInt32(), Held: m.GetProperty("visitsHeld").GetInt32()))
        .Where(m => m.Received + m.Answered + m.Held > 0)
        .Select(m => MonthLine(m.Month, m.Received, m.Answered, m.Held)).ToArray();
}
