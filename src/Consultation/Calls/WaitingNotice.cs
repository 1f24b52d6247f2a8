using Consultation.Data;
using Consultation.Notifications;
using Consultation.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Consultation.Calls;

/// <summary>
/// Tells the lead unit's handlers of a visit, in the app and pushed to their open pages, who is waiting for them in the
/// lobby: a deputy who comes first is not left waiting unseen. Those who chose SMS get a text too, for a handler away
/// from the screen. At most once per visit in <see cref="Quiet"/>, so that a page reloaded in the lobby, or a second
/// person arriving just after the first, does not tell them again.
/// </summary>
public sealed class WaitingNotice(IServiceScopeFactory scopes, TimeProvider clock, ILogger<WaitingNotice> log)
{
    public const string Kind = "visit-waiting";
    public static readonly TimeSpan Quiet = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Never fails: the one who waits has been let in already; a failure is logged, and a text the SMS gateway refused
    /// is sent again by the ledger's retries.
    /// </summary>
    public async Task TellAsync(int visitId, IEnumerable<string> waiting)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var ledger = scope.ServiceProvider.GetRequiredService<EffectLedger>();
            var links = scope.ServiceProvider.GetRequiredService<VisitEvents>();
            var names = waiting.ToArray();
            var now = clock.GetUtcNow().UtcDateTime;
            if (await db.SentEffects.AnyAsync(e => e.VisitId == visitId && e.Kind == Kind && e.RecordedAtUtc > now - Quiet))
                return;
            var visit = await db.Visits.AsNoTracking().SingleAsync(v => v.Id == visitId);
            var item = await db.Items.AsNoTracking().SingleAsync(i => i.Id == visit.ItemId);
            var leads = db.VisitParticipants.Where(p => p.VisitId == visitId && p.Role == ParticipantRole.LeadUnit && p.UserId != null)
                .Select(p => p.UserId!.Value);
            var what = new Announcement(Kind, item.Id, visitId, new
            {
                number = item.Number, title = item.Title, startUtc = visit.StartUtc, waiting = names,
            });
            // Two arrivals at the same moment share a key, so only one of them tells.
            var moment = now.Ticks / Quiet.Ticks;
            string KeyOf(Recipient to) => VisitEffectKey.Of(visitId, visit.Sequence, $"waiting:{moment}", to.Key);
            var handlers = await Recipients.OfUsersAsync(db, leads);
            foreach (var to in handlers)
                await ledger.InAppAsync(KeyOf(to), to, what);
            // Texts after every in-app notice: a slow SMS gateway holds up no one's banner.
            var text = MessageTexts.Waiting(item.Number ?? "", names, links.CheckUrl(visitId));
            foreach (var to in handlers)
                await ledger.SmsAsync(KeyOf(to), to, what, () => text);
        }
        catch (Exception e)
        {
            log.LogError(e, "Could not tell the lead unit that someone waits in the lobby of visit {Visit}", visitId);
        }
    }
}
