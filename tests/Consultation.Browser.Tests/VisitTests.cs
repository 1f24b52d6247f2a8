using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Consultation.Browser.Tests;

/// <summary>
/// A handler schedules a return visit from the item page; the deputy sees it on "my visits" with a countdown
/// and a join button that opens by itself when the room does. Times are entered on the handler's clock
/// (the demo accounts keep the default zone, Asia/Shanghai).
/// </summary>
public sealed partial class VisitTests(ServerFixture server, ChromiumFixture chromium, ITestOutputHelper output)
    : BrowserTest(server, chromium, output)
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    // VisitSettings.RoomOpensBefore on the server.
    private static readonly TimeSpan RoomOpensBefore = TimeSpan.FromMinutes(10);
    private const int DurationMinutes = 10;

    // Kept here rather than captured from the constructor, which hands them on to the base class too.
    private readonly IBrowser browser = chromium.Browser;
    private readonly ITestOutputHelper log = output;

    [Fact]
    public async Task A_handler_schedules_a_visit_the_deputy_sees_it_and_its_countdown_and_Join_opens_when_the_room_opens()
    {
        await SignInAsync(DemoAccount.Handler);
        var itemId = await LeadItemOfDeputyLiAsync();
        // The room opens 10 minutes before the start: start about 10 min 25 s from now, on a whole minute.
        var start = NextWholeMinute(DateTime.UtcNow + RoomOpensBefore + TimeSpan.FromSeconds(25));
        await MakeRoomAsync(itemId, start);

        await Page.GotoAsync($"/items/{itemId}");
        await ByTestId("schedule-visit").ClickAsync();
        var dialog = ByTestId("dialog-schedule-visit");
        await Expect(dialog).ToBeVisibleAsync();
        await ByTestId("visit-phase").GetByText("办理中沟通").ClickAsync();
        await ByTestId("visit-method").GetByText("屏对屏视频").ClickAsync();
        await ByTestId("visit-start-date").FillAsync(Wall(start, "yyyy-MM-dd"));
        await ByTestId("visit-start-time").FillAsync(Wall(start, "HH:mm"));
        await ByTestId("visit-duration").Locator("input").FillAsync(DurationMinutes.ToString(CultureInfo.InvariantCulture));
        // Each chosen person's day is shown as the date is picked: the submitter and the handler.
        await Expect(ByTestId("agenda-person")).ToHaveCountAsync(2);
        await Expect(ByTestId("agenda-person").First).ToContainTextAsync("李建国");
        await Expect(ByTestId("agenda-clash")).ToHaveCountAsync(0);

        var response = await Page.RunAndWaitForResponseAsync(
            () => ByTestId("visit-submit").ClickAsync(),
            r => r.Request.Method == "POST" && new Uri(r.Url).AbsolutePath == $"/api/items/{itemId}/visits");
        Assert.True(response.Status == 201, $"Scheduling answered {response.Status}: {await response.TextAsync()}");
        var visit = await response.JsonAsync();
        var visitId = visit!.Value.GetProperty("id").GetInt32();
        var opensAt = Utc(visit.Value.GetProperty("roomOpensAtUtc"));

        await Expect(dialog).ToBeHiddenAsync();
        await Expect(ByTestId("item-notice")).ToContainTextAsync("回访已安排");
        var row = ByTestId($"visit-{visitId}");
        await Expect(row).ToContainTextAsync(Wall(start, "HH:mm"));
        await Expect(row.GetByTestId("visit-state")).ToHaveTextAsync("已安排");

        // The deputy, on a phone, in a browser of their own.
        await using var deputy = await SignInElsewhereAsync(DemoAccount.Deputy, 375, 812);
        await deputy.Page.GotoAsync("/visits");
        var card = deputy.Page.GetByTestId($"visit-card-{visitId}");
        await Expect(card).ToContainTextAsync(Wall(start, "HH:mm"));
        var countdown = card.GetByTestId("visit-countdown");
        var join = card.GetByTestId("visit-join");
        await Expect(countdown).ToContainTextAsync("距开始还有");
        var before = await countdown.InnerTextAsync();
        if (DateTime.UtcNow < opensAt - TimeSpan.FromSeconds(2))
        {
            await Expect(join).ToBeDisabledAsync();
            await Expect(join).ToContainTextAsync($"{Wall(opensAt, "HH:mm")} 开放进入");
        }

        // The countdown runs down on its own ("10 分" reads the same as "10 分 0 秒": wait for the next change).
        var after = before;
        for (var change = 0; change < 3 && SecondsLeft(after) >= SecondsLeft(before); change++)
        {
            await Expect(countdown).Not.ToHaveTextAsync(after, new() { Timeout = 65_000 });
            after = await countdown.InnerTextAsync();
        }
        Assert.True(SecondsLeft(after) < SecondsLeft(before), $"'{before}' did not go down: '{after}'");

        // Join opens by itself when the room does, without a reload.
        var waitUntil = opensAt - DateTime.UtcNow + TimeSpan.FromSeconds(30);
        await Expect(join).ToBeEnabledAsync(new() { Timeout = (float)Math.Max(waitUntil.TotalMilliseconds, 10_000) });
        Assert.True(DateTime.UtcNow >= opensAt - TimeSpan.FromSeconds(2), $"Join opened before the room did ({opensAt:O}).");
        await Expect(join).ToHaveTextAsync("进入视频回访");
        await Expect(countdown).ToContainTextAsync("秒");

        await join.ClickAsync();
        await Expect(deputy.Page).ToHaveURLAsync(new Regex($"/visits/{visitId}/check$"));
        await deputy.Page.GetByTestId("precheck-join").ClickAsync();
        await Expect(deputy.Page).ToHaveURLAsync(new Regex($"/visits/{visitId}/call$"));
        // The handler is not there yet: the deputy waits in the lobby.
        await Expect(deputy.Page.GetByTestId("call-lobby")).ToContainTextAsync("刘伟");
    }

    [Fact]
    public async Task Before_the_room_opens_the_deputy_checks_camera_and_network_and_the_check_says_when_the_room_opens()
    {
        await SignInAsync(DemoAccount.Deputy);
        // A video visit of the demo's a day or more ahead.
        var ahead = (await ApiAsync("GET", "/api/my/visits")).EnumerateArray()
            .Where(v => v.GetProperty("state").GetString() == "Scheduled" && v.GetProperty("method").GetString() == "Video"
                        && Utc(v.GetProperty("roomOpensAtUtc")) > DateTime.UtcNow.AddHours(1))
            .OrderBy(v => Utc(v.GetProperty("startUtc"))).First();
        var visitId = ahead.GetProperty("id").GetInt32();
        var opensAt = Utc(ahead.GetProperty("roomOpensAtUtc"));

        await Page.GotoAsync("/visits");
        var card = ByTestId($"visit-card-{visitId}");
        await Expect(card.GetByTestId("visit-join")).ToBeDisabledAsync();
        await card.GetByTestId("visit-check-ahead").ClickAsync();

        await Expect(Page).ToHaveURLAsync(new Regex($"/visits/{visitId}/check$"));
        await Page.WaitForFunctionAsync("() => document.querySelector('[data-testid=precheck-preview]')?.videoWidth > 0");
        await Expect(ByTestId("precheck-network")).ToHaveAttributeAsync("data-state", "done", new() { Timeout = 30_000 });
        await Expect(ByTestId("precheck-room-note")).ToContainTextAsync($"会议室 {Wall(opensAt, "HH:mm")} 开放");
        await Expect(ByTestId("precheck-join")).ToBeDisabledAsync();
    }

    [Fact]
    public async Task Scheduling_over_another_visit_of_the_deputy_names_who_is_busy_and_when()
    {
        await SignInAsync(DemoAccount.Handler);
        var itemId = await LeadItemOfDeputyLiAsync();
        // A visit of 李建国's at least a day ahead (the demo has some a day and a week ahead).
        var taken = (await ApiAsync("GET", "/api/my/visits")).EnumerateArray()
            .Where(v => v.GetProperty("state").GetString() == "Scheduled"
                        && v.GetProperty("participants").EnumerateArray().Any(p => p.GetProperty("displayName").GetString() == "李建国"))
            .Select(v => Utc(v.GetProperty("startUtc")))
            .Where(s => s > DateTime.UtcNow.AddHours(20))
            .Order().First();

        await Page.GotoAsync($"/items/{itemId}");
        await ByTestId("schedule-visit").ClickAsync();
        await ByTestId("visit-start-date").FillAsync(Wall(taken, "yyyy-MM-dd"));
        await ByTestId("visit-start-time").FillAsync(Wall(taken.AddMinutes(10), "HH:mm"));
        await Expect(ByTestId("agenda-clash").First).ToBeVisibleAsync();
        await ByTestId("visit-submit").ClickAsync();

        var error = ByTestId("visit-error");
        await Expect(error).ToContainTextAsync(new Regex("(李建国|刘伟)在 "));
        await Expect(error).ToContainTextAsync(Wall(taken, "HH:mm"));
        await Expect(error).ToContainTextAsync("时间冲突");
        await Expect(ByTestId("dialog-schedule-visit")).ToBeVisibleAsync();
    }

    /// <summary>An item deputy.li submitted whose lead unit is the handler's, open to scheduling.</summary>
    private async Task<int> LeadItemOfDeputyLiAsync()
    {
        foreach (var row in (await ApiAsync("GET", "/api/inbox")).EnumerateArray())
        {
            var item = row.GetProperty("item");
            if (row.GetProperty("role").GetString() != "Lead" || item.GetProperty("submitterName").GetString() != "李建国")
                continue;
            var id = item.GetProperty("id").GetInt32();
            var detail = await ApiAsync("GET", $"/api/items/{id}");
            if (detail.GetProperty("actions").EnumerateArray().Any(a => a.GetString() == "contact"))
                return id;
        }
        throw new InvalidOperationException("The demo data has no item of deputy.li led by handler.transport's unit.");
    }

    /// <summary>
    /// The demo schedules a visit with deputy.li and handler.transport about 15 minutes after the server starts:
    /// a visit of theirs in the chosen window is cancelled first (it is this unit's own), so the new one does not clash.
    /// </summary>
    private async Task MakeRoomAsync(int itemId, DateTime start)
    {
        var detail = await ApiAsync("GET", $"/api/items/{itemId}");
        var deputyId = detail.GetProperty("signers").EnumerateArray()
            .Single(s => s.GetProperty("role").GetString() == "Submitter").GetProperty("deputyId").GetInt32();
        var me = (await ApiAsync("GET", "/api/account/me")).GetProperty("id").GetInt32();
        var end = start.AddMinutes(DurationMinutes);
        var days = new[] { start, end }.Select(t => Wall(t, "yyyy-MM-dd")).Distinct();
        var inTheWay = new HashSet<int>();
        foreach (var day in days)
        {
            foreach (var person in (await ApiAsync("GET", $"/api/visits/agenda?day={day}&deputyIds={deputyId}&userIds={me}")).EnumerateArray())
            {
                foreach (var other in person.GetProperty("visits").EnumerateArray())
                {
                    if (Utc(other.GetProperty("startUtc")) < end && Utc(other.GetProperty("endUtc")) > start)
                        inTheWay.Add(other.GetProperty("visitId").GetInt32());
                }
            }
        }
        foreach (var id in inTheWay)
        {
            var version = (await ApiAsync("GET", $"/api/visits/{id}")).GetProperty("version").GetString();
            await ApiAsync("POST", $"/api/visits/{id}/cancel", new { reason = "浏览器测试：为新的回访腾出时间。", version });
            log.WriteLine($"cancelled visit {id}, which was in the way");
        }
    }

    /// <summary>The page's own fetch, with its cookie: what the signed-in person may do through the API.</summary>
    private async Task<JsonElement> ApiAsync(string method, string path, object? body = null)
    {
        var answer = await Page.EvaluateAsync<JsonElement>(
            """
            async ([method, path, body]) => {
              const response = await fetch(path, {
                method,
                credentials: 'same-origin',
                headers: body ? { 'Content-Type': 'application/json' } : {},
                body: body ?? undefined,
              })
              return { status: response.status, text: await response.text() }
            }
            """,
            new object?[] { method, path, body is null ? null : JsonSerializer.Serialize(body) });
        var status = answer.GetProperty("status").GetInt32();
        var text = answer.GetProperty("text").GetString() ?? "";
        if (status is < 200 or >= 300)
            throw new InvalidOperationException($"{method} {path} answered {status}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<OtherBrowser> SignInElsewhereAsync(DemoAccount account, int width, int height)
    {
        var context = await browser.NewContextAsync(new()
        {
            BaseURL = Server.BaseUrl.ToString(),
            ViewportSize = new() { Width = width, Height = height },
            IsMobile = true,
            HasTouch = true,
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        page.PageError += (_, error) => log.WriteLine($"{account} page error: {error}");
        await page.GotoAsync("/login");
        await page.GetByTestId("login-username").FillAsync(account.UserName);
        await page.GetByTestId("login-password").FillAsync(DemoAccount.Password);
        await page.GetByTestId("login-submit").ClickAsync();
        await Expect(page.GetByTestId(account.HomeTestId)).ToBeVisibleAsync();
        return new OtherBrowser(context, page);
    }

    private sealed record OtherBrowser(IBrowserContext Context, IPage Page) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => new(Context.CloseAsync());
    }

    // The server writes UTC with a Z; a value without an offset is UTC all the same.
    private static DateTime Utc(JsonElement value) =>
        DateTime.Parse(value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static DateTime NextWholeMinute(DateTime utc) =>
        new DateTime(utc.Ticks - utc.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc).AddMinutes(1);

    private static string Wall(DateTime utc, string format) =>
        TimeZoneInfo.ConvertTimeFromUtc(utc, Shanghai).ToString(format, CultureInfo.InvariantCulture);

    /// <summary>"距开始还有 1 天 2 小时 9 分 59 秒" in seconds.</summary>
    private static int SecondsLeft(string countdown)
    {
        int Part(string unit) => CountdownPart(unit).Match(countdown) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        return Part("天") * 86_400 + Part("小时") * 3_600 + Part("分") * 60 + Part("秒");
    }

    private static Regex CountdownPart(string unit) => unit switch
    {
        "天" => DaysPart(),
        "小时" => HoursPart(),
        "分" => MinutesPart(),
        _ => SecondsPart(),
    };

    [GeneratedRegex(@"(\d+)\s*天")]
    private static partial Regex DaysPart();

    [GeneratedRegex(@"(\d+)\s*小时")]
    private static partial Regex HoursPart();

    [GeneratedRegex(@"(\d+)\s*分")]
    private static partial Regex MinutesPart();

    [GeneratedRegex(@"(\d+)\s*秒")]
    private static partial Regex SecondsPart();
}
