using Consultation.Accounts;
using Consultation.Data;
using Consultation.Visits;
using Hangfire;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Consultation.Calls;

public sealed record PeerView(int ParticipantId, string DisplayName, ParticipantRole Role, MediaState Media, bool IAmPolite);

public sealed record JoinResult(int ParticipantId, PeerView[] Peers, IceServer[] IceServers, string RoomState, DateTime EndsAtUtc,
    string IceTransportPolicy);

public sealed record ChatLine(long Id, int From, string DisplayName, string Text, DateTime SentAtUtc);

public sealed record QualitySummary(int DurationSeconds, double? RoundTripMs, double? PacketLossPercent, double? BitrateKbps, bool Relayed);

public interface IVisitClient
{
    Task ParticipantJoined(PeerView peer);
    Task ParticipantLeft(int participantId);
    Task Signal(int from, string kind, string payload);
    Task MediaChanged(int participantId, MediaState media);
    Task Chat(ChatLine line);
    Task RoomStateChanged(string state);
}

/// <summary>
/// Signaling for video visits. The server relays SDP and ICE as opaque strings between participants of the same
/// room; who a connection is comes from the server's own room state, never from what a client claims. Joining
/// checks the database once; signals are checked in memory only. A join link's session may use it, for its own
/// visit only. Sign-in is required where the hub is mapped (<see cref="CallsSetup.MapCalls"/>), once per
/// connection: an [Authorize] here would run the authorization policy again for every signal.
/// </summary>
public sealed partial class CallHub(IServiceProvider services, RoomRegistry rooms, AttendanceLog attendance, WaitingNotice waiting,
    TimeProvider clock, IOptions<CallSettings> callSettings, IOptions<VisitSettings> visitSettings, ILogger<CallHub> log) : Hub<IVisitClient>
{
    public const string Path = "/hubs/visits";
    private static readonly string[] SignalKinds = ["offer", "answer", "candidate"];
    private CallSettings Settings => callSettings.Value;
    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    // Resolved when a method uses it: a hub instance is made for every invocation, and a signal needs no database.
    private AppDbContext db => services.GetRequiredService<AppDbContext>();

    public static string Group(int visitId) => $"visit:{visitId}";

    public async Task<JoinResult> Join(int visitId)
    {
        var visit = await db.Visits.AsNoTracking().Include(v => v.Participants).SingleOrDefaultAsync(v => v.Id == visitId);
        var participant = visit is null ? null : LinkSession.ParticipantOf(visit, Context.User);
        if (visit is null || participant is null)
            throw new HubException("You are not a participant of this visit: open the link from your own invitation, or sign in with your own account.");
        var opens = RoomWindow.OpensFor(visit, participant.Role, Settings, visitSettings.Value);
        var closes = RoomWindow.Closes(visit, visitSettings.Value);
        if (visit.ClosedAtUtc is not null && Now <= closes)
            throw Ended();
        if (visit.State != VisitState.Scheduled || visit.Method != VisitMethod.Video)
            throw new HubException("This visit is not a video visit that is still to take place.");
        if (Now < opens)
            throw new HubException($"The room opens at {opens:yyyy-MM-dd HH:mm} UTC: come back then.");
        if (Now > closes)
            throw new HubException("The room has closed: ask the unit to schedule another visit.");

        // A connection is in one room at a time: joining another visit leaves the one it was in.
        if (rooms.SeatOf(Context.ConnectionId) is { } seated && seated.Room.VisitId != visitId)
            await LeaveAsync(Context.ConnectionId);
        var self = new Peer(participant.Id, participant.DisplayName, participant.Role, new MediaState(true, true, false));
        // In the room's group before entering: whatever is said in the room after this entry reaches the joiner. The
        // answer and the news of this join follow the members just after it, so that of two people entering at once
        // (on two servers, say) the second finds the first in its answer and offers, and the first is told of the second.
        await Groups.AddToGroupAsync(Context.ConnectionId, Group(visitId));
        var (room, outcome, replaced, opened, returning, members) =
            await rooms.EnterAsync(visitId, self, Context.ConnectionId, Settings.MaxParticipants);
        if (outcome != EntryOutcome.Added)
        {
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, Group(visitId));
            throw outcome == EntryOutcome.Ended ? Ended() : new HubException($"The room is full ({Settings.MaxParticipants} participants).");
        }
        // (The same connection joining again replaces nothing: it stays in the group it was just added to.)
        if (replaced is not null && replaced != Context.ConnectionId)
            await Groups.RemoveFromGroupAsync(replaced, Group(visitId));
        rooms.Sit(Context.ConnectionId, room, participant.Id);
        // Written after the answer, in order with this room's leaves: the joiner's offers need not wait for the database.
        _ = attendance.JoinedAsync(visitId, participant.Id, Now);
        // Someone new in the lobby: the lead unit is told who waits (not again for the same person reconnecting).
        if (!room.IsOpen && !returning)
            _ = waiting.TellAsync(visitId, room.Members.Select(m => m.Peer.DisplayName));

        var others = members.Where(m => m.Peer.ParticipantId != participant.Id).ToList();
        foreach (var other in others)
            await rooms.To(Clients, room, other).ParticipantJoined(View(self, toward: participant.Id, asSeenBy: -1));
        if (opened)
            await Clients.Group(Group(visitId)).RoomStateChanged("open");
        var peers = others.Select(m => View(m.Peer, toward: m.Peer.ParticipantId, asSeenBy: participant.Id)).ToArray();
        var ice = TurnCredentials.For(Settings, visitId, participant.Id, Now, closes);
        return new JoinResult(participant.Id, peers, ice, room.IsOpen ? "open" : "lobby", visit.EndUtc,
            IceConfig.PolicyOf(Settings));
    }

    public async Task Signal(int to, string kind, string payload)
    {
        var seat = Seated();
        if (!SignalKinds.Contains(kind))
            throw new HubException("A signal is an offer, an answer or a candidate.");
        if (payload.Length > Settings.MaxSignalBytes)
            throw new HubException($"The signal is larger than {Settings.MaxSignalBytes} characters.");
        if (!seat.Room.IsOpen)
            throw new HubException("The room is still a lobby: wait until a handler of the unit joins.");
        if (await rooms.MemberAsync(seat.Room, to) is not { } target)
        {
            // A signal to someone outside this room (or gone) is dropped, never forwarded elsewhere.
            log.LogWarning("Dropped a {Kind} from participant {From} to {To}, who is not in room {Visit}", kind, seat.ParticipantId, to, seat.Room.VisitId);
            return;
        }
        await rooms.To(Clients, seat.Room, target).Signal(seat.ParticipantId, kind, payload);
    }

    public async Task SetMedia(bool audio, bool video, bool screen)
    {
        var seat = Seated();
        var media = new MediaState(audio, video, screen);
        await rooms.SetMediaAsync(seat, media);
        await Clients.OthersInGroup(Group(seat.Room.VisitId)).MediaChanged(seat.ParticipantId, media);
    }

    public async Task Chat(string text)
    {
        var seat = Seated();
        text = text.Trim();
        if (text.Length == 0 || text.Length > Settings.MaxChatLength)
            throw new HubException($"A chat message has 1 to {Settings.MaxChatLength} characters.");
        var name = seat.Room.Find(seat.ParticipantId)?.Peer.DisplayName ?? "";
        await CallReportApi.SayAsync(db, Clients.Group(Group(seat.Room.VisitId)), seat.Room.VisitId, seat.ParticipantId, name, text, Now);
    }

    /// <summary>Each page of a call reports every minute and on leaving; the participant's latest report is kept.</summary>
    public async Task ReportQuality(QualitySummary summary)
    {
        var seat = Seated();
        var report = new CallQuality
        {
            VisitId = seat.Room.VisitId, ParticipantId = seat.ParticipantId, DurationSeconds = Math.Max(0, summary.DurationSeconds),
            RoundTripMs = summary.RoundTripMs, PacketLossPercent = summary.PacketLossPercent, BitrateKbps = summary.BitrateKbps,
            Relayed = summary.Relayed, ReportedAtUtc = Now,
        };
        db.CallQuality.Add(report);
        await db.SaveChangesAsync();
        await db.CallQuality.Where(q => q.VisitId == report.VisitId && q.ParticipantId == report.ParticipantId && q.Id != report.Id)
            .ExecuteDeleteAsync();
    }

    public Task Leave() => LeaveAsync(Context.ConnectionId);

    public override Task OnDisconnectedAsync(Exception? exception) => LeaveAsync(Context.ConnectionId);

    private async Task LeaveAsync(string connectionId)
    {
        if (await rooms.LeaveAsync(connectionId) is not { } seat)
            return;
        await Groups.RemoveFromGroupAsync(connectionId, Group(seat.Room.VisitId));
        await attendance.LeftAsync(seat.Room.VisitId, seat.ParticipantId, Now);
        await Clients.Group(Group(seat.Room.VisitId)).ParticipantLeft(seat.ParticipantId);
        if (seat.Room.Members.Count > 0 && !seat.Room.IsOpen)
            await Clients.Group(Group(seat.Room.VisitId)).RoomStateChanged("lobby");
    }

    /// <summary>The caller's seat, and one message of its per-second budget spent.</summary>
    private RoomRegistry.Seat Seated()
    {
        var seat = rooms.SeatOf(Context.ConnectionId) ?? throw new HubException("Join the visit first.");
        if (!seat.TryCount(Settings.MaxMessagesPerSecond, Environment.TickCount64))
            throw new HubException($"Too many messages: at most {Settings.MaxMessagesPerSecond} a second.");
        return seat;
    }

    private static HubException Ended() =>
        new("The lead unit has ended this visit: ask the unit to schedule another one if more is to be said.");

    /// <summary>Perfect negotiation needs exactly one polite side per pair: the participant with the higher id.</summary>
    private static PeerView View(Peer peer, int toward, int asSeenBy) =>
        new(peer.ParticipantId, peer.DisplayName, peer.Role, peer.Media, IAmPolite: asSeenBy > toward);
}
