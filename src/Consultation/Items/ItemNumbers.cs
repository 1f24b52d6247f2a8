using Consultation.Data;
using Microsoft.EntityFrameworkCore;

namespace Consultation.Items;

/// <summary>
/// Numbers items within one session, per kind: 2026-S-0124 is the 124th suggestion of the 2026 session. One
/// instance numbers a batch (an import) without asking the database again for every item.
/// </summary>
public sealed class ItemNumbers
{
    private readonly int _year;
    private readonly Dictionary<ItemKind, int> _last;

    private ItemNumbers(int year, Dictionary<ItemKind, int> last) => (_year, _last) = (year, last);

    public int Year => _year;

    public static async Task<ItemNumbers> ForSessionAsync(AppDbContext db, Session session)
    {
        var last = await db.Items.Where(i => i.SessionId == session.Id && i.Sequence != null)
            .GroupBy(i => i.Kind)
            .Select(g => new { Kind = g.Key, Last = g.Max(i => i.Sequence) ?? 0 })
            .ToListAsync();
        return new ItemNumbers(session.Year, last.ToDictionary(l => l.Kind, l => l.Last));
    }

    /// <summary>Registers a submitted item under the next number of its session and kind, as the office does.</summary>
    public static async Task RegisterAsync(AppDbContext db, Item item, int year, DateTime now)
    {
        var last = await db.Items.Where(i => i.SessionId == item.SessionId && i.Kind == item.Kind).MaxAsync(i => i.Sequence) ?? 0;
        new ItemNumbers(year, new() { [item.Kind] = last }).Register(item, now);
    }

    /// <summary>Gives the item the next number of its kind (or the paper number it already has) and registers it.</summary>
    public void Register(Item item, DateTime now, int? givenSequence = null)
    {
        var sequence = givenSequence ?? _last.GetValueOrDefault(item.Kind) + 1;
        _last[item.Kind] = Math.Max(_last.GetValueOrDefault(item.Kind), sequence);
        item.Sequence = sequence;
        item.Number = Item.FormatNumber(_year, item.Kind, sequence);
        item.State = ItemState.Registered;
        item.RegisteredAtUtc = now;
    }

    /// <summary>Reads a paper number such as "2026-S-0012": its sequence, or null when it is not a number of this session and kind.</summary>
    public int? SequenceOf(string number, ItemKind kind)
    {
        var parts = number.Split('-');
        return parts.Length == 3 && int.TryParse(parts[2], System.Globalization.NumberStyles.None, null, out var sequence) && sequence > 0
               && Item.FormatNumber(_year, kind, sequence) == number
            ? sequence
            : null;
    }
}
