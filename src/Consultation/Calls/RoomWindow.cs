using Consultation.Visits;

namespace Consultation.Calls;

/// <summary>When a visit's room lets a participant in, and when it closes for everyone.</summary>
public static class RoomWindow
{
    public static DateTime OpensFor(ReturnVisit visit, ParticipantRole role, CallSettings calls, VisitSettings visits) =>
        visit.StartUtc - (role == ParticipantRole.LeadUnit ? calls.LeadUnitEarlyJoin : visits.RoomOpensBefore);

    public static DateTime Closes(ReturnVisit visit, VisitSettings visits) => visit.EndUtc + visits.CloseAfterEnd;

    /// <summary>No video room now or later: not a video visit still to take place, or its room has closed.</summary>
    public static bool IsGone(ReturnVisit visit, DateTime now, VisitSettings visits) =>
        visit.State != VisitState.Scheduled || visit.Method != VisitMethod.Video || now >= Closes(visit, visits);
}
