using System.Diagnostics;
using System.Text.Json;
using Xunit.Abstractions;

namespace Consultation.Browser.Tests;

/// <summary>
/// Video visits on two server processes that share one database and one Redis (scale-out): people whose browsers
/// reached different servers meet in one call, a page whose server crashed carries on through the other one, and
/// someone whose server crashed with them gone leaves the others' screens.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class ScaleOutCallTests(ChromiumFixture chromium, ScaleOutServers servers, ITestOutputHelper output) : IClassFixture<ScaleOutServers>
{
    private const string Handler = "刘伟";
    private const string Deputy = "李建国";

    // Each time the page's "reconnecting" sign shows and goes, the video frames its peer connections decoded by then:
    // the first retry already reaches the other server, so the sign shows for less than a second, too briefly to poll.
    private const string RecordReconnecting = """
        (() => {
          window.__reconnecting = [];
          const decoded = async () => {
            let frames = 0;
            for (const pc of window.__peerConnections ?? []) {
              if (pc.connectionState === 'closed') continue;
              for (const s of (await pc.getStats()).values())
                if (s.type === 'inbound-rtp' && s.kind === 'video') frames += s.framesDecoded ?? 0;
            }
            return frames;
          };
          let shown;
          new MutationObserver(async () => {
            const showing = document.querySelector('[data-testid=call-reconnecting]') !== null;
            if (showing && !shown) {
              shown = {};
              window.__reconnecting.push(shown);
              shown.framesWhenShown = await decoded();
            } else if (!showing && shown) {
              const gone = shown;
              shown = undefined;
              gone.framesWhenGone = await decoded();
            }
          }).observe(document, { childList: true, subtree: true });
        })();
        """;

    [Fact]
    public async Task A_deputy_on_one_server_and_a_handler_on_the_other_see_each_other_and_chat()
    {
        await servers.RunningAsync();
        await using var world = await CallWorld.ScheduleAsync(chromium.Browser, servers.A.BaseUrl);
        var deputy = await world.SignInAsync(DemoAccount.Deputy, output);
        var handler = await world.SignInAsync(DemoAccount.Handler, output, via: servers.B.BaseUrl);

        await InCallAsync(world, deputy, handler);

        await deputy.ByTestId("chat-input").FillAsync("您好，我在 A 服务器上。");
        await deputy.ByTestId("chat-send").ClickAsync();
        await Expect(handler.ByTestId("chat-text").Last).ToHaveTextAsync("您好，我在 A 服务器上。");
        await handler.ByTestId("chat-input").FillAsync("收到，我在 B 服务器上。");
        await handler.ByTestId("chat-send").ClickAsync();
        await Expect(deputy.ByTestId("chat-text").Last).ToHaveTextAsync("收到，我在 B 服务器上。");
    }

    [Fact]
    public async Task When_the_deputys_server_crashes_mid_call_the_page_reconnects_to_the_other_server_media_never_stops_and_a_screen_share_renegotiates()
    {
        await servers.RunningAsync();
        await using var world = await CallWorld.ScheduleAsync(chromium.Browser, servers.A.BaseUrl);
        // One address for each browser, as a load balancer gives: the deputy's leads to A, the handler's to B.
        await using var deputyAddress = LoopbackCable.To(servers.A.BaseUrl);
        await using var handlerAddress = LoopbackCable.To(servers.B.BaseUrl);
        var deputy = await world.SignInAsync(DemoAccount.Deputy, output, via: deputyAddress.Url);
        var handler = await world.SignInAsync(DemoAccount.Handler, output, via: handlerAddress.Url);
        await deputy.Context.AddInitScriptAsync(RecordReconnecting);
        await InCallAsync(world, deputy, handler);
        var made = await Task.WhenAll(new[] { deputy, handler }.Select(PeerConnectionsMadeAsync));

        // A crashes; the load balancer sends the new connections of the deputy's address to B.
        servers.CrashA();
        deputyAddress.Reroute(servers.B.BaseUrl);

        await deputy.Page.WaitForFunctionAsync("() => window.__reconnecting[0]?.framesWhenGone !== undefined", null, new() { Timeout = 20_000 });
        var outage = await deputy.Page.EvaluateAsync<JsonElement>("() => window.__reconnecting[0]");
        var (shown, gone) = (outage.GetProperty("framesWhenShown").GetInt64(), outage.GetProperty("framesWhenGone").GetInt64());
        output.WriteLine($"The deputy's page decoded {gone - shown} frames while it reconnected.");
        Assert.True(gone > shown, $"No video frame decoded while the deputy's page reconnected ({shown} frames before and after).");
        await Expect(deputy.ByTestId("call-reconnecting")).ToHaveCountAsync(0);
        await Expect(deputy.ByTestId("call-page")).ToHaveAttributeAsync("data-phase", "open");
        await Expect(handler.ByTestId("call-reconnecting")).ToHaveCountAsync(0);
        await Expect(handler.ByTestId($"call-tile-{world.ParticipantId(Deputy)}")).ToBeVisibleAsync();
        // Still the peer connections made before the crash: media was never dropped.
        Assert.Equal(made, await Task.WhenAll(new[] { deputy, handler }.Select(PeerConnectionsMadeAsync)));

        // The deputy's offer and answer now pass through B.
        await deputy.ByTestId("call-screen").ClickAsync();

        await Expect(handler.ByTestId($"call-screen-{world.ParticipantId(Deputy)}")).ToBeVisibleAsync();
        await handler.WaitForStatsAsync(s => s.Length == 1 && s[0].VideoStreamsDecoding == 2, "the deputy's shared screen decoded next to their camera");
    }

    [Fact]
    public async Task A_deputy_whose_server_crashed_while_they_closed_the_call_leaves_the_handlers_screen_and_the_call_report_within_a_few_heartbeats()
    {
        await servers.RunningAsync();
        await using var world = await CallWorld.ScheduleAsync(chromium.Browser, servers.A.BaseUrl);
        var deputy = await world.SignInAsync(DemoAccount.Deputy, output);
        var handler = await world.SignInAsync(DemoAccount.Handler, output, via: servers.B.BaseUrl);
        await InCallAsync(world, deputy, handler);
        var deputyTile = handler.ByTestId($"call-tile-{world.ParticipantId(Deputy)}");

        // A first, so that the page's leave reaches no server: only A knew the deputy's connection.
        servers.CrashA();
        var crashed = Stopwatch.StartNew();
        await deputy.Page.CloseAsync();

        // A's mark in Redis lapses after three heartbeats; B reads the room at its next one and tells the handler (two
        // seconds more for that news to reach the page and the page to redraw).
        await Expect(deputyTile).ToHaveCountAsync(0, new() { Timeout = (float)(Heartbeat(3 + 1) + TimeSpan.FromSeconds(2)).TotalMilliseconds });
        output.WriteLine($"The deputy's tile went {crashed.ElapsedMilliseconds} ms after their server crashed.");
        await Expect(handler.ByTestId("call-page")).ToHaveAttributeAsync("data-phase", "open");

        var report = await handler.Context.APIRequest.GetAsync($"/api/visits/{world.VisitId}/call");
        Assert.True(report.Ok, $"The call report answered {report.Status}.");
        var presence = JsonDocument.Parse(await report.TextAsync()).RootElement.GetProperty("participants").EnumerateArray()
            .Single(p => p.GetProperty("displayName").GetString() == Deputy);
        Assert.False(presence.GetProperty("inCallNow").GetBoolean());
        Assert.NotEqual(JsonValueKind.Null, presence.GetProperty("stays").EnumerateArray().Last().GetProperty("leftAtUtc").ValueKind);
    }

    private static Task<int> PeerConnectionsMadeAsync(CallParticipant person) =>
        person.Page.EvaluateAsync<int>("() => window.__peerConnections.length");

    private static TimeSpan Heartbeat(int count) => ScaleOutServers.Heartbeat * count;

    /// <summary>Both in the call, each decoding the other's video, each seeing the other's tile.</summary>
    private async Task InCallAsync(CallWorld world, CallParticipant deputy, CallParticipant handler)
    {
        await handler.OpenCallAsync(world.VisitId);
        await deputy.OpenCallAsync(world.VisitId);
        await Expect(handler.ByTestId($"call-tile-{world.ParticipantId(Deputy)}")).ToBeVisibleAsync();
        await Expect(deputy.ByTestId($"call-tile-{world.ParticipantId(Handler)}")).ToBeVisibleAsync();
        foreach (var person in new[] { deputy, handler })
            await person.WaitForStatsAsync(s => s.Length == 1 && s[0].State == "connected" && s[0].FramesDecoded > 0, "the other's video decoded");
    }
}
