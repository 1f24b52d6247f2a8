using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Consultation.Audit;

/// <summary>Who is making the changes being saved: the signed-in user, or a named system process.</summary>
public interface IAuditActor
{
    int? UserId { get; }
    string Name { get; }
}

/// <summary>Turns tracked changes into audit entries; refuses deletes, stamps new versions.</summary>
internal static class AuditTrail
{
    private static readonly HashSet<string> Hidden =
        ["PasswordHash", "SecurityStamp", "ConcurrencyStamp", nameof(IVersioned.Version)];

    public static List<PendingChange> Collect(ChangeTracker tracker)
    {
        var changes = new List<PendingChange>();
        foreach (var entry in tracker.Entries<IAudited>())
        {
            switch (entry.State)
            {
                case EntityState.Deleted:
                    throw new InvalidOperationException(
                        $"{entry.Metadata.ClrType.Name} rows are never deleted; change their state instead.");
                case EntityState.Added:
                    Stamp(entry);
                    changes.Add(new PendingChange(entry, "Added", null));
                    break;
                case EntityState.Modified:
                    var modified = entry.Properties.Where(p => p.IsModified && !Hidden.Contains(p.Metadata.Name)).ToList();
                    if (modified.Count == 0 && entry.Entity is not IVersioned)
                        continue;
                    Stamp(entry);
                    changes.Add(new PendingChange(entry, "Modified",
                        Serialize(modified.ToDictionary(p => p.Metadata.Name, p => p.OriginalValue))));
                    break;
            }
        }
        return changes;
    }

    private static void Stamp(EntityEntry<IAudited> entry)
    {
        if (entry.Entity is IVersioned versioned)
            versioned.Version = Guid.NewGuid();
    }

    private static string Serialize(Dictionary<string, object?> values) =>
        JsonSerializer.Serialize(values, JsonOptions);

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    internal sealed record PendingChange(EntityEntry<IAudited> Entry, string Action, string? Before)
    {
        // For a modification, only what changed; for an addition, the whole row.
        private readonly HashSet<string>? _changed = Action == "Modified"
            ? Entry.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name).ToHashSet()
            : null;

        /// <summary>The item the row belongs to, if any (known for an added row once it is saved).</summary>
        public int? ItemId => Entry.Entity is Items.Item item ? item.Id
            : Entry.Metadata.FindProperty("ItemId") is { } prop ? (int?)Entry.Property(prop.Name).CurrentValue
            : null;

        public AuditEntry ToEntry(DateTime now, IAuditActor? actor)
        {
            var after = Entry.Properties
                .Where(p => !Hidden.Contains(p.Metadata.Name) && (_changed is null || _changed.Contains(p.Metadata.Name)))
                .ToDictionary(p => p.Metadata.Name, p => p.CurrentValue);
            var id = Entry.Properties.First(p => p.Metadata.IsPrimaryKey()).CurrentValue;
            return new AuditEntry
            {
                AtUtc = now,
                UserId = actor?.UserId,
                Actor = actor?.Name ?? "system",
                EntityType = Entry.Metadata.ClrType.Name,
                EntityId = Convert.ToString(id, System.Globalization.CultureInfo.InvariantCulture) ?? "",
                Action = Action,
                Before = Before,
                After = Serialize(after),
                ItemId = ItemId,
            };
        }
    }
}
