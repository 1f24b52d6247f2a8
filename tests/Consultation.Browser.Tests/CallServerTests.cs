using Xunit.Abstractions;

namespace Consultation.Browser.Tests;

/// <summary>
/// Calls on a server of the test's own, so the shared one is not disturbed: a restart in the middle of a call,
/// and a server that makes every browser relay through coturn.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class CallServerTests(ChromiumFixture chromium, ITestOutputHelper output)
{
    private const string Handler = "刘伟";

    [Fact]
    public async Task Media_keeps_flowing_while_the_server_restarts_then_signaling_reconnects_and_a_screen_share_renegotiates()
    {
        var server = new ServerFixture(new Dictionary<string, string>());
        await server.InitializeAsync();
        try
        {
            await using var world = await CallWorld.ScheduleAsync(chromium.Browser, server.BaseUrl);
            var handler = await world.SignInAsync(DemoAccount.Handler, output);
            var deputy = await world.SignInAsync(DemoAccount.Deputy, output);
            await handler.OpenCallAsync(world.VisitId);
            await deputy.OpenCallAsync(world.VisitId);
            var before = (await deputy.WaitForStatsAsync(s => s.Length == 1 && s[0].State == "connected" && s[0].FramesDecoded > 0, "the call connected"))[0];

            server.Stop();

            await Expect(deputy.ByTestId("call-reconnecting")).ToBeVisibleAsync();
            await Expect(handler.ByTestId("call-reconnecting")).ToBeVisibleAsync();
            var during = (await deputy.WaitForStatsAsync(s => s.Length == 1 && s[0].FramesDecoded > before.FramesDecoded + 30,
                "frames decoded during the outage"))[0];
            Assert.Equal("connected", during.State);
            await Expect(deputy.ByTestId("call-reconnecting")).ToBeVisibleAsync();

            await server.StartAgainAsync();

            await Expect(deputy.ByTestId("call-reconnecting")).ToBeHiddenAsync(new() { Timeout = 30_000 });
            await Expect(handler.ByTestId("call-reconnecting")).ToBeHiddenAsync(new() { Timeout = 30_000 });
            await Expect(handler.ByTestId("call-page")).ToHaveAttributeAsync("data-phase", "open");
            // Still the same peer connection: media was never dropped.
            Assert.Single(await deputy.StatsAsync());

            await handler.ByTestId("call-screen").ClickAsync();

            await Expect(deputy.ByTestId($"call-screen-{world.ParticipantId(Handler)}")).ToBeVisibleAsync();
            await deputy.WaitForStatsAsync(s => s.Length == 1 && s[0].VideoStreamsDecoding == 2, "the shared screen decoded next to the camera");
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task With_the_relay_policy_the_call_connects_through_coturn_only()
    {
        await using var turn = await CoturnServer.StartAsync();
        var settings = turn.ServerSettings();
        settings["Calls__IceTransportPolicy"] = "relay";
        var server = new ServerFixture(settings);
        await server.InitializeAsync();
        try
        {
            await using var world = await CallWorld.ScheduleAsync(chromium.Browser, server.BaseUrl);
            var handler = await world.SignInAsync(DemoAccount.Handler, output);
            var deputy = await world.SignInAsync(DemoAccount.Deputy, output);

            await handler.OpenCallAsync(world.VisitId);
            await deputy.OpenCallAsync(world.VisitId);

            foreach (var person in new[] { handler, deputy })
            {
                var stats = await person.WaitForStatsAsync(s => s.Length == 1 && s[0].State == "connected" && s[0].FramesDecoded > 0,
                    $"a relayed call decoded (coturn log: {turn.Log()})");
                Assert.Equal("relay", stats[0].LocalCandidateType);
            }
        }
        finally
        {
            await server.DisposeAsync();
        }
    }
}
