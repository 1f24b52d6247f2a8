using System.ComponentModel.DataAnnotations;
using Consultation.Accounts;
using Consultation.Items;
using Consultation.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Consultation.Visits;

public sealed record AskForVisit(
    [property: Required, StringLength(1_000, MinimumLength = 2)] string ProposedTimes,
    [property: StringLength(2_000)] string? Message,
    int? VisitId);

public sealed record DeclineRequest([property: Required, StringLength(2_000, MinimumLength = 2)] string Reason);

public sealed record VisitRequestDto(
    int Id, int ItemId, string? ItemNumber, string ItemTitle, int? VisitId, string DeputyName, string ProposedTimes, string? Message,
    RequestState State, DateTime RequestedAtUtc, string? Answer);

/// <summary>
/// A deputy asks for a consultation on an item (or another time for a visit), proposing times; the lead unit
/// answers by scheduling (POST /api/items/{id}/visits with the request id) or by declining with a reason.
/// </summary>
public static class VisitRequestsApi
{
    public static void MapVisitRequests(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/items/{id:int}/visit-requests", Ask).WithTags("Visits").RequireAuthorization(Roles.Deputy).WithValidation();
        var group = app.MapGroup("/api/visit-requests").WithTags("Visits").RequireAuthorization().WithValidation();
        group.MapGet("/", List);
        group.MapPost("/{id:int}/decline", Decline).RequireAuthorization(Roles.Handler);
    }

    private static async Task<Results<Created<VisitRequestDto>, ProblemHttpResult>> Ask(int id, AskForVisit request, ItemDesk desk)
    {
        if (await desk.LoadAsync(id) is not { } work)
            return Problems.NotFound("The item");
        if (!work.Item.Signers.Any(s => s.DeputyId == desk.Me.DeputyId && s.Role == SignerRole.Submitter))
            return Items.Refusal.Who("submitter_only", "Only the submitter asks the unit for a consultation.").ToProblem();
        if (work.Item.State is ItemState.Draft or ItemState.Submitted or ItemState.Registered or ItemState.Rejected)
            return Items.Refusal.When("consultation_not_yet", "Ask for a consultation once a unit handles the item.").ToProblem();
        if (request.VisitId is { } visitId && !await desk.Db.Visits.AnyAsync(v => v.Id == visitId && v.ItemId == id))
            return Problems.NotFound("The visit");
        var asked = new VisitRequest
        {
            ItemId = id, VisitId = request.VisitId, DeputyId = desk.Me.DeputyId!.Value, ProposedTimes = request.ProposedTimes.Trim(),
            Message = request.Message?.Trim(), RequestedAtUtc = desk.Now,
        };
        desk.Db.VisitRequests.Add(asked);
        var lead = work.Item.Assignments.Where(a => a.State == AssignmentState.Active && a.Role != AssignmentRole.Co)
            .Select(a => a.UnitId).ToArray();
        await desk.Notify.QueueAsync(desk.Notify.HandlersOf(lead), "visit-requested", work.Item, new { proposedTimes = asked.ProposedTimes });
        await desk.SaveAsync();
        return TypedResults.Created($"/api/visit-requests/{asked.Id}", (await Project(desk, Visible(desk).Where(r => r.Id == asked.Id)).SingleAsync()));
    }

    private static async Task<Ok<VisitRequestDto[]>> List(ItemDesk desk, bool pendingOnly = true) =>
        TypedResults.Ok(await Project(desk, Visible(desk).Where(r => !pendingOnly || r.State == RequestState.Pending)
            .OrderByDescending(r => r.RequestedAtUtc).Take(200)).ToArrayAsync());

    private static async Task<Results<Ok<VisitRequestDto>, ProblemHttpResult>> Decline(int id, DeclineRequest request, ItemDesk desk)
    {
        var unit = desk.Me.UnitId ?? -1;
        var asked = await desk.Db.VisitRequests.SingleOrDefaultAsync(r => r.Id == id
            && desk.Db.Assignments.Any(a => a.ItemId == r.ItemId && a.UnitId == unit && a.State == AssignmentState.Active && a.Role != AssignmentRole.Co));
        if (asked is null)
            return Problems.NotFound("The consultation request");
        if (asked.State != RequestState.Pending)
            return Items.Refusal.When("already_answered", "This request has already been answered.").ToProblem();
        (asked.State, asked.AnsweredById, asked.AnsweredAtUtc, asked.Answer) = (RequestState.Refused, desk.Me.Id, desk.Now, request.Reason.Trim());
        var item = await desk.Db.Items.SingleAsync(i => i.Id == asked.ItemId);
        await desk.Notify.QueueAsync(desk.Notify.AccountsOf([asked.DeputyId]), "visit-request-declined", item, new { reason = asked.Answer });
        await desk.SaveAsync();
        return TypedResults.Ok(await Project(desk, Visible(desk).Where(r => r.Id == id)).SingleAsync());
    }

    /// <summary>The requests this person may see: their own (deputy), their unit's items (handler), all (office).</summary>
    private static IQueryable<VisitRequest> Visible(ItemDesk desk)
    {
        var office = desk.Me.IsInRole(Roles.Office);
        var deputy = desk.Me.IsInRole(Roles.Deputy) ? desk.Me.DeputyId ?? -1 : -1;
        var unit = desk.Me.IsInRole(Roles.Handler) ? desk.Me.UnitId ?? -1 : -1;
        return desk.Db.VisitRequests.Where(r => office || r.DeputyId == deputy
            || desk.Db.Assignments.Any(a => a.ItemId == r.ItemId && a.UnitId == unit && a.State == AssignmentState.Active && a.Role != AssignmentRole.Co));
    }

    private static IQueryable<VisitRequestDto> Project(ItemDesk desk, IQueryable<VisitRequest> requests) =>
        from r in requests
        join i in desk.Db.Items on r.ItemId equals i.Id
        join d in desk.Db.Deputies on r.DeputyId equals d.Id
        select new VisitRequestDto(r.Id, r.ItemId, i.Number, i.Title, r.VisitId, d.Name, r.ProposedTimes, r.Message, r.State,
            r.RequestedAtUtc, r.Answer);
}
