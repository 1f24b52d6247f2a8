using Consultation.Data;
using Consultation.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Consultation.Calls;

public enum LinkRefusal { Unknown, Used, Expired }

/// <summary>Makes join links for messages and redeems them once.</summary>
public sealed class JoinLinks(AppDbContext db, IOptions<VisitSettings> settings, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// A new link for one participant, added to the unit of work of the message that carries it: the link is saved
    /// with the message's ledger entry, or dropped with it when that message had already been sent.
    /// </summary>
    public string Mint(ReturnVisit visit, int participantId)
    {
        var token = JoinLink.NewToken();
        db.JoinLinks.Add(new JoinLink
        {
            VisitId = visit.Id, ParticipantId = participantId, TokenHash = JoinLink.HashOf(token), CreatedAtUtc = Now,
            ExpiresAtUtc = RoomWindow.Closes(visit, settings.Value),
        });
        return UrlOf(token);
    }

    public string UrlOf(string token) => $"{settings.Value.PublicUrl.TrimEnd('/')}/join/{token}";

    public Task<JoinLink?> FindAsync(string token) =>
        db.JoinLinks.AsNoTracking().SingleOrDefaultAsync(l => l.TokenHash == JoinLink.HashOf(token));

    /// <summary>Spends the link: the first caller gets it, every later one (or a concurrent one) is refused.</summary>
    public async Task<(JoinLink? Link, VisitParticipant? Participant, LinkRefusal? Refusal)> RedeemAsync(string token)
    {
        if (await FindAsync(token) is not { } link)
            return (null, null, LinkRefusal.Unknown);
        if (link.UsedAtUtc is not null)
            return (link, null, LinkRefusal.Used);
        var visit = await db.Visits.AsNoTracking().Include(v => v.Participants).SingleAsync(v => v.Id == link.VisitId);
        var participant = visit.Participants.FirstOrDefault(p => p.Id == link.ParticipantId);
        // A moved visit closes at another time than the link was made for: the earlier of the two counts.
        var closes = RoomWindow.Closes(visit, settings.Value);
        if (Now >= link.ExpiresAtUtc || Now >= closes || visit.State != VisitState.Scheduled || participant is null)
            return (link, null, LinkRefusal.Expired);
        var spent = await db.JoinLinks.Where(l => l.Id == link.Id && l.UsedAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.UsedAtUtc, Now));
        if (spent == 0)
            return (link, null, LinkRefusal.Used);
        link.ExpiresAtUtc = link.ExpiresAtUtc < closes ? link.ExpiresAtUtc : closes;
        return (link, participant, null);
    }
}
