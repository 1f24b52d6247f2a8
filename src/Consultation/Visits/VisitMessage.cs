namespace Consultation.Visits;

/// <summary>
/// The kinds of the messages a visit's jobs send (<see cref="VisitJobs"/>): their texts (<see cref="Notifications.MessageTexts"/>
/// and the web app's) and the rule that judges a retry (<see cref="VisitRetryRule"/>) know them by these names.
/// </summary>
public static class VisitMessage
{
    public const string Invited = "visit-invited";
    public const string Changed = "visit-changed";
    public const string Reminder = "visit-reminder";
    public const string RoomOpen = "visit-room-open";
    public const string Cancelled = "visit-cancelled";
}
