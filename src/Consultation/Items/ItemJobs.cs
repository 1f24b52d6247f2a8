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
        var now = Now;
        var day = MessageTexts.Time(now, visitSettings.Value.TimeZone)[..10];
        var answering = db.Assignments.Answering();
        var dueSoon = await answering.DueSoon(now, deadlines.Value).Select(a => new { a.UnitId, a.Item!.Number, a.DueAtUtc }).ToListAsync();
        var overdue = await answering.Overdue(now).Select(a => new { a.UnitId, a.Item!.Number, a.DueAtUtc }).ToListAsync();
        var commitments = await db.Commitments.Overdue(db, now).OrderBy(c => c.DueAtUtc)
            .Join(db.Items, c => c.ItemId, i => i.Id, (c, i) => new { c.OwnerUnitId, c.ItemId, i.Number, c.Text, c.DueAtUtc }).ToListAsync();

        var units = dueSoon.Select(d => d.UnitId).Concat(overdue.Select(o => o.UnitId)).Concat(commitments.Select(c => c.OwnerUnitId)).Distinct();
        foreach (var unit in units)
        {
            var what = new Announcement("deadline-digest", null, null, new
            {
                day,
                dueSoon = dueSoon.Where(d => d.UnitId == unit).Select(d => d.Number).ToArray(),
                overdue = overdue.Where(o => o.UnitId == unit).Select(o => o.Number).ToArray(),
                overdueCommitments = commitments.Where(c => c.OwnerUnitId == unit).Select(c => new { c.ItemId, c.Number, c.Text, c.DueAtUtc }).ToArray(),
            });
            foreach (var to in await Recipients.OfUsersAsync(db, db.HandlersOf(unit)))
                await ledger.InAppAsync($"watch:{day}:unit:{unit}:{to.Key}", to, what);
        }

        var digest = new Announcement("office-digest", null, null, new
        {
            day,
            overdue = overdue.Select(o => o.Number).Distinct().ToArray(),
            dueSoon = dueSoon.Select(d => d.Number).Distinct().Count(),
            overdueCommitments = commitments.Select(c => new { c.ItemId, c.Number, c.Text, c.DueAtUtc }).ToArray(),
        });
        var office = db.InRole(Roles.Office);
        foreach (var to in await Recipients.OfUsersAsync(db, office))
            await ledger.InAppAsync($"watch:{day}:office:{to.Key}", to, digest);
    }
}
