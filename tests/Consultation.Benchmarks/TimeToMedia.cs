using System.Text.Json;
using Microsoft.Playwright;

namespace Consultation.Benchmarks;

/// <summary>
/// Time to media in Chromium on loopback: a deputy clicks "Join" on the visit page while the other participants
/// are already in the call; measured from the click (performance.now() in the page) until every peer connection is
/// `connected`, and until a first remote video frame from every other participant is presented — in the app, in the
/// call page's own tile for that participant (the page is drawn once the call connects); in the floor, in a video
/// element made for it. Side by side, the floor: a bare page that on a click takes the same fake camera and connects
/// as many pairs of RTCPeerConnections inside the page, with no server at all.
/// </summary>
public sealed class TimeToMedia(Uri baseUrl)
{
    // Installed before the page's scripts: the click, each peer connection's `connected`, and its first video frame:
    // in the app, the first its tile shows (a video element given a stream with the remote track); in the floor, the
    // first a video element made for the track shows.
    private const string Watch = """
        (() => {
          const Native = window.RTCPeerConnection;
          const m = window.__media = { clickAt: undefined, pcs: [] };
          const remote = new Map();
          const floor = location.pathname.startsWith('/floor');
          const shown = Object.getOwnPropertyDescriptor(HTMLMediaElement.prototype, 'srcObject');
          Object.defineProperty(HTMLMediaElement.prototype, 'srcObject', {
            get() { return shown.get.call(this); },
            set(stream) {
              shown.set.call(this, stream);
              const rec = stream?.getVideoTracks?.().map((t) => remote.get(t)).find((r) => r);
              if (rec && this instanceof HTMLVideoElement) this.requestVideoFrameCallback(() => { rec.frameAt ??= performance.now(); });
            },
          });
          document.addEventListener('click', (e) => {
            if (e.target.closest?.('[data-testid="precheck-join"], #floor-join')) { m.clickAt = performance.now(); m.pcs = []; m.pcAt = m.cameraAt = undefined; }
          }, true);
          const NativeSocket = window.WebSocket;
          window.WebSocket = class extends NativeSocket {
            constructor(...args) { super(...args); if (String(args[0]).includes('/hubs/visits')) this.addEventListener('open', () => { m.socketAt ??= performance.now(); }); }
          };
          const media = navigator.mediaDevices, getUserMedia = media.getUserMedia.bind(media);
          media.getUserMedia = async (...args) => { const stream = await getUserMedia(...args); if (m.clickAt !== undefined) m.cameraAt ??= performance.now(); return stream; };
          window.RTCPeerConnection = class extends Native {
            constructor(...args) {
              super(...args);
              const rec = this.__rec = { pc: this, connectedAt: undefined, frameAt: undefined, answerAt: undefined };
              m.pcAt ??= performance.now();
              m.pcs.push(rec);
              this.addEventListener('connectionstatechange', () => {
                if (this.connectionState === 'connected') rec.connectedAt ??= performance.now();
              });
              this.addEventListener('track', (e) => {
                if (e.track.kind !== 'video' || rec.watching) return;
                rec.watching = true;
                if (!floor) { remote.set(e.track, rec); return; }
                const v = document.createElement('video');
                Object.assign(v.style, { position: 'fixed', width: '2px', height: '2px', bottom: '0' });
                v.muted = true; v.srcObject = new MediaStream([e.track]); document.body.append(v); v.play();
                v.requestVideoFrameCallback(() => { rec.frameAt ??= performance.now(); v.remove(); });
              });
            }
            setRemoteDescription(description) {
              if (description?.type === 'answer') this.__rec.answerAt ??= performance.now();
              return super.setRemoteDescription(description);
            }
          };
        })();
        """;

    private const string Measured = """
        (n) => {
          const m = window.__media;
          const pcs = m.pcs.filter((r) => !r.pc.__otherSide);
          if (m.clickAt === undefined || pcs.length < n || pcs.slice(0, n).some((r) => !r.connectedAt || !r.frameAt)) return null;
          const mine = pcs.slice(0, n);
          return [Math.max(...mine.map((r) => r.connectedAt)) - m.clickAt, Math.max(...mine.map((r) => r.frameAt)) - m.clickAt,
            (m.socketAt ?? NaN) - m.clickAt, m.pcAt - m.clickAt, (m.cameraAt ?? NaN) - m.clickAt,
            Math.max(...mine.map((r) => r.answerAt ?? NaN)) - m.clickAt];
        }
        """;

    // The floor: `pairs` pairs of peer connections in one page, each side sending the fake camera and microphone.
    private const string FloorPage = """
        <!doctype html><html><body><button id="floor-join">join</button><script>
        const pairs = Number(new URL(location.href).searchParams.get('pairs'));
        document.getElementById('floor-join').onclick = async () => {
          const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: { width: { ideal: 640 }, height: { ideal: 480 }, frameRate: { ideal: 24, max: 30 } } });
          for (let i = 0; i < pairs; i++) {
            const a = new RTCPeerConnection(), b = new RTCPeerConnection();
            b.__otherSide = true;
            for (const t of stream.getTracks()) { a.addTrack(t, stream); b.addTrack(t, stream); }
            a.onicecandidate = (e) => e.candidate && b.addIceCandidate(e.candidate);
            b.onicecandidate = (e) => e.candidate && a.addIceCandidate(e.candidate);
            await a.setLocalDescription(); await b.setRemoteDescription(a.localDescription);
            await b.setLocalDescription(); await a.setRemoteDescription(b.localDescription);
          }
        };
        </script></body></html>
        """;

    private static readonly (string UserName, string DisplayName)[] Others =
        [("handler.transport", "刘伟"), ("office", "王敏"), ("handler.transport2", "陈静")];

    /// <summary>
    /// Of the app's time, until its call hub WebSocket opened (negative: on the pre-call check, before the click), until
    /// its first peer connection was made (on the click: the offer made while Join is answered), until its camera was
    /// open, and until every other participant's answer to its offer was set.
    /// </summary>
    public sealed record Result(int Participants, Timings AppConnected, Timings AppFirstFrame, Timings FloorConnected, Timings FloorFirstFrame,
        Timings AppSocketOpen, Timings AppFirstPeerConnection, Timings AppCameraOpen, Timings AppAnswered);

    public async Task<Result[]> MeasureAsync(int[] sizes, int runs, int warmUp, TextWriter progress)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = OfficeListPage.Chromium, Headless = true, Args = OfficeListPage.Flags,
        });
        var visitId = await ScheduleVisitAsync(browser);
        var deputy = await SignedInPageAsync(browser, "deputy.li");
        var floor = await browser.NewPageAsync(new() { BaseURL = baseUrl.ToString() });
        await floor.AddInitScriptAsync(Watch);
        await floor.RouteAsync("**/floor*", route => route.FulfillAsync(new() { ContentType = "text/html", Body = FloorPage }));

        var results = new List<Result>();
        var present = new List<IPage>();
        foreach (var size in sizes)
        {
            // The others wait in the call already: the handler first, who opens the room.
            while (present.Count < size - 1)
            {
                var page = await SignedInPageAsync(browser, Others[present.Count].UserName);
                await page.GotoAsync($"/visits/{visitId}/call");
                await page.WaitForSelectorAsync("[data-testid=call-page][data-phase=open]");
                present.Add(page);
            }
            var result = new Result(size, new(), new(), new(), new(), new(), new(), new(), new());
            for (var run = -warmUp; run < runs; run++)
            {
                var app = await RunAppAsync(deputy, visitId, size - 1);
                var bare = await RunFloorAsync(floor, size - 1);
                progress.Write('.');
                if (run < 0)
                    continue;
                result.AppConnected.Add(app[0]);
                result.AppFirstFrame.Add(app[1]);
                result.FloorConnected.Add(bare[0]);
                result.FloorFirstFrame.Add(bare[1]);
                result.AppSocketOpen.Add(app[2]);
                result.AppFirstPeerConnection.Add(app[3]);
                result.AppCameraOpen.Add(app[4]);
                result.AppAnswered.Add(app[5]);
            }
            results.Add(result);
        }
        return results.ToArray();
    }

    private async Task<double[]> RunAppAsync(IPage deputy, int visitId, int others)
    {
        // Join leads to the pre-call check; the time runs from its "Join now".
        await deputy.GotoAsync($"/visits/{visitId}/check");
        // The check opens the call's hub connection while a person looks at the camera preview; the others forget the
        // deputy's last connection before the next join.
        await deputy.WaitForFunctionAsync("() => window.__media.socketAt !== undefined", null, new() { Timeout = 10_000, PollingInterval = 20 });
        await Task.Delay(300);
        await deputy.GetByTestId("precheck-join").ClickAsync();
        return await WaitForMediaAsync(deputy, others);
    }

    private static async Task<double[]> RunFloorAsync(IPage floor, int pairs)
    {
        await floor.GotoAsync($"/floor?pairs={pairs}");
        await floor.ClickAsync("#floor-join");
        return await WaitForMediaAsync(floor, pairs);
    }

    private static async Task<double[]> WaitForMediaAsync(IPage page, int connections)
    {
        try
        {
            var handle = await page.WaitForFunctionAsync(Measured, connections, new() { Timeout = 60_000, PollingInterval = 20 });
            return (await handle.JsonValueAsync<double[]>())!;
        }
        catch (TimeoutException)
        {
            var seen = await page.EvaluateAsync<string>(
                "() => JSON.stringify(window.__media.pcs.map((r) => [r.pc.connectionState, r.pc.signalingState, r.connectedAt, r.frameAt]))");
            throw new TimeoutException($"{page.Url}: not {connections} connections with a first frame within 60 s; peer connections: {seen}");
        }
    }

    private async Task<IPage> SignedInPageAsync(IBrowser browser, string userName)
    {
        var context = await browser.NewContextAsync(new() { BaseURL = baseUrl.ToString() });
        await context.AddInitScriptAsync(Watch);
        await SignInAsync(context, userName);
        return await context.NewPageAsync();
    }

    private static async Task SignInAsync(IBrowserContext context, string userName)
    {
        var response = await context.APIRequest.PostAsync("/api/account/login", new() { DataObject = new { userName, password = "Demo1234" } });
        if (!response.Ok)
            throw new InvalidOperationException($"Signing in as {userName} answered {response.Status}: {await response.TextAsync()}");
    }

    /// <summary>A video visit of deputy.li's with the transport unit's two handlers and the office, starting in five minutes.</summary>
    private async Task<int> ScheduleVisitAsync(IBrowser browser)
    {
        await using var context = await browser.NewContextAsync(new() { BaseURL = baseUrl.ToString() });
        await SignInAsync(context, "handler.transport");
        var api = context.APIRequest;
        async Task<JsonElement> Get(string path) => JsonDocument.Parse(await (await api.GetAsync(path)).TextAsync()).RootElement.Clone();
        async Task Post(string path, object body)
        {
            var response = await api.PostAsync(path, new() { DataObject = body });
            if (!response.Ok)
                throw new InvalidOperationException($"POST {path} answered {response.Status}: {await response.TextAsync()}");
        }

        // The demo data schedules this handler a visit soon after the server starts: out of the way.
        foreach (var visit in (await Get("/api/my/visits")).EnumerateArray()
                     .Where(v => v.GetProperty("state").GetString() == "Scheduled" && v.GetProperty("startUtc").GetDateTime() < DateTime.UtcNow.AddHours(3)))
            await Post($"/api/visits/{visit.GetProperty("id").GetInt32()}/cancel", new { reason = "基准测试：为视频回访腾出时间。", version = visit.GetProperty("version").GetString() });

        foreach (var row in (await Get("/api/inbox")).EnumerateArray())
        {
            var item = row.GetProperty("item");
            if (row.GetProperty("role").GetString() != "Lead" || item.GetProperty("submitterName").GetString() != "李建国")
                continue;
            var itemId = item.GetProperty("id").GetInt32();
            if (!(await Get($"/api/items/{itemId}")).GetProperty("actions").EnumerateArray().Any(a => a.GetString() == "contact"))
                continue;
            var staff = (await Get($"/api/items/{itemId}/visit-staff")).EnumerateArray()
                .Where(s => Others.Skip(1).Any(o => o.DisplayName == s.GetProperty("displayName").GetString()))
                .Select(s => s.GetProperty("userId").GetInt32()).ToArray();
            var now = DateTime.UtcNow;
            var start = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc).AddMinutes(5);
            var response = await api.PostAsync($"/api/items/{itemId}/visits", new()
            {
                DataObject = new { phase = "DuringHandling", method = "Video", startUtc = start, durationMinutes = 60, staffUserIds = staff },
            });
            if (!response.Ok)
                throw new InvalidOperationException($"Scheduling answered {response.Status}: {await response.TextAsync()}");
            return JsonDocument.Parse(await response.TextAsync()).RootElement.GetProperty("id").GetInt32();
        }
        throw new InvalidOperationException("The demo data has no item of deputy.li led by handler.transport's unit.");
    }
}
