namespace Consultation.Notifications;

/// <summary>An iCalendar file sent with an e-mail: METHOD:REQUEST for invitations and changes, METHOD:CANCEL for cancellations.</summary>
public sealed record CalendarFile(string Method, string Content);

public sealed record OutgoingEmail(string To, string ToName, string Subject, string Body, CalendarFile? Calendar = null);

/// <summary>E-mail through SMTP. Disabled (and never recorded as an effect) while no SMTP host is configured.</summary>
public interface IEmailChannel
{
    bool Enabled { get; }
    Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken = default);
}

/// <summary>SMS through the office's HTTP gateway. Disabled while no gateway URL is configured.</summary>
public interface ISmsChannel
{
    bool Enabled { get; }
    Task SendAsync(string phoneNumber, string text, CancellationToken cancellationToken = default);
}

/// <summary>What an invitation says about one visit, in UTC; the calendar file carries the time zone.</summary>
public sealed record VisitEvent(
    int VisitId, int Sequence, DateTime StartUtc, DateTime EndUtc, string TimeZone, string Summary, string Description,
    string? Location, string JoinUrl, string OrganizerName, string OrganizerEmail, IReadOnlyList<(string Name, string? Email)> Attendees);

/// <summary>Renders a visit as an iCalendar file with a stable UID and the visit's rising SEQUENCE.</summary>
public interface IVisitCalendar
{
    CalendarFile Request(VisitEvent visit);
    CalendarFile Cancel(VisitEvent visit);
}
