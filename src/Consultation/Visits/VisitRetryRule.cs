using Consultation.Data;
using Consultation.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Consultation.Visits;

/// <summary>
/// An invitation, change, reminder or cancellation the gateway refused is sent again only while it still tells the truth,
/// as its job would judge it now: the visit is at the version the message was composed for, not cancelled since (unless
/// that is the news), and the message is not too late (<see cref="VisitJobs.WhyTooLate"/>).
/// </summary>
public sealed class VisitRetryRule(AppDbContext db, TimeProvider clock) : IRetryRule
{
    public async Task<string?> WhyNotAnymoreAsync(SentEffect effect)
    {
        if (JobOf(effect.Kind) is not { } job || VisitEffectKey.Read(effect.Key) is not var (visitId, sequence))
            return null;
        var visit = await db.Visits.AsNoTracking().SingleOrDefaultAsync(v => v.Id == visitId);
        if (visit is null)
            return "the visit no longer exists";
        if (visit.State == VisitState.Cancelled && job != VisitJobKind.Cancellation)
            return "the visit was cancelled";
        if (visit.Sequence != sequence)
            return $"the visit was moved (sequence {sequence} → {visit.Sequence})";
        return VisitJobs.WhyTooLate(visit, job, clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>The job that sends messages of this kind (see <see cref="VisitJobs.RunAsync"/>); null for any other kind.</summary>
    private static VisitJobKind? JobOf(string kind) => kind switch
    {
        VisitMessage.Invited or VisitMessage.Changed => VisitJobKind.Invitation,
        VisitMessage.Reminder => VisitJobKind.FirstReminder,
        VisitMessage.Cancelled => VisitJobKind.Cancellation,
        _ => null,
    };
}
