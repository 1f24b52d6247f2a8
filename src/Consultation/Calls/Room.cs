using System.Collections.Concurrent;
using Consultation.Visits;
using Microsoft.AspNetCore.SignalR;

namespace Consultation.Calls;

public sealed record MediaState(bool Audio, bool Video, bool Screen);

public sealed record Peer(int ParticipantId, string DisplayName, ParticipantRole Role, MediaState Media);

/// <summary>
/// Who is in one visit's room now. Kept in memory: no database call per signal. With several servers
/// (<see cref="SharedRooms"/>) it is this server's copy of the room kept in Redis, replaced whenever the room changes.
/// </summary>
public sealed class Room(int visitId)
{
    private readonly Dictionary<int, Member> _members = [];
    private volatile bool _open;
    private bool _letGo;

    public int VisitId { get; } = visitId;

    public sealed record Member(string ConnectionId, Peer Peer);

    /// <summary>
    /// The room is open once a handler of the lead unit is in it; until then deputies wait in the lobby. Kept as
    /// members come and go, since every signal asks.
    /// </summary>
    public bool IsOpen => _open;

    public IReadOnlyList<Member> Members
    {
        get { lock (_members) return _members.Values.ToList(); }
    }

    /// <summary>
    /// Adds or replaces (after a reconnect) the participant's connection; returns the one it replaced, whether this
    /// entry opened the room (one of two handlers entering at once), and the members just after it. Null when the room
    /// was let go meanwhile (see <see cref="TryLetGo"/>): the registry then has, or makes, another.
    /// </summary>
    public (bool Added, string? Replaced, bool Opened, IReadOnlyList<Member> Members)? Enter(Peer peer, string connectionId, int capacity)
    {
        lock (_members)
        {
            if (_letGo)
                return null;
            var replaced = _members.GetValueOrDefault(peer.ParticipantId)?.ConnectionId;
            if (replaced is null && _members.Count >= capacity)
                return (false, null, false, []);
            _members[peer.ParticipantId] = new Member(connectionId, peer);
            var wasOpen = _open;
            _open = HasLeadUnit();
            return (true, replaced, _open && !wasOpen, _members.Values.ToList());
        }
    }

    /// <summary>Removes the participant if this connection is still theirs (a stale connection leaving changes nothing).</summary>
    public bool Leave(int participantId, string connectionId)
    {
        lock (_members)
        {
            var left = _members.TryGetValue(participantId, out var m) && m.ConnectionId == connectionId && _members.Remove(participantId);
            _open = HasLeadUnit();
            return left;
        }
    }

    /// <summary>Set once the lead unit ends the visit for everyone: nobody enters again on this server.</summary>
    public bool Ended { get; private set; }

    /// <summary>Ends the room and returns who was in it.</summary>
    public IReadOnlyList<Member> End()
    {
        lock (_members)
        {
            Ended = true;
            var members = _members.Values.ToList();
            _members.Clear();
            _open = false;
            return members;
        }
    }

    /// <summary>An empty room that was not ended is let go, once: nobody can enter it afterwards.</summary>
    public bool TryLetGo()
    {
        lock (_members)
            return _letGo = _letGo || (_members.Count == 0 && !Ended);
    }

    private long _version = -1;

    /// <summary>
    /// Takes the room's members as they are in the shared room (several servers), or ended; false when this copy is
    /// already of a newer version (answers can arrive out of order).
    /// </summary>
    public bool Apply(IEnumerable<Member> members, bool ended, long version)
    {
        lock (_members)
        {
            if (version < _version)
                return false;
            _version = version;
            _members.Clear();
            if (!ended)
                foreach (var member in members)
                    _members[member.Peer.ParticipantId] = member;
            Ended = ended;
            _open = HasLeadUnit();
            return true;
        }
    }

    private int _holds;

    /// <summary>
    /// One more connection of this server in the shared room (several servers); false when the room was let go
    /// meanwhile. The copy lives while this server has someone in it.
    /// </summary>
    public bool Hold()
    {
        lock (_members)
        {
            if (_letGo)
                return false;
            _holds++;
            return true;
        }
    }

    /// <summary>One connection fewer; true when it was the last, and the copy is let go.</summary>
    public bool Release()
    {
        lock (_members)
            return _letGo = --_holds == 0;
    }

    private bool HasLeadUnit() => _members.Values.Any(m => m.Peer.Role == ParticipantRole.LeadUnit);

    public Member? Find(int participantId)
    {
        lock (_members) return _members.GetValueOrDefault(participantId);
    }

    public void SetMedia(int participantId, MediaState media)
    {
        lock (_members)
            if (_members.TryGetValue(participantId, out var m))
                _members[participantId] = m with { Peer = m.Peer with { Media = media } };
    }
}

public enum EntryOutcome { Added, Full, Ended }

/// <summary>
/// A join's result: the room; the older connection of the same participant still to be taken out of the room's group;
/// whether this entry opened the room; whether the participant was in the room already (a reconnect, a reload); and
/// the members just after this entry (the room may have changed since: someone who entered after it is not among them).
/// </summary>
public sealed record RoomEntry(Room Room, EntryOutcome Outcome, string? Replaced, bool Opened, bool Returning, IReadOnlyList<Room.Member> Members);

/// <summary>
/// The rooms of this server and which connection is which participant in which room. With one server the rooms are
/// this server's memory; with several, <see cref="SharedRooms"/> keeps them in Redis. The hub uses the asynchronous
/// methods, which both answer.
/// </summary>
public class RoomRegistry
{
    private readonly ConcurrentDictionary<int, Room> _rooms = new();
    private readonly ConcurrentDictionary<string, Seat> _seats = new();

    /// <summary>A connection's place: its room and participant, and its message budget.</summary>
    public sealed class Seat(Room room, int participantId)
    {
        public Room Room { get; } = room;
        public int ParticipantId { get; } = participantId;
        private long _windowStart;
        private int _count;

        /// <summary>A one-second window per connection: false once the limit is spent.</summary>
        public bool TryCount(int perSecond, long nowMs)
        {
            lock (this)
            {
                if (nowMs - _windowStart >= 1_000)
                    (_windowStart, _count) = (nowMs, 0);
                return ++_count <= perSecond;
            }
        }
    }

    /// <summary>Rooms in memory now: one per visit with someone in it, or ended for everyone and not yet closed.</summary>
    public int Count => _rooms.Count;

    /// <summary>The visit's room if it is in memory; <see cref="Enter"/> makes it.</summary>
    public Room? Find(int visitId) => _rooms.GetValueOrDefault(visitId);

    /// <summary>Puts the participant's connection in the visit's room, made if need be (also when the last member let the one found go).</summary>
    public (Room Room, bool Added, string? Replaced, bool Opened, IReadOnlyList<Room.Member> Members) Enter(int visitId, Peer peer,
        string connectionId, int capacity)
    {
        while (true)
        {
            var room = _rooms.GetOrAdd(visitId, id => new Room(id));
            if (room.Enter(peer, connectionId, capacity) is var (added, replaced, opened, members))
                return (room, added, replaced, opened, members);
            _rooms.TryRemove(new KeyValuePair<int, Room>(visitId, room));
        }
    }

    /// <summary>Forgets a room its last member left, so that a year of visits does not stay in memory.</summary>
    public void LetGoIfEmpty(Room room)
    {
        if (room.TryLetGo())
            _rooms.TryRemove(new KeyValuePair<int, Room>(room.VisitId, room));
    }

    /// <summary>
    /// Forgets a room ended for everyone once its visit is closed in the database, which then refuses every join
    /// (until then the room's <see cref="Room.Ended"/> does).
    /// </summary>
    public void ForgetEnded(int visitId)
    {
        if (_rooms.TryGetValue(visitId, out var room) && room.Ended)
            _rooms.TryRemove(new KeyValuePair<int, Room>(visitId, room));
    }

    public virtual Task<RoomEntry> EnterAsync(int visitId, Peer peer, string connectionId, int capacity)
    {
        if (Find(visitId) is { Ended: true } ended)
            return Task.FromResult(new RoomEntry(ended, EntryOutcome.Ended, null, false, false, []));
        var (room, added, replaced, opened, members) = Enter(visitId, peer, connectionId, capacity);
        if (replaced is not null)
            Unseat(replaced);
        return Task.FromResult(new RoomEntry(room, added ? EntryOutcome.Added : EntryOutcome.Full, replaced, opened, replaced is not null, members));
    }

    /// <summary>Takes the connection out of its room; its seat if it was still in it (a replaced connection was not).</summary>
    public virtual Task<Seat?> LeaveAsync(string connectionId)
    {
        if (Unseat(connectionId) is not { } seat || !seat.Room.Leave(seat.ParticipantId, connectionId))
            return Task.FromResult<Seat?>(null);
        if (seat.Room.Members.Count == 0)
            LetGoIfEmpty(seat.Room);
        return Task.FromResult<Seat?>(seat);
    }

    public virtual Task SetMediaAsync(Seat seat, MediaState media)
    {
        seat.Room.SetMedia(seat.ParticipantId, media);
        return Task.CompletedTask;
    }

    /// <summary>Ends the room for everyone; returns this server's connections still to be taken out of the room's group.</summary>
    public virtual Task<IReadOnlyList<string>> EndAsync(Room room)
    {
        var connections = room.End().Select(m => m.ConnectionId).ToList();
        connections.ForEach(c => Unseat(c));
        return Task.FromResult<IReadOnlyList<string>>(connections);
    }

    /// <summary>The room as it is now, to be read (who is in it): null when nobody is.</summary>
    public virtual Task<Room?> ReadAsync(int visitId) => Task.FromResult(Find(visitId));

    /// <summary>A member of the caller's room, for a signal to reach.</summary>
    public virtual ValueTask<Room.Member?> MemberAsync(Room room, int participantId) => ValueTask.FromResult(room.Find(participantId));

    /// <summary>Where a signal to the member goes: their connection.</summary>
    public virtual IVisitClient To(IHubClients<IVisitClient> clients, Room room, Room.Member member) => clients.Client(member.ConnectionId);

    public virtual Task ForgetEndedAsync(int visitId)
    {
        ForgetEnded(visitId);
        return Task.CompletedTask;
    }

    protected ConcurrentDictionary<int, Room> Rooms => _rooms;

    /// <summary>This server's connections seated in the room.</summary>
    protected IEnumerable<(string ConnectionId, Seat Seat)> SeatsIn(Room room) =>
        _seats.Where(s => s.Value.Room == room).Select(s => (s.Key, s.Value));

    public void Sit(string connectionId, Room room, int participantId) => _seats[connectionId] = new Seat(room, participantId);

    public Seat? SeatOf(string connectionId) => _seats.GetValueOrDefault(connectionId);

    public Seat? Unseat(string connectionId) => _seats.TryRemove(connectionId, out var seat) ? seat : null;
}
