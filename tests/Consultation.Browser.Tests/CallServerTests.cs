using Xunit.Abstractions;

namespace Consultation.Browser.Tests;

/// <summary>
/// Calls on a server of the test's own, so the shared one is not disturbed: a restart in the middle of a call,
/// and a server that makes every browser relay through coturn, which also goes away mid-call and comes back.
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
    public async Task With_the_relay_policy_the_call_connects_through_coturn_only_also_for_the_offer_made_while_joining_from_the_check()
    {
        await using var turn = await CoturnServer.StartAsync();
        // The deputy comes through the pre-call check: its first offer is made on "Join now" with the check's ICE
        // servers and policy, while Join is answered.
        await RelayedCallAsync(turn, async (handler, deputy) =>
        {
            foreach (var person in new[] { handler, deputy })
                await DecodedThroughTheRelayAsync(person, turn, framesAbove: 0);
        }, deputyFromCheck: true);
    }

    [Fact]
    public async Task When_the_relay_goes_away_mid_call_the_pages_restart_ice_and_media_flows_again_once_it_is_back()
    {
        await using var turn = await CoturnServer.StartAsync();
        await RelayedCallAsync(turn, async (handler, deputy) =>
        {
            var people = new[] { handler, deputy };
            foreach (var person in people)
                await DecodedThroughTheRelayAsync(person, turn, framesAbove: 0);
            var ufrags = await Task.WhenAll(people.Select(p => p.Page.EvaluateAsync<string>(LocalIceUfrag)));

            // The only path between them is gone: both pages say they are reconnecting, and restart ICE.
            await turn.StopAsync();
            foreach (var person in people)
                await Expect(person.ByTestId("call-reconnecting")).ToBeVisibleAsync(new() { Timeout = 30_000 });
            var decoded = (await Task.WhenAll(people.Select(p => p.StatsAsync()))).Select(s => s.Sum(x => x.FramesDecoded)).ToArray();

            await turn.StartAgainAsync();
            for (var i = 0; i < people.Length; i++)
            {
                await DecodedThroughTheRelayAsync(people[i], turn, framesAbove: decoded[i] + 50, timeoutMs: 60_000);
                // New ICE credentials: the connection was restarted, not merely resumed.
                Assert.NotEqual(ufrags[i], await people[i].Page.EvaluateAsync<string>(LocalIceUfrag));
                await Expect(people[i].ByTestId("call-reconnecting")).ToHaveCountAsync(0);
            }
        });
    }

    // The ICE username fragment in the local description of the page's live peer connection: an ICE restart changes it.
    private const string LocalIceUfrag = """
        () => window.__peerConnections.find((pc) => pc.connectionState !== 'closed')?.localDescription?.sdp.match(/a=ice-ufrag:(\S+)/)?.[1] ?? ''
        """;

    /// <summary>The lead handler and the deputy in a call, on a server of its own that makes every browser relay through <paramref name="turn"/>.</summary>
    private async Task RelayedCallAsync(CoturnServer turn, Func<CallParticipant, CallParticipant, Task> call, bool deputyFromCheck = false)
    {
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
            if (deputyFromCheck)
                await deputy.JoinFromCheckAsync(world.VisitId);
            else
                await deputy.OpenCallAsync(world.VisitId);
            await call(handler, deputy);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    private static async Task DecodedThroughTheRelayAsync(CallParticipant person, CoturnServer turn, long framesAbove, int timeoutMs = 20_000)
    {
        var stats = await person.WaitForStatsAsync(s => s.Length == 1 && s[0].State == "connected" && s[0].FramesDecoded > framesAbove,
            $"a relayed call decoded more than {framesAbove} frames (coturn log: {turn.Log()})", timeoutMs);
        Assert.Equal("relay", stats[0].LocalCandidateType);
    }
}
