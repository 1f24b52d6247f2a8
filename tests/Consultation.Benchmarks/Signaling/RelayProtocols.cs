using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Consultation.Benchmarks.Signaling;

/// <summary>How the load generator speaks to one relay: how a participant connects, and how a signal is framed.</summary>
public abstract class RelayProtocol(string name, Uri baseUrl, WebSocketMessageType frameType)
{
    public string Name { get; } = name;
    protected Uri BaseUrl { get; } = baseUrl;
    protected WebSocketMessageType FrameType { get; } = frameType;

    /// <summary>Sent to every connection between steps, so that no relay drops a connection that sits idle meanwhile.</summary>
    public virtual byte[]? KeepAlive => null;

    /// <summary>Connects one participant and has it enter its room; the client is not yet receiving.</summary>
    public abstract Task<RelayClient> OpenAsync(CallRoom room, CallSeat seat, CancellationToken cancel);

    /// <summary>One signal to <paramref name="to"/>, framed the relay's way, with the timestamp digits zero.</summary>
    public abstract byte[] Frame(CallSeat to, SignalKind kind);

    protected Uri WebSocketUrl(string pathAndQuery) => new($"ws://{BaseUrl.Authority}{pathAndQuery}");

    protected async Task<(ClientWebSocket Socket, RelayClient Client)> ConnectAsync(CallSeat seat, string pathAndQuery,
        CancellationToken cancel, string? cookie = null)
    {
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        if (cookie is not null)
            socket.Options.SetRequestHeader("Cookie", cookie);
        await socket.ConnectAsync(WebSocketUrl(pathAndQuery), cancel);
        return (socket, new RelayClient(socket, FrameType, seat));
    }

    protected static readonly JsonSerializerOptions BrowserJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A string as JSON.stringify writes it (quotes and backslashes escaped, nothing else).</summary>
    protected static string JsonString(string text) => JsonSerializer.Serialize(text, BrowserJson);
}

/// <summary>
/// Our hub at /hubs/visits, signed in with a real account's cookie, WebSocket transport without negotiation (as the
/// browser's client after negotiating), in SignalR's JSON or MessagePack hub protocol. Every participant calls
/// <c>Join(visitId)</c>; signals are <c>Signal(to, kind, payload)</c> invocations that expect no answer. Without a
/// password, the same messages to SignalR alone (<see cref="SignalRRelay"/>): no sign-in, and <c>Join(room, id)</c>.
/// </summary>
public sealed class HubProtocol(Uri baseUrl, bool messagePack, string? password)
    : RelayProtocol($"{(password is null ? "SignalR alone" : "hub")} ({(messagePack ? "MessagePack" : "JSON")})", baseUrl,
        messagePack ? WebSocketMessageType.Binary : WebSocketMessageType.Text)
{
    private const byte RecordSeparator = 0x1e;
    private readonly ConcurrentDictionary<string, Task<string>> _cookies = new();
    private readonly HttpClient _http = new(new HttpClientHandler { UseCookies = false }) { BaseAddress = baseUrl };

    public override byte[] KeepAlive => messagePack ? [0x02, 0x91, 0x06] : Encoding.UTF8.GetBytes("{\"type\":6}\u001e");

    public override async Task<RelayClient> OpenAsync(CallRoom room, CallSeat seat, CancellationToken cancel)
    {
        var cookie = password is null ? null : await _cookies.GetOrAdd(seat.UserName, SignInAsync);
        var (socket, client) = await ConnectAsync(seat, password is null ? SignalRRelay.Path : "/hubs/visits", cancel, cookie);
        await socket.SendAsync(Encoding.UTF8.GetBytes($"{{\"protocol\":\"{(messagePack ? "messagepack" : "json")}\",\"version\":1}}\u001e"),
            WebSocketMessageType.Text, true, cancel);
        var handshake = await client.ReceiveAsync(cancel);
        if (handshake.Length < 3 || handshake[0] != '{' || handshake[1] != '}')
            throw new InvalidOperationException($"The hub refused the handshake: {Encoding.UTF8.GetString(handshake)}");
        int[] join = password is null ? [room.VisitId, seat.ParticipantId] : [room.VisitId];
        await client.SendAsync(messagePack ? JoinMessagePack(join) : Encoding.UTF8.GetBytes(
            $"{{\"type\":1,\"invocationId\":\"1\",\"target\":\"Join\",\"arguments\":[{string.Join(',', join)}]}}\u001e"));
        while (true)
        {
            var message = await client.ReceiveAsync(cancel);
            if (messagePack ? IsMessagePackCompletion(message) : Encoding.UTF8.GetString(message).Contains("\"type\":3,"))
            {
                var text = Encoding.UTF8.GetString(message);
                if (text.Contains("error", StringComparison.Ordinal) && !text.Contains("participantId", StringComparison.OrdinalIgnoreCase))
                    throw new InvalidOperationException($"Join({room.VisitId}) as {seat.UserName} failed: {text}");
                return client;
            }
        }
    }

    private async Task<string> SignInAsync(string userName)
    {
        using var response = await _http.PostAsJsonAsync("/api/account/login", new { userName, password });
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{userName} could not sign in: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        // The production cookie is marked Secure; loopback has no TLS, so it is sent by hand, as a proxy would.
        return string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
    }

    public override byte[] Frame(CallSeat to, SignalKind kind)
    {
        var payload = SignalMessages.Payload(kind);
        var name = SignalMessages.KindName(kind);
        if (!messagePack)
            return Encoding.UTF8.GetBytes($"{{\"type\":1,\"target\":\"Signal\",\"arguments\":[{to.ParticipantId},\"{name}\",{JsonString(payload)}]}}\u001e");
        // [1 = invocation, {} headers, nil id (no answer wanted), "Signal", [to, kind, payload], [] streams]
        var body = new List<byte> { 0x96, 0x01, 0x80, 0xc0 };
        WriteString(body, "Signal");
        body.Add(0x93);
        body.Add(0xce);
        body.AddRange(BitConverter.GetBytes(BinaryPrimitives.ReverseEndianness((uint)to.ParticipantId)));
        WriteString(body, name);
        WriteString(body, payload);
        body.Add(0x90);
        return LengthPrefixed(body);
    }

    private static byte[] JoinMessagePack(int[] arguments)
    {
        var body = new List<byte> { 0x96, 0x01, 0x80 };
        WriteString(body, "1");
        WriteString(body, "Join");
        body.Add((byte)(0x90 | arguments.Length));
        foreach (var argument in arguments)
        {
            body.Add(0xce);
            body.AddRange(BitConverter.GetBytes(BinaryPrimitives.ReverseEndianness((uint)argument)));
        }
        body.Add(0x90);
        return LengthPrefixed(body);
    }

    /// <summary>True when a MessagePack frame holds a completion (message type 3) among its length-prefixed messages.</summary>
    private static bool IsMessagePackCompletion(byte[] frame)
    {
        var at = 0;
        while (at < frame.Length)
        {
            int length = 0, shift = 0;
            byte b;
            do
            {
                b = frame[at++];
                length |= (b & 0x7f) << shift;
                shift += 7;
            } while ((b & 0x80) != 0);
            if (length >= 2 && frame[at + 1] == 0x03)
                return true;
            at += length;
        }
        return false;
    }

    private static void WriteString(List<byte> body, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        if (bytes.Length < 32)
            body.Add((byte)(0xa0 | bytes.Length));
        else if (bytes.Length < 256)
            body.AddRange([0xd9, (byte)bytes.Length]);
        else
            body.AddRange([0xda, (byte)(bytes.Length >> 8), (byte)bytes.Length]);
        body.AddRange(bytes);
    }

    private static byte[] LengthPrefixed(List<byte> body)
    {
        var prefix = new List<byte>();
        for (var length = (uint)body.Count; ; length >>= 7)
        {
            if (length < 0x80)
            {
                prefix.Add((byte)length);
                break;
            }
            prefix.Add((byte)(length | 0x80));
        }
        return [.. prefix, .. body];
    }
}

/// <summary>The raw relay (<see cref="RawRelay"/>): a binary frame of the target's id, the kind, and the payload's bytes.</summary>
public sealed class RawProtocol(Uri baseUrl) : RelayProtocol("raw WebSocket relay", baseUrl, WebSocketMessageType.Binary)
{
    public override async Task<RelayClient> OpenAsync(CallRoom room, CallSeat seat, CancellationToken cancel) =>
        (await ConnectAsync(seat, $"/relay?room={room.VisitId}&id={seat.ParticipantId}", cancel)).Client;

    public override byte[] Frame(CallSeat to, SignalKind kind)
    {
        var payload = Encoding.UTF8.GetBytes(SignalMessages.Payload(kind));
        var frame = new byte[RawRelay.HeaderLength + payload.Length];
        BinaryPrimitives.WriteInt32LittleEndian(frame, to.ParticipantId);
        frame[4] = (byte)kind;
        payload.CopyTo(frame, RawRelay.HeaderLength);
        return frame;
    }
}

/// <summary>
/// The PeerJS server (npm <c>peer</c>): a peer connects to <c>/peerjs?key=peerjs&amp;id=..&amp;token=..</c>, waits for OPEN,
/// and sends <c>{"type":"CANDIDATE"|"OFFER"|"ANSWER","dst":id,"payload":{...}}</c> as the PeerJS client does.
/// </summary>
public sealed class PeerJsProtocol(Uri baseUrl) : RelayProtocol("PeerJS server", baseUrl, WebSocketMessageType.Text)
{
    public override byte[] KeepAlive => "{\"type\":\"HEARTBEAT\"}"u8.ToArray();

    public override async Task<RelayClient> OpenAsync(CallRoom room, CallSeat seat, CancellationToken cancel)
    {
        var (_, client) = await ConnectAsync(seat, $"/peerjs?key=peerjs&id=p{seat.ParticipantId}&token=t{seat.ParticipantId}", cancel);
        var open = Encoding.UTF8.GetString(await client.ReceiveAsync(cancel));
        if (!open.Contains("\"OPEN\"", StringComparison.Ordinal))
            throw new InvalidOperationException($"The PeerJS server refused p{seat.ParticipantId}: {open}");
        return client;
    }

    public override byte[] Frame(CallSeat to, SignalKind kind)
    {
        var payload = kind == SignalKind.Candidate
            ? $"{{\"candidate\":{SignalMessages.Candidate},\"type\":\"media\",\"connectionId\":\"mc_bench\"}}"
            : $"{{\"sdp\":{SignalMessages.Description(kind)},\"type\":\"media\",\"connectionId\":\"mc_bench\",\"browser\":\"chrome\"}}";
        return Encoding.UTF8.GetBytes($"{{\"type\":\"{SignalMessages.KindName(kind).ToUpperInvariant()}\",\"payload\":{payload},\"dst\":\"p{to.ParticipantId}\"}}");
    }
}
