using Consultation.Accounts;
using Consultation.Data;
using Consultation.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Consultation.Items;

public sealed record ItemFilter(
    int? Session, ItemKind? Kind, ItemState? State, int? Unit, string? Tag, bool? Key, bool? DueSoon, bool? Overdue,
    string? Q, int Page = 1, int PageSize = 20);

public sealed record InboxRow(ItemSummary Item, int AssignmentId, AssignmentRole Role, bool SignedFor, DateTime DueAtUtc, DeadlineStatus Deadline);

public sealed record MyItemRow(ItemSummary Item, SignerRole Role, bool Confirmed);

/// <summary>Reading items: the office's list, a unit's inbox, a deputy's own items, one item's page and trail.</summary>
public static class ItemsApi
{
    public static void MapItems(this IEndpointRouteBuilder app)
    {
        var items = app.MapGroup("/api/items").WithTags("Items").RequireAuthorization();
        items.MapGet("/", List).RequireAuthorization(Roles.Office);
        items.MapGet("/{id:int}", Get);
        items.MapGet("/{id:int}/audit", Audit);
        app.MapGet("/api/inbox", Inbox).WithTags("Items").RequireAuthorization(Roles.Handler);
        app.MapGet("/api/my/items", Mine).WithTags("Items").RequireAuthorization(Roles.Deputy);
    }

    private static async Task<Results<Ok<ItemPage>, ValidationProblem>> List([AsParameters] ItemFilter filter, ItemDesk desk)
    {
        if (filter.PageSize is < 1 or > 100)
            return Problems.Invalid("pageSize", "Choose a page size from 1 to 100.");
        if (filter.Tag is not (null or "urgent" or "troublesome" or "difficult" or "longOverdue"))
            return Problems.Invalid("tag", "The tag must be urgent, troublesome, difficult or longOverdue.");
        var now = desk.Now;
        var query = desk.Db.Items.VisibleTo(desk.Me);
        if (filter.Session is { } session) query = query.Where(i => i.SessionId == session);
        if (filter.Kind is { } kind) query = query.Where(i => i.Kind == kind);
        if (filter.State is { } state) query = query.Where(i => i.State == state);
        if (filter.Unit is { } unit) query = query.Where(i => i.Assignments.Any(a => a.UnitId == unit && a.State == AssignmentState.Active));
        if (filter.Key is { } key) query = query.Where(i => i.IsKey == key);
        query = filter.Tag switch
        {
            "urgent" => query.Where(i => i.IsUrgent),
            "troublesome" => query.Where(i => i.IsTroublesome),
            "difficult" => query.Where(i => i.IsDifficult),
            "longOverdue" => query.Where(i => i.IsLongOverdue),
            _ => query,
        };
        if (filter.Overdue == true || filter.DueSoon == true)
        {
            var answering = desk.Db.Assignments.Answering();
            answering = filter.Overdue == true ? answering.Overdue(now) : answering.DueSoon(now, desk.Deadlines);
            query = query.Where(i => answering.Any(a => a.ItemId == i.Id));
        }
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim();
            query = query.Where(i => i.Title.Contains(q) || (i.Number != null && i.Number.Contains(q)));
        }

        var total = await query.CountAsync();
        var page = Math.Max(filter.Page, 1);
        var rows = await Summaries(query.OrderByDescending(i => i.SubmittedAtUtc).ThenByDescending(i => i.Id)
            .Skip((page - 1) * filter.PageSize).Take(filter.PageSize), desk);
        return TypedResults.Ok(new ItemPage(rows, total, page, filter.PageSize));
    }

    private static async Task<Ok<InboxRow[]>> Inbox(ItemDesk desk)
    {
        var unit = desk.Me.UnitId ?? -1;
        var assignments = await desk.Db.Assignments
            .Where(a => a.UnitId == unit && a.State == AssignmentState.Active && a.Item!.State != ItemState.Closed)
            .Select(a => new { a.Id, a.ItemId, a.Role, a.SignedForAtUtc, a.DueAtUtc })
            .ToListAsync();
        var ids = assignments.Select(a => a.ItemId).ToArray();
        var items = (await Summaries(desk.Db.Items.Where(i => ids.Contains(i.Id)), desk)).ToDictionary(i => i.Id);
        return TypedResults.Ok(assignments
            .Select(a => new InboxRow(items[a.ItemId], a.Id, a.Role, a.SignedForAtUtc is not null, a.DueAtUtc,
                Deadlines.StatusOf(a.DueAtUtc, ItemRules.Handling.Contains(items[a.ItemId].State), desk.Now, desk.Deadlines)))
            .OrderBy(r => r.Deadline == DeadlineStatus.None).ThenBy(r => r.DueAtUtc)
            .ToArray());
    }

    private static async Task<Ok<MyItemRow[]>> Mine(ItemDesk desk)
    {
        var deputy = desk.Me.DeputyId ?? -1;
        var signatures = await desk.Db.ItemSigners.Where(s => s.DeputyId == deputy)
            .Select(s => new { s.ItemId, s.Role, s.ConfirmedAtUtc }).ToListAsync();
        var ids = signatures.Select(s => s.ItemId).ToArray();
        var items = (await Summaries(desk.Db.Items.Where(i => ids.Contains(i.Id)), desk)).ToDictionary(i => i.Id);
        return TypedResults.Ok(signatures
            .Select(s => new MyItemRow(items[s.ItemId], s.Role, s.Role == SignerRole.Submitter || s.ConfirmedAtUtc is not null))
            .OrderByDescending(r => r.Item.Id)
            .ToArray());
    }

    private static async Task<Results<Ok<ItemDetail>, ProblemHttpResult>> Get(int id, ItemDesk desk) =>
        await desk.LoadAsync(id) is { } work ? TypedResults.Ok(await desk.DetailAsync(work)) : Problems.NotFound("The item");

    private static async Task<Results<Ok<AuditDto[]>, ProblemHttpResult>> Audit(int id, ItemDesk desk)
    {
        if (!await desk.Db.Items.HandledBy(desk.Me).AnyAsync(i => i.Id == id))
            return Problems.NotFound("The item");
        return TypedResults.Ok(await desk.Db.AuditEntries.Where(a => a.ItemId == id).OrderBy(a => a.Id)
            .Select(a => new AuditDto(a.Id, a.AtUtc, a.Actor, a.EntityType, a.EntityId, a.Action, a.Before, a.After))
            .ToArrayAsync());
    }

    /// <summary>One line per item for lists, with its current answer deadline.</summary>
    internal static async Task<ItemSummary[]> Summaries(IQueryable<Item> items, ItemDesk desk)
    {
        var rows = await items.Select(i => new
        {
            i.Id, i.Number, i.Kind, i.State, i.Title, i.IsUrgent, i.IsTroublesome, i.IsDifficult, i.IsLongOverdue, i.IsKey,
            i.SubmittedAtUtc,
            Submitter = i.Signers.Where(s => s.Role == SignerRole.Submitter).Select(s => s.Deputy!.Name).FirstOrDefault(),
            Lead = i.Assignments.Where(a => a.State == AssignmentState.Active && a.Role != AssignmentRole.Co)
                .OrderBy(a => a.Role).Select(a => a.Unit!.Name).FirstOrDefault(),
            Due = i.Assignments.Where(a => a.State == AssignmentState.Active && a.Role != AssignmentRole.Co)
                .Min(a => (DateTime?)a.DueAtUtc),
        }).ToListAsync();
        return rows.Select(i => new ItemSummary(i.Id, i.Number, i.Kind, i.State, i.Title, i.Submitter, i.Lead, i.Due,
                Deadlines.StatusOf(i.Due, ItemRules.Handling.Contains(i.State), desk.Now, desk.Deadlines),
                ItemDetails.TagsOf(i.IsUrgent, i.IsTroublesome, i.IsDifficult, i.IsLongOverdue),
                i.IsKey, i.SubmittedAtUtc))
            .ToArray();
    }
}
