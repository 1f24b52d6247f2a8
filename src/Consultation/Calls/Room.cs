using System.Collections.Concurrent;
using Consultation.Visits;

namespace Consultation.Calls;

public sealed record MediaState(bool Audio, bool Video, bool Screen);

public sealed record Peer(int ParticipantId, string DisplayName, ParticipantRole Role, MediaState Media);

/// <summary>Who is in one visit's room now, on this server. Kept in memory: no database call per signal.</summary>
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
    /// Adds or replaces (after a reconnect) the participant's connection; returns the one it replaced, and whether this
    /// entry opened the room (one of two handlers entering at once). Null when the room was let go meanwhile (see
    /// <see cref="TryLetGo"/>): the registry then has, or makes, another.
    /// </summary>
    public (bool Added, string? Replaced, bool Opened)? Enter(Peer peer, string connectionId, int capacity)
    {
        lock (_members)
        {
            if (_letGo)
                return null;
            var replaced = _members.GetValueOrDefault(peer.ParticipantId)?.ConnectionId;
            if (replaced is null && _members.Count >= capacity)
                return (false, null, false);
            _members[peer.ParticipantId] = new Member(connectionId, peer);
            var wasOpen = _open;
            _open = HasLeadUnit();
            return (true, replaced, _open && !wasOpen);
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

/// <summary>The rooms of this server and which connection is which participant in which room.</summary>
public sealed class RoomRegistry
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
    public (Room Room, bool Added, string? Replaced, bool Opened) Enter(int visitId, Peer peer, string connectionId, int capacity)
    {
        while (true)
        {
            var room = _rooms.GetOrAdd(visitId, id => new Room(id));
            if (room.Enter(peer, connectionId, capacity) is var (added, replaced, opened))
                return (room, added, replaced, opened);
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

    public void Sit(string connectionId, Room room, int participantId) => _seats[connectionId] = new Seat(room, participantId);

    public Seat? SeatOf(string connectionId) => _seats.GetValueOrDefault(connectionId);

    public Seat? Unseat(string connectionId) => _seats.TryRemove(connectionId, out var seat) ? seat : null;
}
