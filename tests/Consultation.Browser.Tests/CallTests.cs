using System.Diagnostics;
using Xunit.Abstractions;

namespace Consultation.Browser.Tests;

/// <summary>
/// Video visits between real Chromium pages on loopback: lobby, mesh calls, chat, ending. Assertions read the
/// pages' own RTCPeerConnection.getStats(), polled with timeouts, never sleeps.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class CallTests(ServerFixture server, ChromiumFixture chromium, ITestOutputHelper output)
{
    private const string Handler = "刘伟";
    private const string Deputy = "李建国";
    private const string Office = "王敏";
    private const string SecondHandler = "陈静";

    private static bool Decoding(PeerStats s) => s.State == "connected" && s.FramesDecoded > 0 && s.AudioPackets > 0;

    [Fact]
    public async Task The_deputy_waits_in_the_lobby_the_handler_elsewhere_in_the_app_is_told_says_when_and_joins_then_both_decode_each_others_video_and_audio()
    {
        await using var world = await CallWorld.ScheduleAsync(chromium.Browser, server.BaseUrl);
        var deputy = await world.SignInAsync(DemoAccount.Deputy, output, phone: true);
        var handler = await world.SignInAsync(DemoAccount.Handler, output);
        await handler.Page.GotoAsync("/visits");
        await Expect(handler.Page.GetByTestId("notification-bell")).ToBeVisibleAsync();

        await deputy.OpenCallAsync(world.VisitId);
        var lobby = deputy.ByTestId("call-lobby");
        await Expect(lobby).ToBeVisibleAsync();
        await Expect(lobby.GetByTestId("lobby-expected")).ToContainTextAsync(Handler);
        await Expect(lobby.GetByTestId("lobby-when")).ToContainTextAsync("回访开始时间");
        Assert.Empty(await deputy.StatsAsync());

        // The handler, on another page of the app, is told at once who waits, and goes in from there.
        var waiting = handler.Page.Locator($"[data-testid=lobby-waiting][data-visit='{world.VisitId}']");
        await Expect(waiting).ToContainTextAsync($"{Deputy} 已在");
        // Running late, the handler first says so; the deputy reads it in the lobby.
        await waiting.GetByTestId("lobby-waiting-soon").ClickAsync();
        await Expect(lobby.GetByTestId("lobby-notes")).ToHaveTextAsync($"{Handler}：请稍候，我约 5 分钟后进入。");
        await waiting.GetByTestId("lobby-waiting-join").ClickAsync();
        await handler.JoinFromCheckAsync(world.VisitId, alreadyThere: true);

        await Expect(lobby).ToBeHiddenAsync();
        await deputy.WaitForStatsAsync(s => s.Length == 1 && Decoding(s[0]), "the handler's video and audio decoded");
        await handler.WaitForStatsAsync(s => s.Length == 1 && Decoding(s[0]), "the deputy's video and audio decoded");
        var handlerTile = deputy.ByTestId($"call-tile-{world.ParticipantId(Handler)}");
        await Expect(handlerTile.GetByTestId("tile-name")).ToHaveTextAsync(Handler);
        await Expect(handlerTile).ToContainTextAsync("主办单位");
        await Expect(handler.ByTestId($"call-tile-{world.ParticipantId(Deputy)}").GetByTestId("tile-name")).ToHaveTextAsync(Deputy);
        await Expect(handlerTile.GetByTestId("tile-quality")).Not.ToHaveAttributeAsync("data-level", "unknown");

        // On the deputy's phone: the self-view small in a corner, the buttons large enough for a thumb.
        var self = await deputy.ByTestId("call-tile-self").BoundingBoxAsync();
        Assert.True(self!.Width < 375 * 0.4, $"self-view {self.Width} px wide on a 375 px screen");
        var leave = await deputy.ByTestId("call-leave").BoundingBoxAsync();
        Assert.True(leave!.Height >= 48, $"Leave is {leave.Height} px high");
        // The self-view is seen whole: above the buttons, on the screen.
        var buttons = await deputy.ByTestId("call-controls").BoundingBoxAsync();
        Assert.True(self.Y >= 0 && self.Y + self.Height <= buttons!.Y, $"self-view from y {self.Y} to {self.Y + self.Height}, buttons from y {buttons!.Y}");
        Assert.True(buttons.Y + buttons.Height <= 812, $"buttons end at y {buttons.Y + buttons.Height} on a 812 px screen");
        // On the handler's wide screen the two of them share the stage side by side, the deputy at least a third of
        // the window wide, with the buttons below on the screen.
        var window = handler.Page.ViewportSize!;
        var deputyTile = await handler.ByTestId($"call-tile-{world.ParticipantId(Deputy)}").BoundingBoxAsync();
        var handlerSelf = await handler.ByTestId("call-tile-self").BoundingBoxAsync();
        var handlerButtons = await handler.ByTestId("call-controls").BoundingBoxAsync();
        Assert.True(deputyTile!.Width >= window.Width / 3.0 && Math.Abs(deputyTile.Y - handlerSelf!.Y) < 1,
            $"the deputy's tile {deputyTile.Width} px wide at y {deputyTile.Y}, the self-view at y {handlerSelf!.Y}, in a {window.Width} px window");
        Assert.True(handlerButtons!.Y + handlerButtons.Height <= window.Height, $"buttons end at y {handlerButtons.Y + handlerButtons.Height} of {window.Height}");

        // Muting is seen by the other side.
        await deputy.ByTestId("call-mute").ClickAsync();
        await Expect(handler.ByTestId($"call-tile-{world.ParticipantId(Deputy)}").GetByTestId("tile-mic-off")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Three_participants_connect_every_pair_and_every_tile_plays()
    {
        await using var world = await CallWorld.ScheduleAsync(chromium.Browser, server.BaseUrl, Office);
        var people = new[]
        {
            await world.SignInAsync(DemoAccount.Handler, output),
            await world.SignInAsync(DemoAccount.Deputy, output),
            await world.SignInAsync(DemoAccount.Office, output),
        };

        foreach (var person in people)
            await person.OpenCallAsync(world.VisitId);

        foreach (var person in people)
        {
            await person.WaitForStatsAsync(s => s.Count(Decoding) == 2, "both others decoded");
            var others = people.Where(p => p != person).Select(p => p.Account).ToArray();
            foreach (var name in new[] { Handler, Deputy, Office }.Where(n => others.Any(o => NameOf(o) == n)))
            {
                var video = person.ByTestId($"call-tile-{world.ParticipantId(name)}").GetByTestId("tile-video");
                await Expect(video).ToHaveJSPropertyAsync("paused", false);
                await person.Page.WaitForFunctionAsync("v => v.readyState >= 2 && v.videoWidth > 0", await video.ElementHandleAsync());
            }
        }

        // The office's browser is closed without leaving: the others see them go.
        await people[2].Context.CloseAsync();
        foreach (var person in people[..2])
            await Expect(person.ByTestId($"call-tile-{world.ParticipantId(Office)}")).ToHaveCountAsync(0, new() { Timeout = 35_000 });
        await people[0].WaitForStatsAsync(s => s.Length == 1 && Decoding(s[0]), "the deputy still decoded");
    }

    [Fact]
    public async Task In_a_call_of_four_everyone_sends_each_other_a_smaller_picture_a_phone_shows_all_three_others_and_a_full_picture_comes_back_once_someone_leaves()
    {
        await using var world = await CallWorld.ScheduleAsync(chromium.Browser, server.BaseUrl, Office, SecondHandler);
        var people = new[]
        {
            await world.SignInAsync(DemoAccount.Handler, output),
            await world.SignInAsync(DemoAccount.Deputy, output, phone: true),
            await world.SignInAsync(DemoAccount.Office, output),
            await world.SignInAsync(DemoAccount.SecondHandler, output),
        };
        foreach (var person in people)
            await person.OpenCallAsync(world.VisitId);

        // Each sends three copies of a 640×480 camera: at two thirds of the size, so everyone receives at most 427 wide.
        foreach (var person in people)
        {
            await person.WaitForStatsAsync(s => s.Count(Decoding) == 3, "the three others decoded", timeoutMs: 40_000);
            await person.Page.WaitForFunctionAsync(
                $"async () => {{ const w = await ({ReceivedWidths})(); return w.length === 3 && w.every((x) => x > 0 && x <= 427); }}", null, new() { Timeout = 20_000, PollingInterval = 250 });
            Assert.Equal(new[] { 1.5, 1.5, 1.5 }, await person.Page.EvaluateAsync<double[]>(CameraScales));
        }

        // On the deputy's phone the three others are all on the screen, two abreast, above the buttons.
        var buttons = await people[1].ByTestId("call-controls").BoundingBoxAsync();
        foreach (var name in new[] { Handler, Office, SecondHandler })
        {
            var tile = await people[1].ByTestId($"call-tile-{world.ParticipantId(name)}").BoundingBoxAsync();
            Assert.True(tile!.Width < 375 / 2 && tile.Y + tile.Height <= buttons!.Y, $"{name}'s tile {tile.Width}×{tile.Height} at y {tile.Y}, buttons at y {buttons!.Y}");
        }

        // On the handler's wide screen the four of them sit two by two.
        var columns = new HashSet<double>();
        foreach (var tile in await people[0].Page.Locator("[data-testid^=call-tile-]").AllAsync())
            columns.Add(Math.Round((await tile.BoundingBoxAsync())!.X));
        Assert.Equal(2, columns.Count);

        // The office's browser is closed: the three left send each other their camera at full size again.
        await people[2].Context.CloseAsync();
        foreach (var person in new[] { people[0], people[1], people[3] })
        {
            await Expect(person.ByTestId($"call-tile-{world.ParticipantId(Office)}")).ToHaveCountAsync(0, new() { Timeout = 35_000 });
            await person.Page.WaitForFunctionAsync($"async () => JSON.stringify(await ({CameraScales})()) === '[1,1]'",
                null, new() { Timeout = 10_000, PollingInterval = 250 });
        }
    }

    // The width of the video each live peer connection of the page receives, as decoded.
    private const string ReceivedWidths = """
        async () => {
          const widths = [];
          for (const pc of window.__peerConnections.filter((pc) => pc.connectionState === 'connected')) {
            const video = [...(await pc.getStats()).values()].filter((s) => s.type === 'inbound-rtp' && s.kind === 'video');
            widths.push(Math.max(0, ...video.map((s) => s.frameWidth ?? 0)));
          }
          return widths;
        }
        """;

    // How much each live peer connection of the page scales the camera it sends down by.
    private const string CameraScales = """
        async () => window.__peerConnections.filter((pc) => pc.connectionState === 'connected')
          .flatMap((pc) => pc.getSenders().filter((s) => s.track?.kind === 'video'))
          .map((s) => s.getParameters().encodings[0]?.scaleResolutionDownBy ?? 1)
        """;

    [Fact]
    public async Task A_participant_whose_network_is_lost_disappears_from_the_others_screens_within_the_client_timeout()
    {
        await using var world = await CallWorld.ScheduleAsync(chromium.Browser, server.BaseUrl);
        await using var cable = LoopbackCable.To(server.BaseUrl);
        var handler = await world.SignInAsync(DemoAccount.Handler, output);
        var deputy = await world.SignInAsync(DemoAccount.Deputy, output, phone: true, via: cable.Url);
        await handler.OpenCallAsync(world.VisitId);
        await deputy.OpenCallAsync(world.VisitId);
        await handler.WaitForStatsAsync(s => s.Length == 1 && Decoding(s[0]), "the deputy's video and audio decoded");
        var deputyTile = handler.ByTestId($"call-tile-{world.ParticipantId(Deputy)}");
        await Expect(deputyTile).ToBeVisibleAsync();

        // The phone loses its network, then its browser: no leave, no closed connection ever reaches the server,
        // and no goodbye reaches the handler's peer connection (the page dies without closing it).
        cable.Cut();
        var lost = Stopwatch.StartNew();
        var devTools = await deputy.Context.NewCDPSessionAsync(deputy.Page);
        _ = devTools.SendAsync("Page.crash");

        // Meanwhile the handler sees the deputy's connection being restored; then, within SignalR's client timeout
        // (30 s) and the time to notice it, the deputy is gone.
        await Expect(deputyTile.GetByTestId("tile-reconnecting")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Expect(deputyTile).ToHaveCountAsync(0, new() { Timeout = 40_000 });
        output.WriteLine($"The deputy's tile went {lost.ElapsedMilliseconds} ms after the network was lost.");
        await Expect(handler.ByTestId("call-reconnecting")).ToHaveCountAsync(0);
        await Expect(handler.ByTestId("call-page")).ToHaveAttributeAsync("data-phase", "open");
    }

    [Fact]
    public async Task On_the_check_the_deputy_sees_who_is_in_the_call_picks_camera_microphone_and_speaker_hears_the_test_tone_there_the_call_uses_them_and_the_camera_can_be_switched()
    {
        await using var world = await CallWorld.ScheduleAsync(chromium.Browser, server.BaseUrl);
        var handler = await world.SignInAsync(DemoAccount.Handler, output);
        var deputy = await world.SignInAsync(DemoAccount.Deputy, output);
        // Which speaker each sound of the page is sent to.
        await deputy.Context.AddInitScriptAsync("""
            (() => {
              const setSinkId = HTMLMediaElement.prototype.setSinkId;
              window.__sinks = [];
              HTMLMediaElement.prototype.setSinkId = function (id) { window.__sinks.push(id); return setSinkId.call(this, id); };
            })();
            """);
        await handler.OpenCallAsync(world.VisitId);
        var page = deputy.Page;
        await page.GotoAsync($"/visits/{world.VisitId}/check");
        // The check says who is in the call already.
        await Expect(page.GetByTestId("precheck-present")).ToHaveTextAsync($"已在通话中：{Handler}（主办单位）");
        var camera = page.GetByTestId("precheck-camera");
        var microphone = page.GetByTestId("precheck-microphone");
        var speaker = page.GetByTestId("precheck-speaker");
        // Chromium's fake devices: three microphones and three speakers; "system default" is offered once.
        await Expect(microphone.Locator("option")).ToHaveTextAsync(["系统默认", "Fake Audio Input 1", "Fake Audio Input 2"]);
        await Expect(speaker.Locator("option")).ToHaveTextAsync(["系统默认", "Fake Audio Output 1", "Fake Audio Output 2"]);

        await camera.SelectOptionAsync(new SelectOptionValue { Label = "fake_device_2" });
        await microphone.SelectOptionAsync(new SelectOptionValue { Label = "Fake Audio Input 2" });
        await speaker.SelectOptionAsync(new SelectOptionValue { Label = "Fake Audio Output 1" });
        var microphoneId = await microphone.InputValueAsync();
        var speakerId = await speaker.InputValueAsync();
        await page.WaitForFunctionAsync(
            "id => document.querySelector('[data-testid=precheck-preview]')?.srcObject?.getAudioTracks()[0]?.getSettings().deviceId === id", microphoneId);
        await page.WaitForFunctionAsync("() => Number(document.querySelector('[data-testid=precheck-meter]')?.dataset.peak) > 0.05");
        await page.GetByTestId("precheck-tone").ClickAsync();
        await Expect(page.GetByTestId("precheck-tone")).ToHaveAttributeAsync("data-state", "played");
        await Expect(page.GetByText("没有听到“叮咚”声？")).ToBeVisibleAsync();
        Assert.Equal([speakerId], await page.EvaluateAsync<string[]>("() => window.__sinks"));

        // Remembered on this device: the check opened again shows the same choice.
        await page.ReloadAsync();
        await Expect(camera.Locator("option:checked")).ToHaveTextAsync("fake_device_2");
        await Expect(microphone).ToHaveValueAsync(microphoneId);
        await Expect(speaker).ToHaveValueAsync(speakerId);

        await Expect(page.GetByTestId("precheck-network")).ToHaveAttributeAsync("data-state", "done", new() { Timeout = 30_000 });
        await page.GetByTestId("precheck-join").ClickAsync();
        await deputy.WaitForStatsAsync(s => s.Length == 1 && Decoding(s[0]), "the handler's video and audio decoded");
        // The handler is heard on the chosen speaker, and hears the chosen microphone.
        await Expect(deputy.ByTestId($"call-tile-{world.ParticipantId(Handler)}").GetByTestId("tile-video")).ToHaveJSPropertyAsync("sinkId", speakerId);
        Assert.Equal(microphoneId, await page.EvaluateAsync<string>("""
            () => window.__peerConnections.find((pc) => pc.connectionState === 'connected')
              .getSenders().find((s) => s.track?.kind === 'audio').track.getSettings().deviceId
            """));

        // In the call the deputy turns to another camera, to show something: the handler goes on seeing the deputy's
        // picture, now from that camera, and so does the self-view.
        Assert.Equal(["fake_device_2", "fake_device_2"], await CamerasInUse(deputy));
        await deputy.ByTestId("call-switch-camera").ClickAsync();
        await page.WaitForFunctionAsync($"() => ({CamerasInUseScript})().every((label) => label === 'fake_device_0')");
        var decoded = (await handler.StatsAsync()).Single().FramesDecoded;
        await handler.WaitForStatsAsync(s => s.Single().FramesDecoded > decoded + 20, "the deputy's other camera decoded");
    }

    /// <summary>The camera a page sends to each connection, and the one its self-view shows.</summary>
    private const string CamerasInUseScript = """
        () => [
          ...window.__peerConnections.filter((pc) => pc.connectionState !== 'closed')
            .flatMap((pc) => pc.getSenders()).filter((s) => s.track?.kind === 'video').map((s) => s.track.label),
          document.querySelector('[data-testid=call-tile-self] video').srcObject.getVideoTracks()[0]?.label,
        ]
        """;

    private static Task<string[]> CamerasInUse(CallParticipant p) => p.Page.EvaluateAsync<string[]>(CamerasInUseScript);

    [Fact]
    public async Task A_chat_message_with_markup_shows_as_text_to_everyone_only_the_lead_handler_ends_the_visit_and_its_record_keeps_who_came_and_the_chat()
    {
        const string payload = "<img src=x onerror=alert(1)><script>alert(2)</script>";
        await using var world = await CallWorld.ScheduleAsync(chromium.Browser, server.BaseUrl);
        var handler = await world.SignInAsync(DemoAccount.Handler, output);
        var deputy = await world.SignInAsync(DemoAccount.Deputy, output);
        await handler.OpenCallAsync(world.VisitId);
        await deputy.OpenCallAsync(world.VisitId);
        await Expect(deputy.ByTestId("call-page")).ToHaveAttributeAsync("data-phase", "open");

        await deputy.ByTestId("chat-input").FillAsync(payload);
        await deputy.ByTestId("chat-send").ClickAsync();

        foreach (var person in new[] { handler, deputy })
        {
            var line = person.ByTestId("chat-line").Last;
            await Expect(line.GetByTestId("chat-text")).ToHaveTextAsync(payload);
            await Expect(line).ToContainTextAsync(Deputy);
            await Expect(person.ByTestId("call-chat").Locator("img, script")).ToHaveCountAsync(0);
            Assert.Empty(person.Dialogs);
        }

        // Someone who joins later reads what was said.
        await deputy.Page.ReloadAsync();
        await Expect(deputy.ByTestId("chat-text").Last).ToHaveTextAsync(payload);
        Assert.Empty(deputy.Dialogs);

        await Expect(deputy.ByTestId("call-end")).ToHaveCountAsync(0);
        await handler.ByTestId("call-end").ClickAsync();
        // The confirmation's own button (the one that opened it has the same name).
        var confirm = handler.Page.Locator(".el-popconfirm").GetByRole(AriaRole.Button, new() { Name = "结束回访" });
        await Expect(confirm).ToBeVisibleAsync();
        await confirm.ClickAsync();
        await Expect(deputy.ByTestId("call-closed")).ToBeVisibleAsync();
        await Expect(handler.ByTestId("call-closed")).ToBeVisibleAsync();
        await deputy.Page.ReloadAsync();
        await Expect(deputy.ByTestId("call-refused")).ToHaveAttributeAsync("data-reason", "ended");

        // The visit's page keeps the call's record for the handler: both were in the room, the handler's connection
        // summary, and the chat, as text.
        await handler.Page.GotoAsync($"/visits/{world.VisitId}");
        var record = handler.ByTestId("call-report");
        foreach (var name in new[] { Handler, Deputy })
        {
            var person = record.GetByTestId($"call-report-person-{world.ParticipantId(name)}");
            await Expect(person).ToContainTextAsync(name);
            await Expect(person.GetByTestId("report-time")).ToContainTextAsync("在通话中");
            await Expect(person.GetByTestId("report-stays")).ToBeVisibleAsync();
        }
        await Expect(record.GetByTestId($"call-report-person-{world.ParticipantId(Handler)}").GetByTestId("report-quality"))
            .ToContainTextAsync("直连");
        await Expect(record.GetByTestId("call-report-chat")).ToContainTextAsync(payload);
        await Expect(record.Locator("img, script")).ToHaveCountAsync(0);
        Assert.Empty(handler.Dialogs);
        // Not on the deputy's page.
        await deputy.Page.GotoAsync($"/visits/{world.VisitId}");
        await Expect(deputy.ByTestId("visit-participants")).ToBeVisibleAsync();
        await Expect(deputy.ByTestId("call-report")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task An_outsider_is_refused_with_what_to_do_next()
    {
        await using var world = await CallWorld.ScheduleAsync(chromium.Browser, server.BaseUrl);
        var outsider = await world.SignInAsync(new DemoAccount("handler.education", "handler", "/handler"), output);

        await outsider.OpenCallAsync(world.VisitId);

        var refused = outsider.ByTestId("call-refused");
        await Expect(refused).ToHaveAttributeAsync("data-reason", "notParticipant");
        await Expect(refused).ToContainTextAsync("请从发给您本人的邀请中打开链接");
        Assert.Empty(await outsider.StatsAsync());
    }

    private static string NameOf(DemoAccount account) => account.UserName switch
    {
        "handler.transport" => Handler,
        "deputy.li" => Deputy,
        _ => Office,
    };
}
