using System.Globalization;
using System.Text.Json;
using Xunit.Abstractions;

namespace Consultation.Browser.Tests;

/// <summary>
/// A video visit of handler.transport's unit with deputy.li starting a few minutes from now (the room is open
/// to everyone), scheduled through the API, and the people who take part in it, each in a browser of their own.
/// </summary>
public sealed class CallWorld : IAsyncDisposable
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private const int DurationMinutes = 30;
    private readonly IBrowser browser;
    private readonly Uri baseUrl;
    private readonly List<CallParticipant> participants = [];

    private CallWorld(IBrowser browser, Uri baseUrl, int visitId, JsonElement visit) =>
        (this.browser, this.baseUrl, VisitId, Visit) = (browser, baseUrl, visitId, visit);

    public int VisitId { get; }
    public JsonElement Visit { get; }

    /// <summary>The participant id of the person with this display name.</summary>
    public int ParticipantId(string displayName) => Visit.GetProperty("participants").EnumerateArray()
        .Single(p => p.GetProperty("displayName").GetString() == displayName).GetProperty("id").GetInt32();

    /// <summary>Schedules the visit; <paramref name="staff"/> are display names of other staff to invite (e.g. the office's 王敏).</summary>
    public static async Task<CallWorld> ScheduleAsync(IBrowser browser, Uri baseUrl, params string[] staff)
    {
        await using var handler = await ApiActor.SignInAsync(browser, baseUrl, DemoAccount.Handler);
        var itemId = await LeadItemOfDeputyLiAsync(handler);
        var now = DateTime.UtcNow;
        var start = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc).AddMinutes(4);
        await CancelVisitsInTheWayAsync(handler, itemId, start, start.AddMinutes(DurationMinutes));
        var staffIds = (await handler.GetAsync($"/api/items/{itemId}/visit-staff")).EnumerateArray()
            .Where(s => staff.Contains(s.GetProperty("displayName").GetString()))
            .Select(s => s.GetProperty("userId").GetInt32()).ToArray();
        var visit = await handler.PostAsync($"/api/items/{itemId}/visits", new
        {
            phase = "DuringHandling", method = "Video", startUtc = start, durationMinutes = DurationMinutes, staffUserIds = staffIds,
        });
        return new CallWorld(browser, baseUrl, visit.GetProperty("id").GetInt32(), visit);
    }

    /// <summary>
    /// Someone signed in a browser context of their own, with their peer connections recorded for getStats();
    /// <paramref name="refuseMedia"/>: their camera and microphone refused (see <see cref="CallParticipant.AllowMediaAsync"/>);
    /// <paramref name="via"/>: the server's address through a <see cref="LoopbackCable"/> of their own.
    /// </summary>
    public async Task<CallParticipant> SignInAsync(DemoAccount account, ITestOutputHelper? log = null, bool phone = false, bool refuseMedia = false,
        Uri? via = null)
    {
        var participant = await CallParticipant.SignInAsync(browser, via ?? baseUrl, account, log, phone, refuseMedia);
        participants.Add(participant);
        return participant;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var participant in participants)
            await participant.DisposeAsync();
    }

    private static async Task<int> LeadItemOfDeputyLiAsync(ApiActor handler)
    {
        foreach (var row in (await handler.GetAsync("/api/inbox")).EnumerateArray())
        {
            var item = row.GetProperty("item");
            if (row.GetProperty("role").GetString() != "Lead" || item.GetProperty("submitterName").GetString() != "李建国")
                continue;
            var id = item.GetProperty("id").GetInt32();
            if ((await handler.GetAsync($"/api/items/{id}")).GetProperty("actions").EnumerateArray().Any(a => a.GetString() == "contact"))
                return id;
        }
        throw new InvalidOperationException("The demo data has no item of deputy.li led by handler.transport's unit.");
    }

    // Earlier tests' visits (and the demo's) would clash with the new one: the unit cancels them first.
    private static async Task CancelVisitsInTheWayAsync(ApiActor handler, int itemId, DateTime start, DateTime end)
    {
        var detail = await handler.GetAsync($"/api/items/{itemId}");
        var deputyId = detail.GetProperty("signers").EnumerateArray()
            .Single(s => s.GetProperty("role").GetString() == "Submitter").GetProperty("deputyId").GetInt32();
        var me = (await handler.GetAsync("/api/account/me")).GetProperty("id").GetInt32();
        var inTheWay = new HashSet<int>();
        foreach (var day in new[] { start, end }.Select(Day).Distinct())
        {
            foreach (var person in (await handler.GetAsync($"/api/visits/agenda?day={day}&deputyIds={deputyId}&userIds={me}")).EnumerateArray())
            {
                foreach (var other in person.GetProperty("visits").EnumerateArray())
                {
                    if (Utc(other.GetProperty("startUtc")) < end && Utc(other.GetProperty("endUtc")) > start)
                        inTheWay.Add(other.GetProperty("visitId").GetInt32());
                }
            }
        }
        // A visit an earlier test ended for everyone is being closed by a job on the server meanwhile (its version
        // changes): read it again until it is cancelled here or no longer scheduled.
        foreach (var id in inTheWay)
        {
            for (var attempt = 1; ; attempt++)
            {
                var visit = await handler.GetAsync($"/api/visits/{id}");
                if (visit.GetProperty("state").GetString() != "Scheduled")
                    break;
                try
                {
                    await handler.PostAsync($"/api/visits/{id}/cancel",
                        new { reason = "浏览器测试：为新的视频回访腾出时间。", version = visit.GetProperty("version").GetString() });
                    break;
                }
                catch (InvalidOperationException) when (attempt < 5)
                {
                    await Task.Delay(500);
                }
            }
        }
    }

    private static string Day(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(utc, Shanghai).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTime Utc(JsonElement value) =>
        DateTime.Parse(value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
