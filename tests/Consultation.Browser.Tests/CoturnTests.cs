using System.Security.Cryptography;
using System.Text;

namespace Consultation.Browser.Tests;

/// <summary>
/// The coturn fixture relays for real: two peer connections in one Chromium page, allowed relayed candidates
/// only, connect through it with TURN REST credentials, and fail to with credentials signed by another secret.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class CoturnTests(ChromiumFixture chromium)
{
    // Two RTCPeerConnections with iceTransportPolicy 'relay' exchanging a data channel message; returns the
    // selected candidate pair's local candidate type, or 'failed'.
    private const string RelayOnlyPair = """
        async ({ url, username, credential }) => {
          const config = { iceServers: [{ urls: url, username, credential }], iceTransportPolicy: 'relay' };
          const a = new RTCPeerConnection(config), b = new RTCPeerConnection(config);
          a.onicecandidate = (e) => e.candidate && b.addIceCandidate(e.candidate);
          b.onicecandidate = (e) => e.candidate && a.addIceCandidate(e.candidate);
          const opened = new Promise((resolve) => { b.ondatachannel = (e) => e.channel.onmessage = (m) => resolve(m.data); });
          const channel = a.createDataChannel('check');
          channel.onopen = () => channel.send('through the relay');
          await a.setLocalDescription(); await b.setRemoteDescription(a.localDescription);
          await b.setLocalDescription(); await a.setRemoteDescription(b.localDescription);
          const outcome = await Promise.race([opened, new Promise((r) => setTimeout(() => r('failed'), 8000))]);
          if (outcome === 'failed') { a.close(); b.close(); return 'failed'; }
          const stats = [...(await a.getStats()).values()];
          const pair = stats.find((s) => s.type === 'candidate-pair' && s.state === 'succeeded' && s.nominated);
          const local = stats.find((s) => s.id === pair?.localCandidateId);
          a.close(); b.close();
          return `${outcome} via ${local?.candidateType}`;
        }
        """;

    [Fact]
    public async Task A_relay_only_connection_goes_through_coturn_with_credentials_from_its_secret()
    {
        await using var turn = await CoturnServer.StartAsync();
        var page = await chromium.Browser.NewPageAsync();

        var outcome = await page.EvaluateAsync<string>(RelayOnlyPair, Credentials(turn, turn.Secret));

        Assert.True(outcome == "through the relay via relay", $"{outcome}\ncoturn log:\n{turn.Log()}");
        await page.CloseAsync();
    }

    [Fact]
    public async Task Credentials_signed_with_another_secret_get_no_relay()
    {
        await using var turn = await CoturnServer.StartAsync();
        var page = await chromium.Browser.NewPageAsync();

        var outcome = await page.EvaluateAsync<string>(RelayOnlyPair, Credentials(turn, "not-the-secret"));

        Assert.Equal("failed", outcome);
        await page.CloseAsync();
    }

    private static object Credentials(CoturnServer turn, string secret)
    {
        var username = $"{DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeSeconds()}:check";
        var credential = Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(username)));
        return new { url = turn.Url, username, credential };
    }
}
