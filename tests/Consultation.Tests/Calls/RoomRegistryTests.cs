using Consultation.Calls;
using Consultation.Visits;

namespace Consultation.Tests.Calls;

/// <summary>Rooms live in memory while someone is in them: a year of visits must not stay there.</summary>
public sealed class RoomRegistryTests
{
    private static Peer Deputy => new(1, "李明", ParticipantRole.Submitter, new MediaState(true, true, false));
    private static Peer Handler => new(2, "刘伟", ParticipantRole.LeadUnit, new MediaState(true, true, false));
    private static Peer SecondHandler => new(3, "陈静", ParticipantRole.LeadUnit, new MediaState(true, true, false));

    [Fact]
    public void A_room_is_forgotten_when_its_last_member_leaves_and_made_again_for_the_next_join()
    {
        var rooms = new RoomRegistry();
        var (room, _, _, _, _) = rooms.Enter(7, Deputy, "c1", capacity: 6);
        rooms.Enter(7, Handler, "c2", capacity: 6);

        room.Leave(1, "c1");
        rooms.LetGoIfEmpty(room);
        Assert.Same(room, rooms.Find(7));

        room.Leave(2, "c2");
        rooms.LetGoIfEmpty(room);
        Assert.Equal(0, rooms.Count);

        var (again, added, _, _, _) = rooms.Enter(7, Deputy, "c3", capacity: 6);
        Assert.True(added);
        Assert.NotSame(room, again);
        Assert.Equal([1], again.Members.Select(m => m.Peer.ParticipantId));
    }

    [Fact]
    public void A_join_holding_a_room_that_was_let_go_meanwhile_enters_the_new_one()
    {
        var rooms = new RoomRegistry();
        var (stale, _, _, _, _) = rooms.Enter(7, Deputy, "c1", capacity: 6);
        stale.Leave(1, "c1");
        rooms.LetGoIfEmpty(stale);

        Assert.Null(stale.Enter(Handler, "c2", capacity: 6));
        var (room, added, _, _, _) = rooms.Enter(7, Handler, "c2", capacity: 6);
        Assert.True(added);
        Assert.Same(room, rooms.Find(7));
        Assert.True(room.IsOpen);
    }

    [Fact]
    public void An_ended_room_stays_so_that_nobody_enters_it_again_on_this_server_until_its_visit_is_closed()
    {
        var rooms = new RoomRegistry();
        var (room, _, _, _, _) = rooms.Enter(7, Handler, "c1", capacity: 6);
        var (other, _, _, _, _) = rooms.Enter(8, Handler, "c2", capacity: 6);
        room.End();
        rooms.LetGoIfEmpty(room);

        Assert.True(rooms.Find(7)?.Ended);

        rooms.ForgetEnded(7);
        rooms.ForgetEnded(8);

        Assert.Null(rooms.Find(7));
        Assert.Same(other, rooms.Find(8));
    }

    [Fact]
    public void Of_two_lead_handlers_entering_at_once_only_one_opens_the_room()
    {
        for (var round = 0; round < 200; round++)
        {
            var rooms = new RoomRegistry();
            rooms.Enter(7, Deputy, "c1", capacity: 6);
            using var start = new Barrier(2);
            var opened = new[] { Handler, SecondHandler }.AsParallel().WithDegreeOfParallelism(2)
                .Select(peer => { start.SignalAndWait(); return rooms.Enter(7, peer, $"h{peer.ParticipantId}", capacity: 6).Opened; })
                .ToArray();

            Assert.Equal(1, opened.Count(o => o));
            Assert.False(rooms.Enter(7, Deputy, "c1-again", capacity: 6).Opened);
        }
    }
}
