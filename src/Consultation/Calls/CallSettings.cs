using System.Security.Cryptography;
using System.Text;

namespace Consultation.Calls;

/// <summary>Settings under <c>Calls</c>: ICE servers, the TURN REST secret shared with coturn, and the room limits.</summary>
public sealed class CallSettings
{
    /// <summary>STUN servers given to every browser as they are, e.g. <c>stun:turn.example.gov.cn:3478</c>.</summary>
    public string[] StunUrls { get; set; } = [];
    /// <summary>TURN servers; each participant gets credentials minted with <see cref="TurnSecret"/>.</summary>
    public string[] TurnUrls { get; set; } = [];
    /// <summary>coturn's <c>static-auth-secret</c> (<c>use-auth-secret</c>).</summary>
    public string TurnSecret { get; set; } = "";
    /// <summary>The longest a TURN credential lives; it never outlives the visit's window.</summary>
    public TimeSpan MaxCredentialLifetime { get; set; } = TimeSpan.FromHours(4);
    /// <summary>Lead-unit handlers may open the room this long before the start (everyone else: the room-open offset).</summary>
    public TimeSpan LeadUnitEarlyJoin { get; set; } = TimeSpan.FromMinutes(30);
    /// <summary>
    /// <c>all</c>, or <c>relay</c> to make every browser use TURN only, so that no participant learns another's addresses.
    /// </summary>
    public string IceTransportPolicy { get; set; } = "all";
    public int MaxParticipants { get; set; } = 6;
    public int MaxSignalBytes { get; set; } = 32 * 1024;
    public int MaxMessagesPerSecond { get; set; } = 50;
    public int MaxChatLength { get; set; } = 1_000;
    /// <summary>
    /// With several servers (<c>ConnectionStrings:Redis</c>): how often each says it is alive; the members of a server
    /// silent for three of these are taken out of their rooms.
    /// </summary>
    public TimeSpan ServerHeartbeat { get; set; } = TimeSpan.FromSeconds(10);
}

public sealed record IceServer(string[] Urls, string? Username = null, string? Credential = null);

/// <summary>What a browser needs to make a peer connection for a visit: its servers and whether it may only relay.</summary>
public sealed record IceConfig(IceServer[] IceServers, string IceTransportPolicy)
{
    /// <summary>The settings' policy as the browser's <c>RTCConfiguration</c> spells it.</summary>
    public static string PolicyOf(CallSettings settings) => settings.IceTransportPolicy == "relay" ? "relay" : "all";
}

/// <summary>
/// TURN credentials by the TURN REST scheme that coturn checks with <c>use-auth-secret</c>: the user name is
/// <c>expiry:participant</c>, the password the base64 HMAC-SHA1 of the user name under the shared secret.
/// </summary>
public static class TurnCredentials
{
    /// <summary>The ICE servers for one participant of one visit; the TURN user name names both.</summary>
    public static IceServer[] For(CallSettings settings, int visitId, int participantId, DateTime nowUtc, DateTime windowEndUtc)
    {
        var participant = $"v{visitId}p{participantId}";
        var servers = new List<IceServer>();
        if (settings.StunUrls.Length > 0)
            servers.Add(new IceServer(settings.StunUrls));
        if (settings.TurnUrls.Length > 0 && settings.TurnSecret.Length > 0)
        {
            var expires = windowEndUtc < nowUtc + settings.MaxCredentialLifetime ? windowEndUtc : nowUtc + settings.MaxCredentialLifetime;
            var username = $"{new DateTimeOffset(expires, TimeSpan.Zero).ToUnixTimeSeconds()}:{participant}";
            servers.Add(new IceServer(settings.TurnUrls, username, Password(settings.TurnSecret, username)));
        }
        return servers.ToArray();
    }

    public static string Password(string secret, string username) =>
        Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(username)));
}
