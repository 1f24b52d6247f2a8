using Xunit.Abstractions;

namespace Consultation.Browser.Tests;

/// <summary>
/// A deputy whose camera and microphone are refused still takes part in a video visit: they see and hear the
/// handler, are seen by the handler as a tile without video, and are sent once they turn the devices on.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class CallWithoutMediaTests(ServerFixture server, ChromiumFixture chromium, ITestOutputHelper output)
{
    private const string Deputy = "李建国", Handler = "刘伟";

    private static bool Decoding(PeerStats s) => s.State == "connected" && s.FramesDecoded > 0 && s.AudioPackets > 0;

    [Fact]
    public async Task A_deputy_who_joins_without_camera_and_microphone_sees_and_hears_the_handler_and_is_sent_once_they_turn_them_on()
    {
        await using var world = await CallWorld.ScheduleAsync(chromium.Browser, server.BaseUrl);
        var handler = await world.SignInAsync(DemoAccount.Handler, output);
        var deputy = await world.SignInAsync(DemoAccount.Deputy, output, refuseMedia: true);
        await handler.OpenCallAsync(world.VisitId);
        await Expect(handler.ByTestId("call-page")).ToHaveAttributeAsync("data-phase", "open");

        // The deputy joins the open room: the one who joins offers.
        await deputy.OpenCallAsync(world.VisitId);

        await Expect(deputy.ByTestId("call-no-media")).ToBeVisibleAsync();
        await deputy.WaitForStatsAsync(s => s.Length == 1 && Decoding(s[0]), "the handler's video and audio decoded");
        var deputyTile = handler.ByTestId($"call-tile-{world.ParticipantId(Deputy)}");
        await Expect(deputyTile.GetByTestId("tile-name")).ToHaveTextAsync(Deputy);
        await Expect(deputyTile.GetByTestId("tile-camera-off")).ToBeVisibleAsync();
        await Expect(deputyTile.GetByTestId("tile-mic-off")).ToBeVisibleAsync();
        await Expect(deputyTile.GetByTestId("tile-waiting")).ToHaveCountAsync(0);
        var connected = await handler.WaitForStatsAsync(s => s.Length == 1 && s[0].State == "connected", "connected to the deputy");
        Assert.Equal(0, connected[0].FramesDecoded);

        // Allowed in the address bar, then turned on with the call's buttons: sent on the same connection.
        await deputy.AllowMediaAsync();
        await deputy.ByTestId("call-camera").ClickAsync();
        await deputy.ByTestId("call-mute").ClickAsync();

        await Expect(deputy.ByTestId("call-no-media")).ToBeHiddenAsync();
        await handler.WaitForStatsAsync(s => s.Length == 1 && Decoding(s[0]), "the deputy's video and audio decoded");
        await Expect(deputyTile.GetByTestId("tile-camera-off")).ToHaveCountAsync(0);
        await Expect(deputyTile.GetByTestId("tile-mic-off")).ToHaveCountAsync(0);
        await Expect(deputyTile.GetByTestId("tile-video")).ToHaveJSPropertyAsync("paused", false);
    }

    [Fact]
    public async Task A_handler_without_camera_and_microphone_shares_a_document_and_the_deputy_sees_it_as_a_screen()
    {
        await using var world = await CallWorld.ScheduleAsync(chromium.Browser, server.BaseUrl);
        var handler = await world.SignInAsync(DemoAccount.Handler, output, refuseMedia: true);
        var deputy = await world.SignInAsync(DemoAccount.Deputy, output);
        await handler.OpenCallAsync(world.VisitId);
        await deputy.OpenCallAsync(world.VisitId);
        await handler.WaitForStatsAsync(s => s.Length == 1 && Decoding(s[0]), "the deputy's video and audio decoded");

        // A desk computer without camera: the screen is the only video the handler sends.
        await handler.ByTestId("call-screen").ClickAsync();

        var screenTile = deputy.ByTestId($"call-screen-{world.ParticipantId(Handler)}");
        await Expect(screenTile).ToBeVisibleAsync();
        await Expect(screenTile.GetByTestId("tile-video")).ToHaveJSPropertyAsync("paused", false);
        await deputy.Page.WaitForFunctionAsync(
            "(id) => document.querySelector(`[data-testid=call-screen-${id}] [data-testid=tile-video]`)?.videoWidth > 0", world.ParticipantId(Handler));
        // The handler's own tile still says the camera is off, and shows no video.
        var handlerTile = deputy.ByTestId($"call-tile-{world.ParticipantId(Handler)}");
        await Expect(handlerTile.GetByTestId("tile-camera-off")).ToBeVisibleAsync();
        Assert.True(await handlerTile.GetByTestId("tile-video").EvaluateAsync<bool>("(v) => v.srcObject === null"));
    }

    [Fact]
    public async Task A_deputy_without_camera_and_microphone_waiting_in_the_lobby_sees_and_hears_the_handler_who_joins_and_is_seen_once_the_camera_is_on()
    {
        await using var world = await CallWorld.ScheduleAsync(chromium.Browser, server.BaseUrl);
        var deputy = await world.SignInAsync(DemoAccount.Deputy, output, refuseMedia: true);
        var handler = await world.SignInAsync(DemoAccount.Handler, output);
        await deputy.OpenCallAsync(world.VisitId);
        await Expect(deputy.ByTestId("call-lobby")).ToBeVisibleAsync();

        // The handler joins and offers to the deputy, who has nothing to send.
        await handler.OpenCallAsync(world.VisitId);

        await deputy.WaitForStatsAsync(s => s.Length == 1 && Decoding(s[0]), "the handler's video and audio decoded");
        var deputyTile = handler.ByTestId($"call-tile-{world.ParticipantId(Deputy)}");
        await Expect(deputyTile.GetByTestId("tile-camera-off")).ToBeVisibleAsync();

        // The deputy, who answered with nothing to send, turns the camera on: they offer it themselves.
        await deputy.AllowMediaAsync();
        await deputy.ByTestId("call-camera").ClickAsync();

        await handler.WaitForStatsAsync(s => s.Length == 1 && s[0] is { State: "connected", FramesDecoded: > 0 }, "the deputy's video decoded");
        await Expect(deputyTile.GetByTestId("tile-camera-off")).ToHaveCountAsync(0);
        await Expect(deputyTile.GetByTestId("tile-mic-off")).ToBeVisibleAsync();
    }
}
