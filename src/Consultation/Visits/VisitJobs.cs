using Consultation.Accounts;
using Consultation.Calls;
using Consultation.Data;
using Consultation.Items;
using Consultation.Notifications;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace Consultation.Visits;

/// <summary>
/// The scheduled work of a visit. Each run checks first whether it still applies (the visit may have been moved
/// or cancelled since), and every message goes through the effect ledger, so running a job twice changes nothing.
/// </summary>
[AutomaticRetry(Attempts = 5)]
public sealed class VisitJobs(
    AppDbContext db, EffectLedger ledger, IVisitCalendar calendar, VisitEvents events, JoinLinks links, RoomRegistry rooms, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task RunAsync(int visitId, VisitJobKind kind, int sequence)
    {
        var visit = await db.Visits.Include(v => v.Participants).AsNoTracking().SingleOrDefaultAsync(v => v.Id == visitId);
        // A job planned for an earlier version of the visit is replaced by the new plan: it does nothing. Neither does
        // a message that comes too late to help (a server that was down past the start sends no reminder).
        if (visit is not null && visit.Sequence == sequence && WhyTooLate(visit, kind, Now) is null)
        {
            var item = await db.Items.AsNoTracking().SingleAsync(i => i.Id == visit.ItemId);
            switch (kind)
            {
                case VisitJobKind.Invitation:
                    await TellEveryoneAsync(visit, item, sequence == 0 ? VisitMessage.Invited : VisitMessage.Changed, withCalendar: true);
                    break;
                case VisitJobKind.FirstReminder or VisitJobKind.SecondReminder:
                    await TellEveryoneAsync(visit, item, VisitMessage.Reminder, withCalendar: false, reminder: kind);
                    break;
                case VisitJobKind.RoomOpen:
                    await TellEveryoneAsync(visit, item, VisitMessage.RoomOpen, withCalendar: false, inAppOnly: true);
                    break;
                case VisitJobKind.NoShowCheck:
                    await CheckNoShowAsync(visit, item);
                    break;
                case VisitJobKind.AutoClose:
                    await CloseAsync(visit, item);
                    await rooms.ForgetEndedAsync(visitId);
                    break;
                case VisitJobKind.Cancellation:
                    await TellEveryoneAsync(visit, item, VisitMessage.Cancelled, withCalendar: true);
                    break;
            }
        }
        await db.ScheduledJobs.Where(j => j.Key == VisitPlan.JobKey(visitId, kind) && j.Sequence == sequence && j.CompletedAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.CompletedAtUtc, Now));
    }

    /// <summary>Why a message of this kind no longer helps at this moment (a reminder once the visit has started); null while it does.</summary>
    public static string? WhyTooLate(ReturnVisit visit, VisitJobKind kind, DateTime now) => kind switch
    {
        VisitJobKind.FirstReminder or VisitJobKind.SecondReminder when now >= visit.StartUtc => "the visit has started",
        VisitJobKind.Invitation or VisitJobKind.RoomOpen when now >= visit.EndUtc => "the visit has ended",
        _ => null,
    };

    private async Task TellEveryoneAsync(ReturnVisit visit, Item item, string kind, bool withCalendar,
        VisitJobKind? reminder = null, bool inAppOnly = false)
    {
        var recipients = await Recipients.OfVisitAsync(db, visit);
        var text = TextOf(visit, item);
        var what = new Announcement(kind, item.Id, visit.Id, new
        {
            number = item.Number, title = item.Title, startUtc = visit.StartUtc, method = visit.Method, reason = visit.CancellationReason,
        });
        var requireSms = reminder is not null && await db.NotificationPolicy.AnyAsync(p => p.RequireSmsForReminders);
        var calendarEvent = withCalendar ? await events.OfAsync(visit, item, recipients.Select(r => (r.Name, r.Email))) : null;
        foreach (var to in recipients)
        {
            // One key per effect: visit, version, kind of message, person (and channel, added by the ledger).
            var key = VisitEffectKey.Of(visit.Id, visit.Sequence, reminder?.ToString() ?? kind, to.Key);
            await ledger.InAppAsync(key, to, what);
            if (inAppOnly)
                continue;
            await ledger.EmailAsync(key, to, what, () =>
            {
                var joinUrl = JoinUrlFor(visit, to, kind, text.JoinUrl);
                var (subject, body) = MessageTexts.Visit(kind, text with { JoinUrl = joinUrl }, to.TimeZone);
                var file = calendarEvent is null ? null
                    : kind == VisitMessage.Cancelled ? calendar.Cancel(calendarEvent) : calendar.Request(calendarEvent with { JoinUrl = joinUrl });
                return new OutgoingEmail(to.Email!, to.Name, subject, body, file);
            });
            await ledger.SmsAsync(key, to, what,
                () => MessageTexts.Sms(kind, text with { JoinUrl = JoinUrlFor(visit, to, kind, text.JoinUrl) }, to.TimeZone), required: requireSms);
        }
    }

    /// <summary>Participants who never joined are marked no-show, and the lead unit is asked what to do next.</summary>
    private async Task CheckNoShowAsync(ReturnVisit visit, Item item)
    {
        var joined = await db.Attendance.Where(a => a.VisitId == visit.Id).Select(a => a.ParticipantId).Distinct().ToListAsync();
        var missing = await db.VisitParticipants.Where(p => p.VisitId == visit.Id && !joined.Contains(p.Id)).ToListAsync();
        if (missing.Count == 0)
            return;
        foreach (var participant in missing.Where(p => !p.NoShow))
            participant.NoShow = true;
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        var handlers = await Recipients.OfUsersAsync(db, db.HandlersOf(visit.LeadUnitId));
        var what = new Announcement("visit-no-show", item.Id, visit.Id, new
        {
            number = item.Number, title = item.Title, startUtc = visit.StartUtc, missing = missing.Select(p => p.DisplayName).ToArray(),
        });
        foreach (var to in handlers)
            await ledger.InAppAsync(VisitEffectKey.Of(visit.Id, visit.Sequence, "no-show", to.Key), to, what);
    }

    /// <summary>
    /// After the end plus grace the room closes. A video visit is held when the deputy's side and a handler met in
    /// it, and a no-show otherwise; for a phone or in-person visit the lead unit is asked to record the outcome.
    /// </summary>
    private async Task CloseAsync(ReturnVisit snapshot, Item item)
    {
        var visit = await db.Visits.Include(v => v.Participants).SingleAsync(v => v.Id == snapshot.Id);
        if (visit.ClosedAtUtc is not null || visit.State != VisitState.Scheduled)
            return;
        visit.ClosedAtUtc = Now;
        if (visit.Method == VisitMethod.Video)
        {
            var joined = await db.Attendance.Where(a => a.VisitId == visit.Id).Select(a => a.ParticipantId).Distinct().ToListAsync();
            var deputySide = visit.Participants.Any(p => p.DeputyId != null && joined.Contains(p.Id));
            var unitSide = visit.Participants.Any(p => p.Role == ParticipantRole.LeadUnit && joined.Contains(p.Id));
            visit.State = deputySide && unitSide ? VisitState.Held : VisitState.NoShow;
        }
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        var handlers = await Recipients.OfUsersAsync(db, db.HandlersOf(visit.LeadUnitId));
        var what = new Announcement(visit.State == VisitState.NoShow ? "visit-no-show" : "visit-record-due", item.Id, visit.Id,
            new { number = item.Number, title = item.Title, startUtc = visit.StartUtc });
        foreach (var to in handlers)
            await ledger.InAppAsync(VisitEffectKey.Of(visit.Id, visit.Sequence, "closed", to.Key), to, what);
    }

    /// <summary>
    /// Each message that invites to a video visit carries its own single-use link for its recipient; anything else
    /// (a cancellation, someone not among the participants) points at the visit's page, behind sign-in.
    /// </summary>
    private string JoinUrlFor(ReturnVisit visit, Recipient to, string kind, string visitPage) =>
        visit.Method == VisitMethod.Video && kind != VisitMessage.Cancelled && to.ParticipantId is { } participant
            ? links.Mint(visit, participant)
            : visitPage;

    private VisitText TextOf(ReturnVisit visit, Item item) => new(
        item.Number ?? "", item.Title, visit.StartUtc, visit.DurationMinutes, MethodName(visit.Method), visit.Location,
        events.JoinUrl(visit.Id), visit.CancellationReason);

    public static (string zh, string en) MethodName(VisitMethod method) => method switch
    {
        VisitMethod.Video => ("屏对屏视频", "video"),
        VisitMethod.Phone => ("电话", "phone"),
        _ => ("当面", "in person"),
    };
}
