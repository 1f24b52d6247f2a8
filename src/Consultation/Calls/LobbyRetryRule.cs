using Consultation.Notifications;

namespace Consultation.Calls;

/// <summary>
/// "Someone is waiting for you" the gateway refused is sent again only while someone still waits in the lobby: the
/// room (the shared one, with several servers) has people in it and no handler of the lead unit has let them in.
/// </summary>
public sealed class LobbyRetryRule(RoomRegistry rooms) : IRetryRule
{
    public async Task<string?> WhyNotAnymoreAsync(SentEffect effect)
    {
        if (effect.Kind != WaitingNotice.Kind || effect.VisitId is not { } visitId)
            return null;
        return await rooms.ReadAsync(visitId) switch
        {
            { Ended: true } => "the call has ended",
            { IsOpen: true } => "a handler of the lead unit has joined",
            { Members.Count: > 0 } => null,
            _ => "no one waits in the lobby any more",
        };
    }
}
