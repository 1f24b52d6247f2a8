using Consultation.Data;
using Consultation.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Consultation.Items;

public sealed record FieldChange(string Field, object? Yours, object? Now);

/// <summary>
/// The second of two people editing the same item is refused with what the first one changed, so that
/// nothing is lost: they see who saved, when, and each field where the saved value differs from theirs.
/// </summary>
internal static class EditConflict
{
    public static async Task<ProblemHttpResult> DescribeAsync(AppDbContext db, Item item, IEnumerable<FieldChange> fields)
    {
        var last = await db.AuditEntries.Where(a => a.EntityType == nameof(Item) && a.EntityId == item.Id.ToString())
            .OrderByDescending(a => a.Id).Select(a => new { a.Actor, a.AtUtc }).FirstOrDefaultAsync();
        var changed = fields.Where(f => !Equals(f.Yours, f.Now)).ToArray();
        var names = changed.Length == 0 ? "nothing you edited" : string.Join(", ", changed.Select(f => f.Field));
        return Problems.Of(StatusCodes.Status409Conflict, "edit_conflict",
            $"{last?.Actor ?? "Someone"} saved this item at {last?.AtUtc:yyyy-MM-dd HH:mm} UTC after you opened it ({names} differ from yours). " +
            "Your changes were not saved: reload the item, then apply them again.",
            new Dictionary<string, object?>
            {
                ["changedBy"] = last?.Actor,
                ["changedAtUtc"] = last?.AtUtc,
                ["changes"] = changed,
                ["version"] = item.Version,
            });
    }
}
