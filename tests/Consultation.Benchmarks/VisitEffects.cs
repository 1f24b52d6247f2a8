using Consultation.Data;
using Consultation.Notifications;
using Consultation.Visits;
using Microsoft.EntityFrameworkCore;

namespace Consultation.Benchmarks;

/// <summary>
/// What the server recorded for the benchmark's visits, read from its database: each in-app effect in the sent-effects
/// ledger (its key names the visit, the message and the person; the time is when the job recorded it) against what
/// was due, and the notifications people see, where a duplicate would show.
/// </summary>
public sealed class VisitEffects(string databaseFile, VisitSettings settings)
{
    /// <summary>A message of the visit plan: its name in the ledger's keys, and when it is due for a visit.</summary>
    public sealed record Message(string Name, string KeyPart, string NotificationKind, Func<ReturnVisit, DateTime> DueOf, bool Measured);

    /// <summary>
    /// <c>QuietLatenessMs</c>: only the effects due after the last invitation was recorded, when the one worker was no
    /// longer working through the invitations queued by the scheduling (first in, first out).
    /// </summary>
    public sealed record Outcome(Message Message, int Expected, int Delivered, int Duplicates, int Missing, Timings LatenessMs, Timings QuietLatenessMs);

    public Message[] Messages { get; } =
    [
        new($"{settings.SecondReminderBefore.TotalMinutes:0}-minute reminder", VisitJobKind.SecondReminder.ToString(), "visit-reminder",
            v => v.StartUtc - settings.SecondReminderBefore, Measured: true),
        new("room open", "visit-room-open", "visit-room-open", v => v.StartUtc - settings.RoomOpensBefore, Measured: true),
        new("invitation", "visit-invited", "visit-invited", v => v.ScheduledAtUtc, Measured: false),
    ];

    /// <summary>The measured effects recorded so far for the visits from <c>firstVisitId</c> on.</summary>
    public async Task<int> CountMeasuredAsync(int firstVisitId)
    {
        await using var db = Open();
        var parts = Messages.Where(m => m.Measured).Select(m => $":{m.KeyPart}:").ToArray();
        return await db.SentEffects.CountAsync(e => e.VisitId >= firstVisitId && e.Channel == Channel.InApp
                                                    && (e.Key.Contains(parts[0]) || e.Key.Contains(parts[1])));
    }

    public async Task<Outcome[]> ReadAsync(IReadOnlyCollection<int> visitIds)
    {
        await using var db = Open();
        var first = visitIds.Min();
        var ours = visitIds.ToHashSet();
        var visits = (await db.Visits.AsNoTracking().Where(v => v.Id >= first).ToListAsync()).Where(v => ours.Contains(v.Id)).ToDictionary(v => v.Id);
        var participants = await db.VisitParticipants.AsNoTracking().Where(p => p.VisitId >= first).ToListAsync();
        var accountOf = await db.Users.Where(u => u.DeputyId != null).ToDictionaryAsync(u => u.DeputyId!.Value, u => u.Id);
        // Everyone with an account is told in-app: the staff, and the deputies through their accounts.
        var recipients = participants.Where(p => ours.Contains(p.VisitId))
            .Select(p => (p.VisitId, User: p.UserId ?? accountOf.GetValueOrDefault(p.DeputyId ?? 0)))
            .Where(r => r.User != 0).ToList();

        var effects = (await db.SentEffects.AsNoTracking().Where(e => e.VisitId >= first && e.Channel == Channel.InApp)
                .Select(e => new { e.Key, e.RecordedAtUtc }).ToListAsync())
            .Select(e => (Parts: e.Key.Split(':'), e.RecordedAtUtc))
            // visit:{id}:s{sequence}:{message}:user:{id}:in-app
            .Select(e => (Visit: int.Parse(e.Parts[1]), Message: e.Parts[3], User: int.Parse(e.Parts[5]), e.RecordedAtUtc))
            .Where(e => ours.Contains(e.Visit)).ToList();
        var notifications = await db.Notifications.AsNoTracking().Where(n => n.VisitId >= first)
            .GroupBy(n => new { n.VisitId, n.UserId, n.Kind }).Select(g => new { g.Key.VisitId, g.Key.Kind, Count = g.Count() }).ToListAsync();

        var lastInvitation = effects.Where(e => e.Message == Messages[^1].KeyPart).Select(e => e.RecordedAtUtc).DefaultIfEmpty().Max();
        return Messages.Select(m =>
        {
            var sent = effects.Where(e => e.Message == m.KeyPart).ToDictionary(e => (e.Visit, e.User), e => e.RecordedAtUtc);
            var (lateness, quiet) = (new Timings(), new Timings());
            var delivered = 0;
            foreach (var (visit, user) in recipients)
                if (sent.TryGetValue((visit, user), out var at))
                {
                    delivered++;
                    var due = m.DueOf(visits[visit]);
                    lateness.Add(at - due);
                    if (due > lastInvitation)
                        quiet.Add(at - due);
                }
            var duplicates = notifications.Where(n => n.Kind == m.NotificationKind && n.VisitId is { } v && ours.Contains(v)).Sum(n => n.Count - 1);
            return new Outcome(m, recipients.Count, delivered, duplicates, recipients.Count - delivered, lateness, quiet);
        }).ToArray();
    }

    private AppDbContext Open() =>
        new(new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={databaseFile};Mode=ReadOnly").Options);
}
