using System.Text.Json;
using Consultation.Accounts;
using Consultation.Data;
using Consultation.Items;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace Consultation.Notifications;

public sealed record NotificationDto(long Id, string Kind, JsonElement? Data, int? ItemId, int? VisitId, DateTime CreatedAtUtc, bool Read);

public interface INotificationClient
{
    Task Notified(NotificationDto notification);
}

/// <summary>
/// In-app notifications: queued into the same unit of work as the change they announce (so both are saved
/// or neither), then pushed to the recipients' open browsers.
/// </summary>
public sealed class Notifier(AppDbContext db, IHubContext<NotificationHub, INotificationClient> hub, TimeProvider clock)
{
    private readonly List<Notification> _queued = [];

    public async Task QueueAsync(IQueryable<int> recipients, string kind, Item item, object? extra = null)
    {
        var data = JsonSerializer.Serialize(new { number = item.Number, title = item.Title, extra }, NotificationJson.Options);
        foreach (var userId in await recipients.Distinct().ToListAsync())
        {
            var notification = new Notification
            {
                UserId = userId, Kind = kind, ItemId = item.Id, Data = data, CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            };
            db.Notifications.Add(notification);
            _queued.Add(notification);
        }
    }

    /// <summary>Call after SaveChanges: a browser that misses the push still finds the row in its list.</summary>
    public async Task PushAsync()
    {
        foreach (var n in _queued)
            await hub.Clients.User(n.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture)).Notified(n.ToDto());
        _queued.Clear();
    }

    public IQueryable<int> HandlersOf(params int[] unitIds) => db.HandlersOf(unitIds);

    public IQueryable<int> Office() => db.InRole(Roles.Office);

    public IQueryable<int> AccountsOf(int[] deputyIds) =>
        db.Users.Where(u => u.DeputyId != null && deputyIds.Contains(u.DeputyId.Value)).Select(u => u.Id);

    /// <summary>The submitter and the confirmed co-signers who have accounts.</summary>
    public IQueryable<int> SignersOf(int itemId) =>
        from s in db.ItemSigners
        where s.ItemId == itemId && (s.Role == SignerRole.Submitter || s.ConfirmedAtUtc != null)
        join u in db.Users on s.DeputyId equals u.DeputyId
        select u.Id;
}

internal static class NotificationJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static NotificationDto ToDto(this Notification n) =>
        new(n.Id, n.Kind, n.Data is null ? null : JsonDocument.Parse(n.Data).RootElement.Clone(), n.ItemId, n.VisitId,
            n.CreatedAtUtc, n.ReadAtUtc is not null);
}
