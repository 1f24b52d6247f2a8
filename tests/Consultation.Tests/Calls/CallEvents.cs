using System.Threading.Channels;
using Consultation.Calls;
using Microsoft.AspNetCore.SignalR.Client;

namespace Consultation.Tests.Calls;

/// <summary>What a participant's call connection hears, as short lines ("joined:7", "signal:7:offer:v=0") to wait for.</summary>
public static class CallEvents
{
    public static Channel<string> Record(HubConnection hub)
    {
        var events = Channel.CreateUnbounded<string>();
        hub.On<string>(nameof(IVisitClient.RoomStateChanged), s => events.Writer.TryWrite($"room:{s}"));
        hub.On<PeerView>(nameof(IVisitClient.ParticipantJoined), p => events.Writer.TryWrite($"joined:{p.ParticipantId}"));
        hub.On<int>(nameof(IVisitClient.ParticipantLeft), p => events.Writer.TryWrite($"left:{p}"));
        hub.On<int, string, string>(nameof(IVisitClient.Signal), (from, kind, payload) => events.Writer.TryWrite($"signal:{from}:{kind}:{payload}"));
        hub.On<int, MediaState>(nameof(IVisitClient.MediaChanged), (p, media) => events.Writer.TryWrite($"media:{p}:{media.Audio}"));
        hub.On<ChatLine>(nameof(IVisitClient.Chat), line => events.Writer.TryWrite($"chat:{line.From}:{line.Text}"));
        return events;
    }

    /// <summary>
    /// The next line that starts with the prefix (others are passed over; an <paramref name="unexpected"/> one before it
    /// fails); fails after 15 s.
    /// </summary>
    public static async Task<string> Next(Channel<string> events, string prefix, string? unexpected = null)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (true)
        {
            var e = await events.Reader.ReadAsync(timeout.Token);
            Assert.NotEqual(unexpected, e);
            if (e.StartsWith(prefix, StringComparison.Ordinal))
                return e;
        }
    }
}
