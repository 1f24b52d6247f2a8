using System.Globalization;
using Consultation.Accounts;
using Consultation.Data;
using Consultation.Items;
using Consultation.Notifications;
using Consultation.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Consultation.Review;

/// <summary>
/// The review filters as they arrive in the query string. Everything is a string so that a bad value gets a
/// problem naming the field instead of a bare 400 from binding.
/// </summary>
public sealed record ReviewQuery(string? Session, string? Kind, string? Unit, string? Tag, string? From, string? To);

/// <summary>
/// The items a review figure looks at, after checking the filters and who asks. The period selects items by the
/// day they were received (submitted online or registered from paper), counted in the office's time zone.
/// </summary>
public sealed record ReviewScope(int? SessionId, ItemKind? Kind, int? UnitId, string? Tag, DateTime? FromUtc, DateTime? ToUtc, DateTime Now)
{
    public static readonly string[] Tags = ["urgent", "troublesome", "difficult", "key", "longOverdue"];

    /// <summary>The office's zone: months and days of the period are counted there (it has no daylight saving).</summary>
    public static readonly TimeSpan Offset = TimeZoneInfo.TryFindSystemTimeZoneById(VisitCalendar.DefaultTimeZone, out var zone)
        ? zone.BaseUtcOffset : TimeSpan.FromHours(8);

    /// <summary>
    /// The office sees every unit; a handler sees their own unit only (the unit filter is forced, another unit is
    /// refused); everyone else sees no figures.
    /// </summary>
    public static async Task<(ReviewScope? Scope, IResult? Problem)> ResolveAsync(ReviewQuery query, CurrentUser me, AppDbContext db, DateTime now)
    {
        var office = me.IsInRole(Roles.Office);
        if (!office && !(me.IsInRole(Roles.Handler) && me.UnitId is not null))
            return (null, Problems.Of(StatusCodes.Status403Forbidden, "forbidden",
                "The review figures are for the office and for handler units; your account has neither role."));
        int? session = null, unit = null;
        ItemKind? kind = null;
        if (!string.IsNullOrWhiteSpace(query.Session))
        {
            if (!int.TryParse(query.Session, out var s) || !await db.Sessions.AnyAsync(x => x.Id == s))
                return (null, Problems.Invalid("session", "Choose a session from the list of sessions."));
            session = s;
        }
        if (!string.IsNullOrWhiteSpace(query.Kind))
        {
            if (!Enum.TryParse<ItemKind>(query.Kind, ignoreCase: true, out var k) || !Enum.IsDefined(k) || int.TryParse(query.Kind, out _))
                return (null, Problems.Invalid("kind", "The kind must be suggestion, proposal or express."));
            kind = k;
        }
        if (!string.IsNullOrWhiteSpace(query.Unit))
        {
            if (!int.TryParse(query.Unit, out var u) || !await db.Units.AnyAsync(x => x.Id == u))
                return (null, Problems.Invalid("unit", "Choose a unit from the list of handler units."));
            unit = u;
        }
        if (!office)
        {
            if (unit is not null && unit != me.UnitId)
                return (null, Problems.Of(StatusCodes.Status403Forbidden, "other_unit",
                    "You see your own unit's figures only; leave the unit filter empty or choose your unit."));
            unit = me.UnitId;
        }
        if (query.Tag is { Length: > 0 } tag && !Tags.Contains(tag))
            return (null, Problems.Invalid("tag", "The tag must be urgent, troublesome, difficult, key or longOverdue."));
        if (!TryDay(query.From, out var from))
            return (null, Problems.Invalid("from", "Write the first day of the period as yyyy-MM-dd, e.g. 2026-01-01."));
        if (!TryDay(query.To, out var to))
            return (null, Problems.Invalid("to", "Write the last day of the period as yyyy-MM-dd, e.g. 2026-12-31."));
        if (from is not null && to is not null && from > to)
            return (null, Problems.Invalid("to", "The last day of the period comes before its first day: swap them."));
        return (new ReviewScope(session, kind, unit, string.IsNullOrEmpty(query.Tag) ? null : query.Tag,
            from?.Subtract(Offset), to?.AddDays(1).Subtract(Offset), now), null);
    }

    private static bool TryDay(string? text, out DateTime? day)
    {
        day = null;
        if (string.IsNullOrWhiteSpace(text))
            return true;
        if (!DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            return false;
        day = parsed;
        return true;
    }

    /// <summary>Registered items (not drafts, not rejected) that match the session, kind, tag and period.</summary>
    public IQueryable<Item> Items(AppDbContext db)
    {
        var items = db.Items.Where(i => i.Number != null && i.State != ItemState.Rejected);
        if (SessionId is { } session) items = items.Where(i => i.SessionId == session);
        if (Kind is { } kind) items = items.Where(i => i.Kind == kind);
        if (FromUtc is { } from) items = items.Where(i => i.SubmittedAtUtc >= from);
        if (ToUtc is { } to) items = items.Where(i => i.SubmittedAtUtc < to);
        return Tagged(items);
    }

    /// <summary>
    /// The review's rows of the items in scope (see <see cref="ReviewRow"/>: only registered items that were not
    /// rejected have rows), of the chosen unit. An item answered separately by two units counts once for each.
    /// </summary>
    public IQueryable<T> Rows<T>(IQueryable<T> rows) where T : ReviewRow
    {
        if (SessionId is { } session) rows = rows.Where(r => r.SessionId == session);
        if (Kind is { } kind) rows = rows.Where(r => r.Kind == kind);
        if (FromUtc is { } from) rows = rows.Where(r => r.ReceivedAtUtc >= from);
        if (ToUtc is { } to) rows = rows.Where(r => r.ReceivedAtUtc < to);
        if (UnitId is { } unit) rows = rows.Where(r => r.UnitId == unit);
        return Tagged(rows);
    }

    private IQueryable<T> Tagged<T>(IQueryable<T> rows) where T : IItemTags => Tag switch
    {
        "urgent" => rows.Where(r => r.IsUrgent),
        "troublesome" => rows.Where(r => r.IsTroublesome),
        "difficult" => rows.Where(r => r.IsDifficult),
        "key" => rows.Where(r => r.IsKey),
        "longOverdue" => rows.Where(r => r.IsLongOverdue),
        _ => rows,
    };

    public IQueryable<ReviewDuty> Duties(AppDbContext db) => Rows(db.ReviewDuties);

    public IQueryable<ReviewVisit> Visits(AppDbContext db) => Rows(db.ReviewVisits);

    /// <summary>Tracked commitments past their due date and not done.</summary>
    public IQueryable<ReviewCommitment> OverdueCommitments(AppDbContext db) =>
        Rows(db.ReviewCommitments).Where(c => !c.Done && c.DueAtUtc < Now);
}
