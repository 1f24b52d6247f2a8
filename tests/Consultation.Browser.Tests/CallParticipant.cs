using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Consultation.Browser.Tests;

/// <summary>What one peer connection of a page measured: the numbers the call tests assert on.</summary>
public sealed record PeerStats(string State, long FramesDecoded, int VideoStreamsDecoding, long AudioPackets, string? LocalCandidateType);

/// <summary>
/// One person in a call, in a browser context of their own (their own cookie, camera and microphone: Chromium's
/// fake devices). Every RTCPeerConnection the page makes is recorded by an init script so its getStats() can be read.
/// </summary>
public sealed class CallParticipant : IAsyncDisposable
{
    // Records the page's peer connections; changes nothing else.
    private const string RecordPeerConnections = """
        (() => {
          const Native = window.RTCPeerConnection;
          window.__peerConnections = [];
          window.RTCPeerConnection = class extends Native {
            constructor(...args) { super(...args); window.__peerConnections.push(this); }
          };
        })();
        """;

    // The camera and microphone refused, as the browser does when the person blocked them, until the test allows them
    // (window.__allowMedia = true, as after allowing them in the address bar).
    private const string RefuseMedia = """
        (() => {
          const devices = navigator.mediaDevices;
          const open = devices.getUserMedia.bind(devices);
          window.__allowMedia = false;
          devices.getUserMedia = (constraints) => window.__allowMedia
            ? open(constraints)
            : Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
        })();
        """;

    private const string ReadStats = """
        async () => {
          const out = [];
          for (const pc of window.__peerConnections ?? []) {
            if (pc.connectionState === 'closed') continue;
            const stats = [...(await pc.getStats()).values()];
            const video = stats.filter((s) => s.type === 'inbound-rtp' && s.kind === 'video');
            const audio = stats.filter((s) => s.type === 'inbound-rtp' && s.kind === 'audio');
            const transport = stats.find((s) => s.type === 'transport' && s.selectedCandidatePairId);
            const pair = stats.find((s) => s.id === transport?.selectedCandidatePairId);
            const local = stats.find((s) => s.id === pair?.localCandidateId);
            out.push({
              state: pc.connectionState,
              framesDecoded: video.reduce((n, s) => n + (s.framesDecoded ?? 0), 0),
              videoStreamsDecoding: video.filter((s) => (s.framesDecoded ?? 0) > 0).length,
              audioPackets: audio.reduce((n, s) => n + (s.packetsReceived ?? 0), 0),
              localCandidateType: local?.candidateType ?? null,
            });
          }
          return out;
        }
        """;

    private CallParticipant(IBrowserContext context, IPage page, DemoAccount account) => (Context, Page, Account) = (context, page, account);

    public IBrowserContext Context { get; }
    public IPage Page { get; }
    public DemoAccount Account { get; }

    /// <summary>Script dialogs (alert, confirm) the page opened: none may come from chat text.</summary>
    public List<string> Dialogs { get; } = [];

    public static async Task<CallParticipant> SignInAsync(
        IBrowser browser, Uri baseUrl, DemoAccount account, ITestOutputHelper? log, bool phone = false, bool refuseMedia = false)
    {
        var context = await browser.NewContextAsync(phone
            ? new() { BaseURL = baseUrl.ToString(), ViewportSize = new() { Width = 375, Height = 812 }, IsMobile = true, HasTouch = true }
            : new() { BaseURL = baseUrl.ToString() });
        context.SetDefaultTimeout(15_000);
        await context.AddInitScriptAsync(RecordPeerConnections);
        if (refuseMedia)
            await context.AddInitScriptAsync(RefuseMedia);
        var response = await context.APIRequest.PostAsync("/api/account/login", new()
        {
            DataObject = new { userName = account.UserName, password = DemoAccount.Password },
        });
        if (!response.Ok)
            throw new InvalidOperationException($"Signing in as {account} answered {response.Status}: {await response.TextAsync()}");
        var page = await context.NewPageAsync();
        var participant = new CallParticipant(context, page, account);
        page.Dialog += async (_, dialog) =>
        {
            participant.Dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };
        page.PageError += (_, error) => log?.WriteLine($"{account} page error: {error}");
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
                log?.WriteLine($"{account} browser {message.Type}: {message.Text}");
        };
        return participant;
    }

    public async Task OpenCallAsync(int visitId)
    {
        await Page.GotoAsync($"/visits/{visitId}/call");
        await Expect(Page.GetByTestId("call-page")).ToBeVisibleAsync();
    }

    /// <summary>
    /// Joins as a person does: the pre-call check, its network check done (the call has the visit's ICE servers by
    /// then), then "Join now"; the check stays until the call is under way. <paramref name="alreadyThere"/>: the page
    /// was led to the check (a notice's button), which is asserted instead of opened.
    /// </summary>
    public async Task JoinFromCheckAsync(int visitId, bool alreadyThere = false)
    {
        if (alreadyThere)
            await Expect(Page).ToHaveURLAsync(new Regex($"/visits/{visitId}/check$"));
        else
            await Page.GotoAsync($"/visits/{visitId}/check");
        await Expect(Page.GetByTestId("precheck-network")).ToHaveAttributeAsync("data-state", "done", new() { Timeout = 30_000 });
        await Page.GetByTestId("precheck-join").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex($"/visits/{visitId}/call$"));
    }

    /// <summary>Camera and microphone allowed from now on, for a participant signed in with them refused.</summary>
    public Task AllowMediaAsync() => Page.EvaluateAsync("() => { window.__allowMedia = true; }");

    public ILocator ByTestId(string testId) => Page.GetByTestId(testId);

    public async Task<PeerStats[]> StatsAsync()
    {
        var stats = await Page.EvaluateAsync<JsonElement>(ReadStats);
        return stats.EnumerateArray().Select(s => new PeerStats(
            s.GetProperty("state").GetString()!, s.GetProperty("framesDecoded").GetInt64(), s.GetProperty("videoStreamsDecoding").GetInt32(),
            s.GetProperty("audioPackets").GetInt64(),
            s.GetProperty("localCandidateType").ValueKind == JsonValueKind.String ? s.GetProperty("localCandidateType").GetString() : null)).ToArray();
    }

    /// <summary>Polls getStats() until <paramref name="done"/> holds; fails with the last figures after the timeout.</summary>
    public async Task<PeerStats[]> WaitForStatsAsync(Func<PeerStats[], bool> done, string what, int timeoutMs = 20_000)
    {
        var watch = Stopwatch.StartNew();
        PeerStats[] last = [];
        while (watch.ElapsedMilliseconds < timeoutMs)
        {
            last = await StatsAsync();
            if (done(last))
                return last;
            await Task.Delay(200);
        }
        throw new TimeoutException($"{Account}: {what} not within {timeoutMs} ms. Last getStats(): {string.Join("; ", last.Select(s => s.ToString()))}");
    }

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}
