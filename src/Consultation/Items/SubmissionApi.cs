using System.ComponentModel.DataAnnotations;
using Consultation.Accounts;
using Consultation.Deputies;
using Consultation.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Consultation.Items;

public sealed record DraftRequest(
    [property: Required, StringLength(200, MinimumLength = 4)] string Title,
    [property: Required, StringLength(20_000, MinimumLength = 10)] string Body,
    [property: StringLength(10_000)] string? Problem,
    [property: StringLength(10_000)] string? Requests,
    bool Express,
    [property: MaxLength(50)] int[]? CoSignerIds,
    Guid? Version);

public sealed record DirectoryEntry(int Id, string Name, string? Delegation, DeputyBody Body);

/// <summary>Deputies write items online: drafts, co-signers who confirm, submission to the office.</summary>
public static class SubmissionApi
{
    public static void MapSubmission(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/items").WithTags("Submission").RequireAuthorization(Roles.Deputy).WithValidation();
        group.MapPost("/", Create);
        group.MapPut("/{id:int}", Update);
        group.MapPost("/{id:int}/submit", Submit);
        group.MapPost("/{id:int}/cosign", CoSign);
        app.MapGet("/api/deputies/directory", Directory).WithTags("Submission")
            .RequireAuthorization(p => p.RequireRole(Roles.Deputy, Roles.Office));
    }

    private static async Task<Results<Created<ItemDetail>, ProblemHttpResult, ValidationProblem>> Create(DraftRequest request, ItemDesk desk)
    {
        var me = await desk.Db.Deputies.SingleOrDefaultAsync(d => d.Id == desk.Me.DeputyId);
        var session = await desk.Db.Sessions.Where(s => s.IsCurrent).OrderByDescending(s => s.Year).FirstOrDefaultAsync();
        if (me is null || session is null)
            return Problems.Of(StatusCodes.Status409Conflict, "no_session", "The office has not opened this year's session yet: try again later or call the office.");
        if (await CoSignersProblem(desk, me, request.CoSignerIds) is { } problem)
            return problem;

        var item = new Item
        {
            SessionId = session.Id,
            Kind = request.Express ? ItemKind.Express : me.Body == DeputyBody.Cppcc ? ItemKind.Proposal : ItemKind.Suggestion,
            State = ItemState.Draft, Title = "", Body = "", CreatedAtUtc = desk.Now,
            Signers =
            [
                new ItemSigner { DeputyId = me.Id, Role = SignerRole.Submitter, ConfirmedAtUtc = desk.Now },
                .. (request.CoSignerIds ?? []).Distinct().Select(d => new ItemSigner { DeputyId = d, Role = SignerRole.CoSigner }),
            ],
        };
        Apply(item, request);
        desk.Db.Items.Add(item);
        await desk.SaveAsync();
        var work = (await desk.LoadAsync(item.Id))!;
        return TypedResults.Created($"/api/items/{item.Id}", await desk.DetailAsync(work));
    }

    private static async Task<Results<Ok<ItemDetail>, ProblemHttpResult, ValidationProblem>> Update(int id, DraftRequest request, ItemDesk desk)
    {
        if (await desk.LoadAsync(id) is not { } work)
            return Problems.NotFound("The item");
        if (work.Rules.EditDraft() is { } refusal)
            return refusal.ToProblem();
        var item = work.Item;
        if (request.Version is null)
            return Problems.Invalid("version", "Send the version you loaded, so that a newer save is not overwritten.");
        if (request.Version != item.Version)
            return await EditConflict.DescribeAsync(desk.Db, item, [
                new("title", request.Title.Trim(), item.Title), new("body", request.Body.Trim(), item.Body),
                new("problem", request.Problem?.Trim(), item.Problem), new("requests", request.Requests?.Trim(), item.Requests),
            ]);
        var me = item.Signers.Single(s => s.Role == SignerRole.Submitter).Deputy!;
        if (await CoSignersProblem(desk, me, request.CoSignerIds) is { } problem)
            return problem;
        Apply(item, request);
        item.Kind = request.Express ? ItemKind.Express : me.Body == DeputyBody.Cppcc ? ItemKind.Proposal : ItemKind.Suggestion;
        await SetCoSigners(desk, item, (request.CoSignerIds ?? []).ToHashSet());
        await desk.SaveAsync();
        return TypedResults.Ok(await desk.DetailAsync((await desk.LoadAsync(id))!));
    }

    private static async Task<Results<Ok<ItemDetail>, ProblemHttpResult>> Submit(int id, ItemDesk desk)
    {
        if (await desk.LoadAsync(id) is not { } work)
            return Problems.NotFound("The item");
        if (work.Rules.EditDraft() is { } refusal)
            return refusal.ToProblem();
        work.Item.State = ItemState.Submitted;
        work.Item.SubmittedAtUtc = desk.Now;
        await desk.Notify.QueueAsync(desk.Notify.Office(), "submitted", work.Item);
        var unconfirmed = work.Item.Signers.Where(s => s.Role == SignerRole.CoSigner && s.ConfirmedAtUtc == null)
            .Select(s => s.DeputyId).ToArray();
        await desk.Notify.QueueAsync(desk.Notify.AccountsOf(unconfirmed), "cosign-requested", work.Item);
        await desk.SaveAsync();
        return TypedResults.Ok(await desk.DetailAsync(work));
    }

    private static async Task<Results<Ok<ItemDetail>, ProblemHttpResult>> CoSign(int id, ItemDesk desk)
    {
        if (await desk.LoadAsync(id) is not { } work)
            return Problems.NotFound("The item");
        if (work.Rules.CoSign() is { } refusal)
            return refusal.ToProblem();
        work.Item.Signers.Single(s => s.DeputyId == desk.Me.DeputyId).ConfirmedAtUtc = desk.Now;
        await desk.SaveAsync();
        return TypedResults.Ok(await desk.DetailAsync(work));
    }

    /// <summary>A deputy picks co-signers of their own body; the office registering a paper item picks from both.</summary>
    private static async Task<Ok<DirectoryEntry[]>> Directory(ItemDesk desk, string? q)
    {
        var query = desk.Db.Deputies.Where(d => d.IsActive);
        if (!desk.Me.IsInRole(Roles.Office))
        {
            var me = await desk.Db.Deputies.SingleOrDefaultAsync(d => d.Id == desk.Me.DeputyId);
            query = query.Where(d => d.Id != desk.Me.DeputyId && d.Body == (me == null ? DeputyBody.PeoplesCongress : me.Body));
        }
        if (!string.IsNullOrWhiteSpace(q))
            query = query.Where(d => d.Name.Contains(q.Trim()));
        return TypedResults.Ok(await query.OrderBy(d => d.Name).Take(50)
            .Select(d => new DirectoryEntry(d.Id, d.Name, d.Delegation, d.Body)).ToArrayAsync());
    }

    /// <summary>Withdraws co-signers taken off the draft and adds (or brings back) the new ones.</summary>
    private static async Task SetCoSigners(ItemDesk desk, Item item, HashSet<int> wanted)
    {
        var all = await desk.Db.ItemSigners.IgnoreQueryFilters().Where(s => s.ItemId == item.Id && s.Role == SignerRole.CoSigner).ToListAsync();
        foreach (var signer in all)
        {
            var keep = wanted.Contains(signer.DeputyId);
            if (!keep && signer.WithdrawnAtUtc is null)
                (signer.WithdrawnAtUtc, signer.ConfirmedAtUtc) = (desk.Now, null);
            else if (keep && signer.WithdrawnAtUtc is not null)
                signer.WithdrawnAtUtc = null;
        }
        foreach (var deputyId in wanted.Except(all.Select(s => s.DeputyId)))
            desk.Db.ItemSigners.Add(new ItemSigner { ItemId = item.Id, DeputyId = deputyId, Role = SignerRole.CoSigner });
    }

    private static void Apply(Item item, DraftRequest request)
    {
        item.Title = request.Title.Trim();
        item.Body = request.Body.Trim();
        item.Problem = request.Problem?.Trim();
        item.Requests = request.Requests?.Trim();
    }

    private static async Task<ValidationProblem?> CoSignersProblem(ItemDesk desk, Deputy me, int[]? ids)
    {
        if (ids is null || ids.Length == 0)
            return null;
        if (ids.Contains(me.Id))
            return Problems.Invalid("coSignerIds", "You are the submitter: do not add yourself as a co-signer.");
        var known = await desk.Db.Deputies.CountAsync(d => ids.Contains(d.Id) && d.IsActive && d.Body == me.Body);
        return known == ids.Distinct().Count() ? null
            : Problems.Invalid("coSignerIds", "Choose co-signers from the list of active deputies (or members) of your own body.");
    }
}
