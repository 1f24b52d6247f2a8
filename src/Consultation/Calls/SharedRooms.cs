using System.Text.Json;
using System.Text.Json.Serialization;
using Consultation.Visits;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Consultation.Calls;

/// <summary>
/// The rooms of several servers (scale-out): who is in each room is kept in Redis, so that a deputy whose browser
/// reached one server and a handler who reached another meet in one room. Each change is one Lua script (atomic:
/// two handlers entering at once on two servers, the last seat of a full room) that returns the room as it is
/// afterwards, with a version; every server keeps a copy of the rooms it has someone in, replaced by newer versions
/// only, and told by a Redis message when another server changed one. A signal is checked against that copy in
/// memory and sent to the participant's own group, which reaches their connection on whatever server holds it.
/// Each server says it is alive every few seconds; the members of a server that stopped saying so (it crashed) are
/// taken out of their rooms the next time anyone reads them, and the others told they left.
/// </summary>
public sealed class SharedRooms(IConnectionMultiplexer redis, IHubContext<CallHub, IVisitClient> hub, AttendanceLog attendance,
    TimeProvider clock, IOptions<CallSettings> settings, ILogger<SharedRooms> log) : RoomRegistry, IHostedService
{
    private const string Prefix = "consultation:";
    private static readonly RedisChannel Changes = RedisChannel.Literal(Prefix + "room-changes");
    // Kept a day after the last change: long past any visit's window, and the database refuses joins after it.
    private static readonly int KeepSeconds = (int)TimeSpan.FromDays(1).TotalSeconds;

    // Takes out the members whose server stopped saying it is alive; returns them.
    private const string Prune = """
        local function prune(room, servers)
          local pruned = {}
          local all = redis.call('HGETALL', room)
          for i = 1, #all, 2 do
            if redis.call('EXISTS', servers .. cjson.decode(all[i + 1]).s) == 0 then
              redis.call('HDEL', room, all[i])
              pruned[#pruned + 1] = all[i + 1]
            end
          end
          if #pruned > 0 then redis.call('INCR', room .. ':version') end
          return pruned
        end
        local function version(room) return tonumber(redis.call('GET', room .. ':version') or '0') end
        """;

    // KEYS: room, ended. ARGV: participant, member, capacity, servers, keep. Returns outcome, replaced, pruned, members, version.
    private const string EnterScript = Prune + "\n" + """
        if redis.call('EXISTS', KEYS[2]) == 1 then return {'ended', '', {}, {}, version(KEYS[1])} end
        local pruned = prune(KEYS[1], ARGV[4])
        local old = redis.call('HGET', KEYS[1], ARGV[1])
        if not old and redis.call('HLEN', KEYS[1]) >= tonumber(ARGV[3]) then
          return {'full', '', pruned, redis.call('HVALS', KEYS[1]), version(KEYS[1])}
        end
        redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
        redis.call('EXPIRE', KEYS[1], ARGV[5])
        redis.call('INCR', KEYS[1] .. ':version')
        redis.call('EXPIRE', KEYS[1] .. ':version', ARGV[5])
        return {'added', old or '', pruned, redis.call('HVALS', KEYS[1]), version(KEYS[1])}
        """;

    // KEYS: room. ARGV: participant, connection, servers. Returns left (1/0), pruned, members, version.
    private const string LeaveScript = Prune + "\n" + """
        local pruned = prune(KEYS[1], ARGV[3])
        local mine = redis.call('HGET', KEYS[1], ARGV[1])
        local left = 0
        if mine and cjson.decode(mine).c == ARGV[2] then
          redis.call('HDEL', KEYS[1], ARGV[1])
          redis.call('INCR', KEYS[1] .. ':version')
          left = 1
        end
        return {left, pruned, redis.call('HVALS', KEYS[1]), version(KEYS[1])}
        """;

    // KEYS: room. ARGV: participant, connection, member. Returns members, version.
    private const string MediaScript = Prune + "\n" + """
        local mine = redis.call('HGET', KEYS[1], ARGV[1])
        if mine and cjson.decode(mine).c == ARGV[2] then
          redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
          redis.call('INCR', KEYS[1] .. ':version')
        end
        return {redis.call('HVALS', KEYS[1]), version(KEYS[1])}
        """;

    // KEYS: room, ended. ARGV: keep. Returns members (before), version.
    private const string EndScript = Prune + "\n" + """
        local members = redis.call('HVALS', KEYS[1])
        redis.call('DEL', KEYS[1])
        redis.call('SET', KEYS[2], '1', 'EX', ARGV[1])
        redis.call('INCR', KEYS[1] .. ':version')
        redis.call('EXPIRE', KEYS[1] .. ':version', ARGV[1])
        return {members, version(KEYS[1])}
        """;

    // KEYS: room, ended. ARGV: servers. Returns ended (1/0), pruned, members, version.
    private const string ReadScript = Prune + "\n" + """
        if redis.call('EXISTS', KEYS[2]) == 1 then return {1, {}, {}, version(KEYS[1])} end
        local pruned = prune(KEYS[1], ARGV[1])
        return {0, pruned, redis.call('HVALS', KEYS[1]), version(KEYS[1])}
        """;

    private readonly string _server = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    private readonly CancellationTokenSource _stopping = new();
    private Task? _beating;

    private IDatabase Db => redis.GetDatabase();
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The group of one participant's connection, wherever it is: a signal's way to them.</summary>
    public static string ParticipantGroup(int visitId, int participantId) => $"visit:{visitId}:{participantId}";

    private static RedisKey RoomKey(int visitId) => $"{Prefix}room:{visitId}";
    private static RedisKey EndedKey(int visitId) => $"{Prefix}room:{visitId}:ended";
    private const string Servers = Prefix + "server:";

    public override async Task<RoomEntry> EnterAsync(int visitId, Peer peer, string connectionId, int capacity)
    {
        var room = HeldRoom(visitId);
        // The same connection joining again is held once, by its seat.
        if (SeatOf(connectionId)?.Room == room)
            Release(room);
        // In the participant's group first: whoever enters after this entry (on any server) sends to it at once.
        await hub.Groups.AddToGroupAsync(connectionId, ParticipantGroup(visitId, peer.ParticipantId));
        RedisResult[] result;
        try
        {
            result = (RedisResult[])(await Db.ScriptEvaluateAsync(EnterScript, [RoomKey(visitId), EndedKey(visitId)],
                [peer.ParticipantId, Stored.Of(connectionId, _server, peer), capacity, Servers, KeepSeconds]))!;
        }
        catch
        {
            await hub.Groups.RemoveFromGroupAsync(connectionId, ParticipantGroup(visitId, peer.ParticipantId));
            Release(room);
            throw;
        }
        var outcome = (string)result[0]! switch { "added" => EntryOutcome.Added, "full" => EntryOutcome.Full, _ => EntryOutcome.Ended };
        // Taking the room as it is now also lets go of this participant's older connection if it is this server's.
        var members = Members(result[3]);
        await ApplyAsync(room, members, outcome == EntryOutcome.Ended, (long)result[4], Pruned(result[2]));
        if (outcome != EntryOutcome.Added)
        {
            await hub.Groups.RemoveFromGroupAsync(connectionId, ParticipantGroup(visitId, peer.ParticipantId));
            Release(room);
            return new RoomEntry(room, outcome, null, false, false, []);
        }
        await PublishAsync(visitId);
        var returning = ((string)result[1]!).Length > 0;
        var opened = !returning && peer.Role == ParticipantRole.LeadUnit && members.Count(m => m.Peer.Role == ParticipantRole.LeadUnit) == 1;
        return new RoomEntry(room, outcome, null, opened, returning, members);
    }

    public override async Task<Seat?> LeaveAsync(string connectionId)
    {
        if (Unseat(connectionId) is not { } seat)
            return null;
        try
        {
            var visitId = seat.Room.VisitId;
            var result = (RedisResult[])(await Db.ScriptEvaluateAsync(LeaveScript, [RoomKey(visitId)],
                [seat.ParticipantId, connectionId, Servers]))!;
            await hub.Groups.RemoveFromGroupAsync(connectionId, ParticipantGroup(visitId, seat.ParticipantId));
            await ApplyAsync(seat.Room, Members(result[2]), ended: false, (long)result[3], Pruned(result[1]));
            if ((int)result[0] == 0)
                return null;
            await PublishAsync(visitId);
            return seat;
        }
        finally
        {
            Release(seat.Room);
        }
    }

    public override async Task SetMediaAsync(Seat seat, MediaState media)
    {
        // Only while this seat is still the participant's connection (not replaced by a newer one elsewhere).
        var me = seat.Room.Find(seat.ParticipantId);
        if (me is null || SeatOf(me.ConnectionId) != seat)
            return;
        var result = (RedisResult[])(await Db.ScriptEvaluateAsync(MediaScript, [RoomKey(seat.Room.VisitId)],
            [seat.ParticipantId, me.ConnectionId, Stored.Of(me.ConnectionId, _server, me.Peer with { Media = media })]))!;
        await ApplyAsync(seat.Room, Members(result[0]), ended: false, (long)result[1], []);
        await PublishAsync(seat.Room.VisitId);
    }

    public override async Task<IReadOnlyList<string>> EndAsync(Room room)
    {
        var result = (RedisResult[])(await Db.ScriptEvaluateAsync(EndScript, [RoomKey(room.VisitId), EndedKey(room.VisitId)], [KeepSeconds]))!;
        // Taking the ended room lets go of this server's connections in it, and takes them out of its groups.
        await ApplyAsync(room, [], ended: true, (long)result[1], []);
        await PublishAsync(room.VisitId);
        return [];
    }

    public override async Task<Room?> ReadAsync(int visitId)
    {
        var room = Find(visitId) ?? new Room(visitId);
        await RefreshAsync(room);
        return room.Members.Count > 0 || room.Ended ? room : null;
    }

    public override ValueTask<Room.Member?> MemberAsync(Room room, int participantId) =>
        room.Find(participantId) is { } member ? ValueTask.FromResult<Room.Member?>(member) : RefreshedMemberAsync(room, participantId);

    public override IVisitClient To(IHubClients<IVisitClient> clients, Room room, Room.Member member) =>
        clients.Group(ParticipantGroup(room.VisitId, member.Peer.ParticipantId));

    public override async Task ForgetEndedAsync(int visitId)
    {
        await Db.KeyDeleteAsync(EndedKey(visitId));
        ForgetEnded(visitId);
    }

    private async ValueTask<Room.Member?> RefreshedMemberAsync(Room room, int participantId)
    {
        // Someone who joined on another server a moment ago: this server's copy may not have them yet.
        await RefreshAsync(room);
        return room.Find(participantId);
    }

    /// <summary>This server's copy of the room, held by one more connection (made again if it was let go meanwhile).</summary>
    private Room HeldRoom(int visitId)
    {
        while (true)
        {
            var room = Rooms.GetOrAdd(visitId, id => new Room(id));
            if (room.Hold())
                return room;
            Rooms.TryRemove(new KeyValuePair<int, Room>(visitId, room));
        }
    }

    private void Release(Room room)
    {
        if (room.Release())
            Rooms.TryRemove(new KeyValuePair<int, Room>(room.VisitId, room));
    }

    private async Task RefreshAsync(Room room)
    {
        var result = (RedisResult[])(await Db.ScriptEvaluateAsync(ReadScript, [RoomKey(room.VisitId), EndedKey(room.VisitId)], [Servers]))!;
        await ApplyAsync(room, Members(result[2]), (int)result[0] == 1, (long)result[3], Pruned(result[1]));
    }

    /// <summary>
    /// Takes a newer version of the room; this server's connections that are no longer in it (replaced by a newer
    /// connection of theirs elsewhere, or the room ended) are let go; those of a crashed server are told to have left.
    /// </summary>
    private async Task ApplyAsync(Room room, IReadOnlyList<Room.Member> members, bool ended, long version, IReadOnlyList<Stored> pruned)
    {
        if (room.Apply(members, ended, version))
            foreach (var (connectionId, seat) in SeatsIn(room).ToList())
                if (room.Find(seat.ParticipantId)?.ConnectionId != connectionId && Unseat(connectionId) is not null)
                {
                    Release(room);
                    await hub.Groups.RemoveFromGroupAsync(connectionId, CallHub.Group(room.VisitId));
                    await hub.Groups.RemoveFromGroupAsync(connectionId, ParticipantGroup(room.VisitId, seat.ParticipantId));
                }
        foreach (var gone in pruned)
        {
            log.LogWarning("Participant {Participant} left room {Visit} with their server {Server}, which stopped", gone.Participant, room.VisitId, gone.Server);
            await attendance.LeftAsync(room.VisitId, gone.Participant, Now);
            await hub.Clients.Group(CallHub.Group(room.VisitId)).ParticipantLeft(gone.Participant);
        }
        if (pruned.Count == 0)
            return;
        await PublishAsync(room.VisitId);
        if (!room.IsOpen && room.Members.Count > 0)
            await hub.Clients.Group(CallHub.Group(room.VisitId)).RoomStateChanged("lobby");
    }

    private Task PublishAsync(int visitId) => redis.GetSubscriber().PublishAsync(Changes, $"{_server}|{visitId}");

    private static IReadOnlyList<Room.Member> Members(RedisResult values) =>
        ((RedisResult[])values!).Select(v => Stored.Read((string)v!)!.ToMember()).ToList();

    private static IReadOnlyList<Stored> Pruned(RedisResult values) => ((RedisResult[])values!).Select(v => Stored.Read((string)v!)!).ToList();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await BeatAsync();
        await redis.GetSubscriber().SubscribeAsync(Changes, (channel, message) => { _ = OnChangedAsync(message!); });
        _beating = Task.Run(async () =>
        {
            // Real time, not the app's clock: the server's key expires by Redis's own.
            using var timer = new PeriodicTimer(settings.Value.ServerHeartbeat);
            while (await timer.WaitForNextTickAsync(_stopping.Token).ConfigureAwait(false))
                await BeatAsync();
        });
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        try { await (_beating ?? Task.CompletedTask); } catch (OperationCanceledException) { }
        await redis.GetSubscriber().UnsubscribeAsync(Changes);
    }

    /// <summary>Says this server is alive, and reads again the rooms it has someone in (a crashed server's members go).</summary>
    private async Task BeatAsync()
    {
        try
        {
            await Db.StringSetAsync(Servers + _server, "1", settings.Value.ServerHeartbeat * 3);
            foreach (var room in Rooms.Values)
                await RefreshAsync(room);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            log.LogError(e, "Could not reach Redis to keep the shared rooms");
        }
    }

    private async Task OnChangedAsync(string message)
    {
        var (server, visit) = (message[..message.LastIndexOf('|')], int.Parse(message[(message.LastIndexOf('|') + 1)..]));
        if (server == _server || Find(visit) is not { } room)
            return;
        try
        {
            await RefreshAsync(room);
        }
        catch (Exception e)
        {
            log.LogError(e, "Could not read room {Visit} from Redis after another server changed it", visit);
        }
    }

    /// <summary>A member as Redis keeps it: their connection, its server, and what the others see of them.</summary>
    private sealed record Stored(
        [property: JsonPropertyName("p")] int Participant,
        [property: JsonPropertyName("c")] string Connection,
        [property: JsonPropertyName("s")] string Server,
        [property: JsonPropertyName("n")] string Name,
        [property: JsonPropertyName("r")] ParticipantRole Role,
        [property: JsonPropertyName("m")] MediaState Media)
    {
        public Room.Member ToMember() => new(Connection, new Peer(Participant, Name, Role, Media));

        public static string Of(string connectionId, string server, Peer peer) =>
            JsonSerializer.Serialize(new Stored(peer.ParticipantId, connectionId, server, peer.DisplayName, peer.Role, peer.Media));

        public static Stored? Read(string value) => value.Length == 0 ? null : JsonSerializer.Deserialize<Stored>(value);
    }
}
