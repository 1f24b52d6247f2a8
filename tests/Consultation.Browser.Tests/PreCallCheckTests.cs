using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Consultation.Browser.Tests;

/// <summary>
/// The join link from an SMS invitation and the pre-call check, on servers of their own: one given a coturn's
/// TURN settings and a loopback SMS gateway, one given credentials signed with the wrong secret.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed partial class PreCallCheckTests(ChromiumFixture chromium, ITestOutputHelper output) : IAsyncLifetime
{
    private CoturnServer turn = null!;

    public async Task InitializeAsync()
    {
        SetDefaultExpectTimeout(15_000);
        turn = await CoturnServer.StartAsync();
    }

    public async Task DisposeAsync() => await turn.DisposeAsync();

    [Fact]
    public async Task A_join_link_from_an_invitation_signs_the_deputy_in_on_a_phone_once_not_in_a_browser_without_webrtc_and_the_check_finds_camera_microphone_and_relay()
    {
        await using var sms = LoopbackSmsGateway.Start();
        await using var server = await StartServerAsync(new(turn.ServerSettings()) { ["Sms__Url"] = sms.Url });

        // deputy.li asks for SMS; handler.transport schedules a video visit with them.
        await using var deputy = await SignedInAsync(server, DemoAccount.Deputy);
        await Ok(deputy.APIRequest.PutAsync("/api/account/profile", new()
        {
            DataObject = new { email = (string?)null, phoneNumber = "+8613800000000", notifyByEmail = false, notifyBySms = true, timeZone = "Asia/Shanghai" },
        }));
        await using var handler = await SignedInAsync(server, DemoAccount.Handler);
        var (visitId, itemNumber) = await ScheduleWithDeputyLiAsync(handler);

        var text = await sms.NextContainingAsync(itemNumber, TimeSpan.FromSeconds(60));
        var token = JoinToken().Match(text) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException($"No join link in the SMS: {text}");

        // Opened first inside WeChat, whose browser on this phone has no WebRTC: the page says how to go on in the
        // phone's own browser, and leaves the link unspent.
        await using (var weChat = await NewContextAsync(server, mobile: true, userAgent: WeChatUserAgent))
        {
            await weChat.AddInitScriptAsync("Object.defineProperty(window, 'RTCPeerConnection', { value: undefined })");
            var inApp = await weChat.NewPageAsync();
            await inApp.GotoAsync($"/join/{token}");
            var alert = inApp.GetByTestId("browser-support");
            await Expect(alert).ToHaveAttributeAsync("data-problem", "noCall");
            await Expect(alert).ToContainTextAsync("在浏览器打开");
            await Expect(alert).ToContainTextAsync("还没有用掉");
            await Expect(inApp.GetByTestId("join-link-continue")).ToHaveCountAsync(0);
            Assert.Equal(401, await inApp.EvaluateAsync<int>("async () => (await fetch('/api/join/session')).status"));
        }

        // A phone that never signed in opens the link and lands on the check page, no password asked.
        await using var phone = await NewContextAsync(server, mobile: true);
        var page = await phone.NewPageAsync();
        var hubSockets = new List<string>();
        page.WebSocket += (_, socket) =>
        {
            if (socket.Url.Contains("/hubs/visits", StringComparison.Ordinal))
                lock (hubSockets) hubSockets.Add(socket.Url);
        };
        await page.GotoAsync($"/join/{token}");
        await Expect(page).ToHaveURLAsync(new Regex($"/visits/{visitId}/check$"));
        await Expect(page.GetByTestId("precheck-visit")).ToContainTextAsync(itemNumber);

        // The fake camera plays in the preview; the fake microphone's beeps move the meter.
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=precheck-preview]')?.videoWidth > 0");
        await page.WaitForFunctionAsync("() => Number(document.querySelector('[data-testid=precheck-meter]')?.dataset.peak) > 0.05");
        // The relayed connection through coturn works.
        await Expect(page.GetByTestId("precheck-network")).ToHaveAttributeAsync("data-state", "done", new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("precheck-relay")).ToHaveAttributeAsync("data-result", "ok");
        await Expect(page.GetByTestId("precheck-verdict")).ToHaveAttributeAsync("data-verdict", new Regex("^(bothWork|relayWorks)$"));
        await Expect(page.GetByTestId("precheck-verdict")).ToContainTextAsync("可以");
        // The session the link gave opens nothing else.
        Assert.Equal(401, await page.EvaluateAsync<int>("async () => (await fetch('/api/my/visits')).status"));
        // The room is open (10 minutes before the start): "Join now" takes the link's session into the call, where
        // the deputy waits in the lobby for the lead unit's handler, named. The call's hub connection was opened on
        // the check page already, and the call goes on over it: joining opens no other.
        Assert.Single(hubSockets);
        await Expect(page.GetByTestId("precheck-present")).ToHaveTextAsync("还没有人进入通话。");
        await page.GetByTestId("precheck-join").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/visits/{visitId}/call$"));
        await Expect(page.GetByTestId("call-lobby")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        Assert.Single(hubSockets);
        // The call took the check's camera and microphone along: the self view plays, nothing is shown as off.
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=call-tile-self] [data-testid=tile-video]')?.videoWidth > 0");
        await Expect(page.GetByTestId("call-mute")).ToHaveAttributeAsync("aria-pressed", "false");
        await Expect(page.GetByTestId("call-camera")).ToHaveAttributeAsync("aria-pressed", "false");
        await Expect(page.GetByTestId("lobby-expected")).ToContainTextAsync("主办单位");

        // The same link again, in another browser: used, so to the sign-in page, which says why.
        await using var again = await NewContextAsync(server, mobile: true);
        var second = await again.NewPageAsync();
        await second.GotoAsync($"/join/{token}");
        await Expect(second).ToHaveURLAsync(new Regex($"/login\\?.*link=used"));
        await Expect(second.GetByTestId("login-link-message")).ToContainTextAsync("已经用过");
        Assert.Contains($"returnUrl=/visits/{visitId}", Uri.UnescapeDataString(second.Url));
        // Signing in there goes on to the visit.
        await second.GetByTestId("login-username").FillAsync(DemoAccount.Deputy.UserName);
        await second.GetByTestId("login-password").FillAsync(DemoAccount.Password);
        await second.GetByTestId("login-submit").ClickAsync();
        await Expect(second).ToHaveURLAsync(new Regex($"/visits/{visitId}$"));
    }

    [Fact]
    public async Task With_credentials_signed_by_a_wrong_secret_the_check_reports_the_relay_failure_and_what_to_do()
    {
        await using var server = await StartServerAsync(turn.ServerSettings("wrong"));
        await using var deputy = await SignedInAsync(server, DemoAccount.Deputy);
        var visits = await Json(deputy.APIRequest.GetAsync("/api/my/visits"));
        var visitId = visits.EnumerateArray()
            .First(v => v.GetProperty("state").GetString() == "Scheduled" && v.GetProperty("method").GetString() == "Video")
            .GetProperty("id").GetInt32();

        var page = await deputy.NewPageAsync();
        await page.GotoAsync($"/visits/{visitId}/check");

        await Expect(page.GetByTestId("precheck-network")).ToHaveAttributeAsync("data-state", "done", new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("precheck-relay")).ToHaveAttributeAsync("data-result", "failed");
        await Expect(page.GetByTestId("precheck-relay")).ToContainTextAsync("失败");
        await Expect(page.GetByTestId("precheck-advice")).ToContainTextAsync("UDP 3478");
        await Expect(page.GetByTestId("precheck-advice")).ToContainTextAsync("IT");
    }

    private async Task<OwnServer> StartServerAsync(Dictionary<string, string> settings)
    {
        var server = new ServerFixture(settings);
        await server.InitializeAsync();
        return new OwnServer(server);
    }

    private const string WeChatUserAgent =
        "Mozilla/5.0 (Linux; Android 12; V2111A) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/86.0.4240.99 Mobile Safari/537.36 " +
        "XWEB/4317 MMWEBSDK/20220805 MicroMessenger/8.0.27.2220(0x28001B37) WeChat/arm64 Weixin NetType/WIFI";

    private async Task<IBrowserContext> NewContextAsync(OwnServer server, bool mobile = false, string? userAgent = null)
    {
        var context = await chromium.Browser.NewContextAsync(new()
        {
            BaseURL = server.Fixture.BaseUrl.ToString(),
            ViewportSize = mobile ? new() { Width = 375, Height = 812 } : null,
            IsMobile = mobile,
            HasTouch = mobile,
            UserAgent = userAgent,
        });
        context.SetDefaultTimeout(15_000);
        context.Page += (_, page) =>
        {
            page.Console += (_, message) =>
            {
                if (message.Type is "error" or "warning")
                    output.WriteLine($"browser {message.Type}: {message.Text}");
            };
            page.PageError += (_, error) => output.WriteLine($"page error: {error}");
        };
        return context;
    }

    private async Task<IBrowserContext> SignedInAsync(OwnServer server, DemoAccount account)
    {
        var context = await NewContextAsync(server);
        await Ok(context.APIRequest.PostAsync("/api/account/login", new() { DataObject = new { userName = account.UserName, password = DemoAccount.Password } }));
        return context;
    }

    /// <summary>A video visit on an item of deputy.li's that the handler's unit leads, at the first free hour from 3 hours ahead.</summary>
    private static async Task<(int VisitId, string ItemNumber)> ScheduleWithDeputyLiAsync(IBrowserContext handler)
    {
        var inbox = await Json(handler.APIRequest.GetAsync("/api/inbox"));
        foreach (var row in inbox.EnumerateArray().Where(r => r.GetProperty("role").GetString() == "Lead"))
        {
            var item = row.GetProperty("item");
            if (item.GetProperty("submitterName").GetString() != "李建国")
                continue;
            var id = item.GetProperty("id").GetInt32();
            // In two minutes for ten, so that the room is open for the call and the visit ends before the demo's own
            // visit with deputy.li (a quarter of an hour after the server started); later if that time clashes.
            var start = DateTime.UtcNow.AddMinutes(2);
            for (var attempt = 0; attempt < 6; attempt++, start = start.AddHours(1))
            {
                var response = await handler.APIRequest.PostAsync($"/api/items/{id}/visits", new()
                {
                    DataObject = new
                    {
                        phase = "DuringHandling", method = "Video", durationMinutes = 10, agenda = "浏览器测试：会前检查。",
                        startUtc = start.ToString("yyyy-MM-ddTHH:mm:00Z", CultureInfo.InvariantCulture),
                        staffUserIds = Array.Empty<int>(), coSignerIds = Array.Empty<int>(),
                    },
                });
                if (response.Status == 201)
                {
                    var visit = (await response.JsonAsync())!.Value;
                    return (visit.GetProperty("id").GetInt32(), visit.GetProperty("itemNumber").GetString()!);
                }
                // 409: a clash with another visit of theirs; 400/403: this item takes no visit now.
                if (response.Status != 409)
                    break;
            }
        }
        throw new InvalidOperationException("No item of deputy.li led by handler.transport's unit took a visit.");
    }

    private static async Task Ok(Task<IAPIResponse> call)
    {
        var response = await call;
        Assert.True(response.Ok, $"{response.Url} answered {response.Status}: {await response.TextAsync()}");
    }

    private static async Task<JsonElement> Json(Task<IAPIResponse> call)
    {
        var response = await call;
        Assert.True(response.Ok, $"{response.Url} answered {response.Status}: {await response.TextAsync()}");
        return (await response.JsonAsync())!.Value;
    }

    [GeneratedRegex(@"/join/([A-Za-z0-9_-]{43})")]
    private static partial Regex JoinToken();

    private sealed record OwnServer(ServerFixture Fixture) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await Fixture.DisposeAsync();
    }
}
