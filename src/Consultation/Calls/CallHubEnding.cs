using Consultation.Visits;
using Hangfire;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Consultation.Calls;

public sealed partial class CallHub
{
    /// <summary>The room's chat so far, oldest first, for someone who joins late or rejoins after a reconnect.</summary>
    public async Task<ChatLine[]> ChatHistory()
    {
        var seat = Seated();
        return await CallReportApi.ChatOf(db, seat.Room.VisitId).ToArrayAsync();
    }

    /// <summary>
    /// A handler of the lead unit ends the visit for everyone: all are told, removed, and nobody enters again. The
    /// visit closes now, as it would after its end: held if both sides met in the room, a no-show otherwise.
    /// </summary>
    public async Task EndVisit()
    {
        var seat = Seated();
        if (seat.Room.Find(seat.ParticipantId)?.Peer.Role != ParticipantRole.LeadUnit)
            throw new HubException("Only a handler of the lead unit can end the visit for everyone: use Leave to go yourself.");
        var group = Group(seat.Room.VisitId);
        await Clients.Group(group).RoomStateChanged("closed");
        foreach (var connectionId in await rooms.EndAsync(seat.Room))
            await Groups.RemoveFromGroupAsync(connectionId, group);
        var visitId = seat.Room.VisitId;
        await attendance.LeftAsync(visitId, participantId: null, Now);
        var sequence = await db.Visits.Where(v => v.Id == visitId).Select(v => v.Sequence).SingleAsync();
        services.GetRequiredService<IBackgroundJobClient>().Enqueue<VisitJobs>(j => j.RunAsync(visitId, VisitJobKind.AutoClose, sequence));
    }
}
