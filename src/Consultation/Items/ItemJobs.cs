using Consultation.Accounts;
using Consultation.Data;
using Consultation.Notifications;
using Consultation.Visits;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Consultation.Items;

/// <summary>The scheduled work of items: the evaluation reminder and the daily deadline watch.</summary>
[AutomaticRetry(Attempts = 5)]
public sealed class ItemJobs(AppDbContext db, EffectLedger ledger, IOptions<DeadlineSettings> deadlines,
    IOptions<VisitSettings> visitSettings, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public static string EvaluationReminderKey(int itemId) => $"item:{itemId}:EvaluationReminder";

    /// <summary>Reminds the submitter of an answer still without their evaluation.</summary>
    public async Task RemindToEvaluateAsync(int itemId, int responseId)
    {
        var item = await db.Items.AsNoTracking().SingleOrDefaultAsync(i => i.Id == itemId);
        var latest = await db.Responses.Where(r => r.ItemId == itemId && !r.IsFollowUp)
            .OrderByDescending(r => r.AnsweredAtUtc).ThenByDescending(r => r.Id).Select(r => r.Id).FirstOrDefaultAsync();
        if (item is { State: ItemState.Answered } && latest == responseId
            && !await db.Evaluations.AnyAsync(e => e.ResponseId == responseId))
        {
            var submitters = await db.ItemSigners.Where(s => s.ItemId == itemId && s.Role == SignerRole.Submitter)
                .Select(s => s.DeputyId).ToArrayAsync();
            var recipients = await Recipients.OfUsersAsync(db, db.Users.Where(u => u.DeputyId != null && submitters.Contains(u.DeputyId.Value)).Select(u => u.Id));
            var what = new Announcement("evaluation-reminder", itemId, null, new { number = item.Number, title = item.Title });
            foreach (var to in recipients)
            {
                var key = $"item:{itemId}:response:{responseId}:evaluation-reminder:{to.Key}";
                await ledger.InAppAsync(key, to, what);
                await ledger.EmailAsync(key, to, what, () => new OutgoingEmail(to.Email!, to.Name,
                    $"请对答复进行评价：{item.Number}《{item.Title}》",
                    $"承办单位已答复您的{item.Number}《{item.Title}》，请登录系统对办理工作和办理结果进行评价。\n\n" +
                    $"Please evaluate the answer to {item.Number} {item.Title}: {visitSettings.Value.PublicUrl.TrimEnd('/')}/items/{itemId}"));
            }
        }
        await db.ScheduledJobs.Where(j => j.Key == EvaluationReminderKey(itemId) && j.Sequence == responseId && j.CompletedAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.CompletedAtUtc, Now));
    }

    /// <summary>
    /// Each morning: every unit gets its due-soon and overdue items, and the office a digest of all overdue items
    /// and overdue commitments from visit records. Once a day per person, however often it runs.
    /// </summary>
    public async Task WatchDeadlinesAsync()
    {
        var digest = await DeadlineDigest.ComputeAsync(db, Now, deadlines.Value, visitSettings.Value.TimeZone);
        foreach (var unit in digest.Units)
        {
            var what = new Announcement("deadline-digest", null, null, digest.ForUnit(unit));
            foreach (var to in await Recipients.OfUsersAsync(db, db.HandlersOf(unit)))
                await ledger.InAppAsync($"watch:{digest.Day}:unit:{unit}:{to.Key}", to, what);
        }

        var office = new Announcement("office-digest", null, null, digest.ForOffice());
        foreach (var to in await Recipients.OfUsersAsync(db, db.InRole(Roles.Office)))
            await ledger.InAppAsync($"watch:{digest.Day}:office:{to.Key}", to, office);
    }
}
