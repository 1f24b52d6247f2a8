using System.Text.Json;
using Consultation.Data;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace Consultation.Notifications;

/// <summary>What an effect announces, for the in-app row and the texts of the other channels.</summary>
public sealed record Announcement(string Kind, int? ItemId, int? VisitId, object Data);

/// <summary>
/// Makes every effect happen once. An effect is recorded under its unique key in the same save as the in-app
/// notification; an e-mail or SMS is recorded before it is sent and marked delivered after, so a job that runs
/// twice (or concurrently) finds the key taken and does nothing, and one interrupted mid-send is retried by the
/// reconcile job instead of being lost, unless an <see cref="IRetryRule"/> says it is no longer true. A message
/// composed with a join link saves that link in the same save as its entry, so a message that was already sent mints
/// no new link.
/// </summary>
public sealed class EffectLedger(
    AppDbContext db, IEmailChannel email, ISmsChannel sms, IHubContext<NotificationHub, INotificationClient> hub,
    IEnumerable<IRetryRule> retryRules, TimeProvider clock, ILogger<EffectLedger> log)
{
    public const int MaxAttempts = 5;
    public const int RetriesPerRun = 100;
    public static readonly TimeSpan RetryAfter = TimeSpan.FromMinutes(2);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The in-app notification, pushed to open browsers. False when it had already been recorded.</summary>
    public async Task<bool> InAppAsync(string key, Recipient to, Announcement what)
    {
        if (to.UserId is not { } userId)
            return false;
        var notification = new Notification
        {
            UserId = userId, Kind = what.Kind, ItemId = what.ItemId, VisitId = what.VisitId, CreatedAtUtc = Now,
            Data = JsonSerializer.Serialize(what.Data, NotificationJson.Options),
        };
        db.Notifications.Add(notification);
        if (!await RecordAsync(new SentEffect
            {
                Key = $"{key}:in-app", Kind = what.Kind, Channel = Channel.InApp, ItemId = what.ItemId, VisitId = what.VisitId,
                RecipientUserId = userId, RecordedAtUtc = Now, DeliveredAtUtc = Now,
            }))
            return false;
        await hub.Clients.User(userId.ToString(System.Globalization.CultureInfo.InvariantCulture)).Notified(notification.ToDto());
        return true;
    }

    public async Task<bool> EmailAsync(string key, Recipient to, Announcement what, Func<OutgoingEmail> compose)
    {
        if (!email.Enabled || !to.ByEmail || to.Email is null)
            return false;
        var message = compose();
        var effect = Effect(key, Channel.Email, to, what, JsonSerializer.Serialize(message));
        return await RecordAsync(effect) && await DeliverAsync(effect);
    }

    public async Task<bool> SmsAsync(string key, Recipient to, Announcement what, Func<string> compose, bool required = false)
    {
        if (!sms.Enabled || to.Phone is null || !(to.BySms || required))
            return false;
        var effect = Effect(key, Channel.Sms, to, what, JsonSerializer.Serialize(new SmsPayload(to.Phone, compose())));
        return await RecordAsync(effect) && await DeliverAsync(effect);
    }

    /// <summary>
    /// E-mails and SMS recorded but never confirmed sent (a crash, a mail server down): send them again, those still wanted,
    /// at most <see cref="RetriesPerRun"/> a run, oldest first. The others are given up: not sent, not tried again, their
    /// row saying why. When the rules cannot tell about a message (what they read is out of reach, Redis down say), the
    /// other messages of its kind wait for the next run without being asked about again (each asking can take the
    /// client's whole timeout) and without taking the turn of the messages behind them.
    /// </summary>
    public async Task<int> RetryUndeliveredAsync()
    {
        var before = Now - RetryAfter;
        var undelivered = db.SentEffects
            .Where(e => e.DeliveredAtUtc == null && e.Channel != Channel.InApp && e.Attempts < MaxAttempts && e.RecordedAtUtc < before);
        var unjudgedKinds = new HashSet<string>();
        var (left, sent, after) = (RetriesPerRun, 0, 0L);
        while (left > 0)
        {
            var page = await undelivered.Where(e => e.Id > after && !unjudgedKinds.Contains(e.Kind))
                .OrderBy(e => e.Id).Take(left).ToListAsync();
            if (page.Count == 0)
                break;
            after = page[^1].Id;
            foreach (var effect in page.Where(e => !unjudgedKinds.Contains(e.Kind)))
            {
                var (known, why) = await WhyNotAnymoreAsync(effect);
                if (!known)
                {
                    unjudgedKinds.Add(effect.Kind);
                    continue;
                }
                left--;
                if (why is not null)
                    await GiveUpAsync(effect, why);
                else if (await DeliverAsync(effect))
                    sent++;
            }
        }
        return sent;
    }

    /// <summary>
    /// Whether the rules could tell (a rule that cannot reach what it reads leaves the message for the next run), and why
    /// the message is no longer wanted, if it is not.
    /// </summary>
    private async Task<(bool Known, string? Why)> WhyNotAnymoreAsync(SentEffect effect)
    {
        try
        {
            foreach (var rule in retryRules)
                if (await rule.WhyNotAnymoreAsync(effect) is { } why)
                    return (true, why);
            return (true, null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Could not tell whether {Key} is still to be sent; asking again at the next retry", effect.Key);
            return (false, null);
        }
    }

    private async Task GiveUpAsync(SentEffect effect, string why)
    {
        log.LogInformation("Not sending {Key} again: {Reason}", effect.Key, why);
        effect.Attempts = MaxAttempts;
        effect.LastError = $"not sent: {why}";
        effect.Payload = null;
        await SaveAsync(effect);
    }

    private SentEffect Effect(string key, Channel channel, Recipient to, Announcement what, string payload) => new()
    {
        Key = $"{key}:{channel.ToString().ToLowerInvariant()}", Kind = what.Kind, Channel = channel, ItemId = what.ItemId,
        VisitId = what.VisitId, RecipientUserId = to.UserId, RecordedAtUtc = Now, Payload = payload,
    };

    /// <summary>Saves the effect (and whatever else is pending); false if its key was already taken.</summary>
    private async Task<bool> RecordAsync(SentEffect effect)
    {
        db.SentEffects.Add(effect);
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await db.SentEffects.AnyAsync(e => e.Key == effect.Key))
                return false;
            throw;
        }
    }

    private async Task<bool> DeliverAsync(SentEffect effect)
    {
        effect.Attempts++;
        try
        {
            if (effect.Channel == Channel.Email)
                await email.SendAsync(JsonSerializer.Deserialize<OutgoingEmail>(effect.Payload!)!);
            else
            {
                var payload = JsonSerializer.Deserialize<SmsPayload>(effect.Payload!)!;
                await sms.SendAsync(payload.Phone, payload.Text);
            }
            effect.DeliveredAtUtc = Now;
            effect.LastError = null;
            // Kept only for retries: a sent message may carry a join link, whose token is stored nowhere else.
            effect.Payload = null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Sending {Key} failed (attempt {Attempt})", effect.Key, effect.Attempts);
            effect.LastError = e.Message.Length > 1_000 ? e.Message[..1_000] : e.Message;
        }
        await SaveAsync(effect);
        return effect.DeliveredAtUtc is not null;
    }

    private async Task SaveAsync(SentEffect effect)
    {
        db.SentEffects.Update(effect);
        await db.SaveChangesAsync();
    }

    private sealed record SmsPayload(string Phone, string Text);
}
