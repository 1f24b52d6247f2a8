using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Consultation.Notifications;

/// <summary>
/// One VEVENT per visit, as calendar clients expect of an iTIP invitation (RFC 5546): the UID never changes, so a
/// rescheduled visit replaces the entry (a higher SEQUENCE) and a cancelled one removes it.
/// </summary>
public sealed class VisitCalendar(TimeProvider clock) : IVisitCalendar
{
    public const string DefaultTimeZone = "Asia/Shanghai";
    public const string ProductId = "-//Consultation//Return visits//ZH";

    public static string UidOf(int visitId) => $"visit-{visitId}@consultation";

    public CalendarFile Request(VisitEvent visit) => Render(visit, "REQUEST", "CONFIRMED");

    public CalendarFile Cancel(VisitEvent visit) => Render(visit, "CANCEL", "CANCELLED");

    private CalendarFile Render(VisitEvent visit, string method, string status)
    {
        var zone = string.IsNullOrWhiteSpace(visit.TimeZone) ? DefaultTimeZone : visit.TimeZone;
        var calendar = new Calendar { ProductId = ProductId, Method = method };
        AddZone(calendar, zone);

        var joinUrl = Uri.TryCreate(visit.JoinUrl, UriKind.Absolute, out var url) ? url : null;
        var entry = new CalendarEvent
        {
            Uid = UidOf(visit.VisitId),
            Sequence = visit.Sequence,
            DtStamp = new CalDateTime(clock.GetUtcNow().UtcDateTime, CalDateTime.UtcTzId),
            DtStart = InZone(visit.StartUtc, zone),
            DtEnd = InZone(visit.EndUtc, zone),
            Summary = visit.Summary,
            Description = WithJoinLink(visit.Description, joinUrl),
            Location = string.IsNullOrWhiteSpace(visit.Location) ? joinUrl?.AbsoluteUri : visit.Location,
            Url = joinUrl,
            Status = status,
            Transparency = "OPAQUE",
        };
        if (!string.IsNullOrWhiteSpace(visit.OrganizerEmail))
            entry.Organizer = new Organizer($"mailto:{visit.OrganizerEmail}") { CommonName = visit.OrganizerName };
        foreach (var (name, email) in visit.Attendees)
        {
            if (string.IsNullOrWhiteSpace(email))
                continue;
            entry.Attendees.Add(new Attendee($"mailto:{email}")
            {
                CommonName = name, Role = "REQ-PARTICIPANT", ParticipationStatus = "NEEDS-ACTION", Rsvp = true,
            });
        }
        calendar.Events.Add(entry);
        return new CalendarFile(method, new CalendarSerializer().SerializeToString(calendar)!);
    }

    // Ical.Net describes a zone that no longer changes its clocks (Asia/Shanghai since 1991) by its last change repeated
    // every year (TZOFFSETFROM:+0900, RRULE in September); a fixed offset since 1970 is what Google and Outlook write.
    private static void AddZone(Calendar calendar, string zone)
    {
        var timeZone = calendar.AddTimeZone(zone);
        if (timeZone.TimeZoneInfos.Count != 1 || timeZone.TimeZoneInfos.First() is not { Name: "STANDARD" } standard)
            return;
        standard.OffsetFrom = standard.OffsetTo;
        standard.DtStart = new CalDateTime(1970, 1, 1, 0, 0, 0, null);
        standard.RecurrenceRule = null;
    }

    // Written with TZID=zone so that clients show the local time of the office, whatever their own zone.
    private static CalDateTime InZone(DateTime utc, string zone) =>
        new CalDateTime(DateTime.SpecifyKind(utc, DateTimeKind.Utc), CalDateTime.UtcTzId).ToTimeZone(zone);

    private static string WithJoinLink(string description, Uri? joinUrl)
    {
        if (joinUrl is null || description.Contains(joinUrl.AbsoluteUri, StringComparison.Ordinal)
            || description.Contains(joinUrl.OriginalString, StringComparison.Ordinal))
            return description;
        return string.IsNullOrWhiteSpace(description)
            ? $"参加回访：{joinUrl.AbsoluteUri}"
            : $"{description.TrimEnd()}\n\n参加回访：{joinUrl.AbsoluteUri}";
    }
}
