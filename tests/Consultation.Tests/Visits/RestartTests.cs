using System.Net.Http.Json;
using System.Text.Json;
using Consultation.Items;
using Consultation.Tests.Infrastructure;
using Consultation.Tests.Items;
using Consultation.Visits;
using Microsoft.Data.Sqlite;

namespace Consultation.Tests.Visits;

/// <summary>The real server on SQLite, killed with SIGKILL before its reminders are due, then started again.</summary>
public sealed class RestartTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("consultation-restart-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task A_server_killed_before_the_reminders_sends_each_of_them_exactly_once_after_it_starts_again()
    {
        var database = Path.Combine(_folder, "app.db");
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ConnectionStrings__Consultation"] = $"Data Source={database}",
            ["Attachments__Folder"] = Path.Combine(_folder, "attachments"),
            ["Jobs__PollingInterval"] = "00:00:01",
            // Seconds instead of hours, so that the test sees every reminder come due.
            ["Visits__FirstReminderBefore"] = "00:00:40",
            ["Visits__SecondReminderBefore"] = "00:00:30",
            ["Visits__RoomOpensBefore"] = "00:00:20",
        };
        int visitId;
        DateTime start;
        await using (var first = await ServerProcess.StartAsync(environment))
        {
            using var handler = first.Client();
            (await handler.PostAsJsonAsync("/api/account/login", new { userName = "handler.transport", password = "Demo1234" })).EnsureSuccessStatusCode();
            var inbox = await handler.GetFromJsonAsync<InboxRow[]>("/api/inbox", ItemWorld.Json);
            var item = inbox!.First(r => r.Role == AssignmentRole.Lead && r.SignedFor && r.Item.State == ItemState.InHandling);
            start = DateTime.UtcNow.AddSeconds(55);
            var response = await handler.PostAsJsonAsync($"/api/items/{item.Item.Id}/visits",
                new { phase = "DuringHandling", method = "Video", startUtc = start, durationMinutes = 10 }, ItemWorld.Json);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            visitId = (await response.Content.ReadFromJsonAsync<VisitDto>(ItemWorld.Json))!.Id;
            first.Kill();
        }
        Assert.True(DateTime.UtcNow < start.AddSeconds(-40), "the server was killed before the first reminder was due");

        await using var second = await ServerProcess.StartAsync(environment);
        var kinds = new[] { "visit-invited", "FirstReminder", "SecondReminder", "visit-room-open" };
        var deadline = start.AddSeconds(5);
        Dictionary<string, string[]> sent;
        do
        {
            await Task.Delay(500);
            sent = Effects(database, visitId);
        }
        while (DateTime.UtcNow < deadline && !kinds.All(k => sent.ContainsKey(k) && sent[k].Length == sent.GetValueOrDefault("visit-invited", []).Length));

        var everyone = sent.GetValueOrDefault("visit-invited", []);
        Assert.NotEmpty(everyone);
        foreach (var kind in kinds)
            Assert.Equal(everyone, sent.GetValueOrDefault(kind, []));
        Assert.Equal(everyone.Length * kinds.Length, Notifications(database, visitId));
    }

    /// <summary>In-app effects of the visit: kind of message → the people it reached (each key is unique in the table).</summary>
    private static Dictionary<string, string[]> Effects(string database, int visitId)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Key FROM SentEffects WHERE VisitId = $visit AND Channel = 'InApp'";
        command.Parameters.AddWithValue("$visit", visitId);
        var keys = new List<string>();
        using (var reader = command.ExecuteReader())
            while (reader.Read())
                keys.Add(reader.GetString(0));
        // visit:{id}:s{sequence}:{kind}:{user:n}:in-app
        return keys.Select(k => k.Split(':')).GroupBy(p => p[3], p => $"{p[4]}:{p[5]}")
            .ToDictionary(g => g.Key, g => g.Order().ToArray());
    }

    private static int Notifications(string database, int visitId)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM Notifications WHERE VisitId = $visit";
        command.Parameters.AddWithValue("$visit", visitId);
        return Convert.ToInt32(command.ExecuteScalar());
    }
}
