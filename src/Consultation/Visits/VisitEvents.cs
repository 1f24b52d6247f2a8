using Consultation.Data;
using Consultation.Items;
using Consultation.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Consultation.Visits;

/// <summary>A visit as an event in people's calendars, and the links that lead to it; one place for these.</summary>
public sealed class VisitEvents(AppDbContext db, Microsoft.Extensions.Options.IOptions<VisitSettings> settings, EmailSettings email)
{
    public string JoinUrl(int visitId) => $"{settings.Value.PublicUrl.TrimEnd('/')}/visits/{visitId}";

    /// <summary>The pre-call check of the visit, behind sign-in: where a handler goes to join.</summary>
    public string CheckUrl(int visitId) => $"{JoinUrl(visitId)}/check";

    public async Task<VisitEvent> OfAsync(ReturnVisit visit, Item item, IEnumerable<(string Name, string? Email)> attendees)
    {
        var organizer = await db.Units.Where(u => u.Id == visit.LeadUnitId).Select(u => u.Name).SingleAsync();
        var join = JoinUrl(visit.Id);
        return new VisitEvent(visit.Id, visit.Sequence, visit.StartUtc, visit.EndUtc, settings.Value.TimeZone,
            $"回访：{item.Number}《{item.Title}》", $"{item.Number}《{item.Title}》\n{visit.Agenda}", visit.Location, join,
            organizer, string.IsNullOrWhiteSpace(email.From) ? "noreply@localhost" : email.From, attendees.ToList());
    }
}
