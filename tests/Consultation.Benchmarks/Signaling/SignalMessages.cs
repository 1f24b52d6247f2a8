using System.Buffers.Text;
using System.Diagnostics;
using System.Text;

namespace Consultation.Benchmarks.Signaling;

public enum SignalKind { Candidate, Offer, Answer }

/// <summary>
/// What a browser sends while it negotiates: ICE candidates (about 300 bytes) and SDP offers and answers (about
/// 6 KB), as the JSON text of the browser's <c>RTCIceCandidate</c> / <c>RTCSessionDescription</c>. Each carries
/// the moment it was sent, as the stopwatch timestamp after <see cref="Marker"/> (a fake ICE user fragment), so
/// the receiver measures the one-way latency on the same clock.
/// </summary>
public static class SignalMessages
{
    public const int StampDigits = 19;
    public static readonly byte[] Marker = "~t"u8.ToArray();
    private static readonly string Stamp = "~t" + new string('0', StampDigits);

    public static string KindName(SignalKind kind) => kind switch
    {
        SignalKind.Offer => "offer",
        SignalKind.Answer => "answer",
        _ => "candidate",
    };

    /// <summary>A relayed (TURN) IPv6 candidate object's JSON, about 300 bytes.</summary>
    public static readonly string Candidate =
        "{\"candidate\":\"candidate:3226417421 1 udp 41885695 2001:db8:85a3:8d3:1319:8a2e:370:7348 63519 typ relay raddr "
        + "2001:db8:85a3:8d3:1319:8a2e:370:7349 rport 51672 generation 0 ufrag " + Stamp
        + " network-id 1 network-cost 10\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0,\"usernameFragment\":\"Hq4f\"}";

    /// <summary>An audio + video + data offer or answer's JSON, about 6 KB, as Chromium writes them.</summary>
    public static string Description(SignalKind kind)
    {
        var sdp = new StringBuilder();
        sdp.Append("v=0\\r\\no=- ").Append(Stamp).Append(" 2 IN IP4 127.0.0.1\\r\\ns=-\\r\\nt=0 0\\r\\na=group:BUNDLE 0 1 2\\r\\n")
            .Append("a=extmap-allow-mixed\\r\\na=msid-semantic: WMS 5d1c2b0e-8f43-4c1e-9a55-3f0c7a1f6b21\\r\\n");
        string[] media = ["audio 9 UDP/TLS/RTP/SAVPF 111 63 9 0 8 13 110 126", "video 9 UDP/TLS/RTP/SAVPF 96 97 102 103 104 105 106 107 108 109 127 125 39 40 45 46 98 99 100 101 112 113 114 115 116"];
        for (var m = 0; m < media.Length; m++)
        {
            sdp.Append("m=").Append(media[m]).Append("\\r\\nc=IN IP4 0.0.0.0\\r\\na=rtcp:9 IN IP4 0.0.0.0\\r\\n")
                .Append("a=ice-ufrag:Hq4f\\r\\na=ice-pwd:pS1n3m0pVqJ4mW3r8kT2xYz7\\r\\na=ice-options:trickle\\r\\n")
                .Append("a=fingerprint:sha-256 3B:4F:91:0C:2A:7E:58:D6:11:9F:E0:4B:72:C8:35:AA:6D:02:BF:19:84:E7:5C:30:9A:61:F2:0D:4E:B7:28:C3\\r\\n")
                .Append(kind == SignalKind.Offer ? "a=setup:actpass\\r\\n" : "a=setup:active\\r\\n")
                .Append("a=mid:").Append(m).Append("\\r\\na=sendrecv\\r\\na=msid:5d1c2b0e-8f43-4c1e-9a55-3f0c7a1f6b21 9e0f1a2b-3c4d-5e6f-7a8b-9c0d1e2f3a4b\\r\\n")
                .Append("a=rtcp-mux\\r\\na=rtcp-rsize\\r\\n");
            for (var pt = 0; pt < (m == 0 ? 8 : 25); pt++)
                sdp.Append("a=rtpmap:").Append(96 + pt).Append(m == 0 ? " opus/48000/2" : " VP8/90000").Append("\\r\\n")
                    .Append("a=rtcp-fb:").Append(96 + pt).Append(" transport-cc\\r\\na=fmtp:").Append(96 + pt)
                    .Append(" level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f\\r\\n");
            sdp.Append("a=ssrc-group:FID 1806476510 2591209536\\r\\na=ssrc:1806476510 cname:c2Vuc29yLWJlbmNo\\r\\n");
        }
        sdp.Append("m=application 9 UDP/DTLS/SCTP webrtc-datachannel\\r\\nc=IN IP4 0.0.0.0\\r\\na=mid:2\\r\\na=sctp-port:5000\\r\\na=max-message-size:262144\\r\\n");
        return $"{{\"type\":\"{KindName(kind)}\",\"sdp\":\"{sdp}\"}}";
    }

    public static string Payload(SignalKind kind) => kind == SignalKind.Candidate ? Candidate : Description(kind);

    /// <summary>Writes the current stopwatch timestamp over the digits after the marker at <paramref name="at"/>.</summary>
    public static void StampNow(Span<byte> frame, int at)
    {
        var digits = frame.Slice(at + Marker.Length, StampDigits);
        Utf8Formatter.TryFormat(Stopwatch.GetTimestamp(), digits, out _, new System.Buffers.StandardFormat('D', StampDigits));
    }

    /// <summary>Calls <paramref name="onStamp"/> with the sending timestamp of every signal in a received frame.</summary>
    public static void ReadStamps(ReadOnlySpan<byte> frame, Action<long> onStamp)
    {
        while (true)
        {
            var at = frame.IndexOf(Marker);
            if (at < 0 || frame.Length < at + Marker.Length + StampDigits)
                return;
            if (Utf8Parser.TryParse(frame.Slice(at + Marker.Length, StampDigits), out long stamp, out _))
                onStamp(stamp);
            frame = frame[(at + Marker.Length + StampDigits)..];
        }
    }
}
