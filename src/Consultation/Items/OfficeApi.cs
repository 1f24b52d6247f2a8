using System.ComponentModel.DataAnnotations;
using Consultation.Accounts;
using Consultation.Data;
using Consultation.Outcomes;
using Consultation.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Consultation.Items;

// Kind and level are nullable so that an item without one is refused, not registered as a city-level suggestion.
public sealed record RegisterItem(
    int? SessionId,
    [property: Required(ErrorMessage = "Say what the item is: Suggestion, Proposal or Express.")] ItemKind? Kind,
    [property: Required(ErrorMessage = "Say whose item it is: City or District.")] ItemLevel? Level,
    [property: Required, StringLength(200, MinimumLength = 4)] string Title,
    [property: Required, StringLength(20_000, MinimumLength = 10)] string Body,
    [property: StringLength(10_000)] string? Problem,
    [property: StringLength(10_000)] string? Requests,
    int SubmitterDeputyId,
    [property: MaxLength(50)] int[]? CoSignerIds);

public sealed record Rejection([property: Required, StringLength(2_000, MinimumLength = 4)] string Reason);

public sealed record AssignUnits(int? LeadUnitId, [property: MaxLength(20)] int[]? CoUnitIds, [property: MaxLength(20)] int[]? SeparateUnitIds);

// Every mark is said, none read as false when missing: the form sends the item's whole classification.
public sealed record Classification(
    [property: Required(ErrorMessage = "Say whether the item is urgent: isUrgent is true or false.")] bool? IsUrgent,
    [property: Required(ErrorMessage = "Say whether the item is troublesome: isTroublesome is true or false.")] bool? IsTroublesome,
    [property: Required(ErrorMessage = "Say whether the item is difficult: isDifficult is true or false.")] bool? IsDifficult,
    [property: Required(ErrorMessage = "Say whether the item is long overdue: isLongOverdue is true or false.")] bool? IsLongOverdue,
    [property: Required(ErrorMessage = "Say whether the item is a key item: isKey is true or false.")] bool? IsKey,
    [property: StringLength(10_000)] string? HandlingPlan,
    [property: Required(ErrorMessage = "Say whose item it is: City or District.")] ItemLevel? Level,
    Guid Version);

// Nullable so that a body without it is refused, not read as a refusal of the request.
public sealed record Decision(
    [property: Required(ErrorMessage = "Say whether you approve the request: approve is true or false.")] bool? Approve,
    [property: StringLength(2_000)] string? Note);

/// <summary>The office registers, assigns, classifies, decides units' requests and closes items.</summary>
public static class OfficeApi
{
    public static void MapOffice(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Office").RequireAuthorization(Roles.Office).WithValidation();
        group.MapPost("/office/items", RegisterNew);
        group.MapPost("/items/{id:int}/register", Register);
        group.MapPost("/items/{id:int}/reject", Reject);
        group.MapPost("/items/{id:int}/assign", Assign);
        group.MapPut("/items/{id:int}/classification", Classify);
        group.MapPost("/items/{id:int}/close", Close);
        group.MapPost("/returns/{id:int}/decision", DecideReturn);
        group.MapPost("/extensions/{id:int}/decision", DecideExtension);
    }

    private static async Task<Results<Created<ItemDetail>, ProblemHttpResult, ValidationProblem>> RegisterNew(RegisterItem request, ItemDesk desk)
    {
        var db = desk.Db;
        var session = await db.Sessions.Where(s => request.SessionId == null ? s.IsCurrent : s.Id == request.SessionId)
            .OrderByDescending(s => s.Year).FirstOrDefaultAsync();
        if (session is null)
            return Problems.Invalid("sessionId", "Choose an existing session (or mark one as current).");
        var signerIds = new[] { request.SubmitterDeputyId }.Concat(request.CoSignerIds ?? []).Distinct().ToArray();
        if (await db.Deputies.CountAsync(d => signerIds.Contains(d.Id)) != signerIds.Length)
            return Problems.Invalid("submitterDeputyId", "Choose the submitter and co-signers from the deputies' records.");
        var item = new Item
        {
            SessionId = session.Id, Kind = request.Kind!.Value, Level = request.Level!.Value, State = ItemState.Submitted,
            Title = request.Title.Trim(), Body = request.Body.Trim(), Problem = request.Problem?.Trim(), Requests = request.Requests?.Trim(),
            CreatedAtUtc = desk.Now, SubmittedAtUtc = desk.Now,
            // Registered from paper: the office has the signatures in hand.
            Signers = signerIds.Select(d => new ItemSigner
            {
                DeputyId = d, Role = d == request.SubmitterDeputyId ? SignerRole.Submitter : SignerRole.CoSigner, ConfirmedAtUtc = desk.Now,
            }).ToList(),
        };
        await ItemNumbers.RegisterAsync(db, item, session.Year, desk.Now);
        db.Items.Add(item);
        await desk.SaveAsync();
        return TypedResults.Created($"/api/items/{item.Id}", await desk.DetailAsync((await desk.LoadAsync(item.Id))!));
    }

    private static async Task<Results<Ok<ItemDetail>, ProblemHttpResult>> Register(int id, ItemDesk desk) =>
        await desk.ActAsync(id, w => w.Rules.Register(), async work =>
        {
            await ItemNumbers.RegisterAsync(desk.Db, work.Item, work.Item.Session!.Year, desk.Now);
            await desk.Notify.QueueAsync(desk.Notify.SignersOf(id), "registered", work.Item);
        });

    private static async Task<Results<Ok<ItemDetail>, ProblemHttpResult>> Reject(int id, Rejection request, ItemDesk desk) =>
        await desk.ActAsync(id, w => w.Rules.Register(), async work =>
        {
            work.Item.State = ItemState.Rejected;
            work.Item.RejectedAtUtc = desk.Now;
            work.Item.RejectionReason = request.Reason.Trim();
            await desk.Notify.QueueAsync(desk.Notify.SignersOf(id), "rejected", work.Item);
        });

    private static async Task<Results<Ok<ItemDetail>, ProblemHttpResult>> Assign(int id, AssignUnits request, ItemDesk desk)
    {
        if (await desk.LoadAsync(id) is not { } work)
            return Problems.NotFound("The item");
        if (work.Rules.Assign() is { } refusal)
            return refusal.ToProblem();
        var item = work.Item;
        var co = (request.CoUnitIds ?? []).Distinct().ToArray();
        var separate = (request.SeparateUnitIds ?? []).Distinct().ToArray();
        var wanted = (request.LeadUnitId is { } l ? [l] : Array.Empty<int>()).Concat(co).Concat(separate).ToArray();
        var problem =
            (request.LeadUnitId is null) == (separate.Length == 0) ? "Choose either one lead unit (with any co-handling units) or separate units."
            : separate.Length > 0 && co.Length > 0 ? "Separate units each answer their own part: they take no co-handling units."
            : item.Kind == ItemKind.Express && (co.Length > 0 || separate.Length > 0) ? "An express item goes to one unit only."
            : wanted.Distinct().Count() != wanted.Length ? "A unit can have only one role on an item."
            : item.Assignments.Any(a => a.State == AssignmentState.Active && wanted.Contains(a.UnitId)) ? "One of these units is already assigned to this item."
            : await desk.Db.Units.CountAsync(u => wanted.Contains(u.Id) && u.IsActive) != wanted.Length ? "Choose active handler units."
            : null;
        if (problem is not null)
            return Problems.Of(StatusCodes.Status400BadRequest, "invalid_assignment", problem);

        var now = desk.Now;
        var roles = wanted.Select(u => (Unit: u, Role: u == request.LeadUnitId ? AssignmentRole.Lead
            : separate.Contains(u) ? AssignmentRole.Separate : AssignmentRole.Co));
        foreach (var (unit, role) in roles)
        {
            var due = desk.Deadlines.DueFor(item.Kind, role, now);
            item.Assignments.Add(new Assignment { UnitId = unit, Role = role, AssignedAtUtc = now, DueAtUtc = due, OriginalDueAtUtc = due });
        }
        item.State = ItemState.Assigned;
        await desk.Notify.QueueAsync(desk.Notify.HandlersOf(wanted), "assigned", item);
        await desk.SaveAsync();
        return TypedResults.Ok(await desk.DetailAsync((await desk.LoadAsync(id))!));
    }

    private static async Task<Results<Ok<ItemDetail>, ProblemHttpResult, ValidationProblem>> Classify(int id, Classification request, ItemDesk desk)
    {
        if (await desk.LoadAsync(id) is not { } work)
            return Problems.NotFound("The item");
        if (work.Rules.Classify() is { } refusal)
            return refusal.ToProblem();
        var item = work.Item;
        if (request.Version != item.Version)
            return await EditConflict.DescribeAsync(desk.Db, item, [
                new("isUrgent", request.IsUrgent, item.IsUrgent), new("isTroublesome", request.IsTroublesome, item.IsTroublesome),
                new("isDifficult", request.IsDifficult, item.IsDifficult), new("isLongOverdue", request.IsLongOverdue, item.IsLongOverdue),
                new("isKey", request.IsKey, item.IsKey), new("handlingPlan", request.HandlingPlan?.Trim(), item.HandlingPlan),
                new("level", request.Level, item.Level),
            ]);
        if (request.IsKey == true && string.IsNullOrWhiteSpace(request.HandlingPlan))
            return Problems.Invalid("handlingPlan", "A key item needs its handling plan: write the plan, or leave the item unmarked.");
        (item.IsUrgent, item.IsTroublesome, item.IsDifficult, item.IsLongOverdue, item.IsKey, item.Level) =
            (request.IsUrgent!.Value, request.IsTroublesome!.Value, request.IsDifficult!.Value, request.IsLongOverdue!.Value, request.IsKey!.Value,
                request.Level!.Value);
        item.HandlingPlan = request.HandlingPlan?.Trim();
        // A save racing this one since the check above is still refused by the version column.
        desk.Db.Entry(item).Property(i => i.Version).OriginalValue = request.Version;
        await desk.SaveAsync();
        return TypedResults.Ok(await desk.DetailAsync(work));
    }

    private static async Task<Results<Ok<ItemDetail>, ProblemHttpResult>> Close(int id, ItemDesk desk) =>
        await desk.ActAsync(id, w => w.Rules.Close(), async work =>
        {
            var last = await desk.Db.Responses.Where(r => r.ItemId == id).OrderByDescending(r => r.AnsweredAtUtc)
                .Select(r => (ResponseCategory?)r.Category).FirstOrDefaultAsync();
            work.Item.State = ItemState.Closed;
            work.Item.ClosedAtUtc = desk.Now;
            // B and C answers promise later action: the item stays under tracking until the follow-up answer.
            work.Item.UnderTracking = last is ResponseCategory.B or ResponseCategory.C;
            await desk.Notify.QueueAsync(desk.Notify.SignersOf(id), "closed", work.Item);
        });

    private static async Task<Results<Ok<ItemDetail>, ProblemHttpResult>> DecideReturn(int id, Decision request, ItemDesk desk)
    {
        var pending = await desk.Db.ReturnRequests.SingleOrDefaultAsync(r => r.Id == id);
        if (pending is null)
            return Problems.NotFound("The return request");
        return await desk.ActAsync(pending.ItemId, w => pending.State != RequestState.Pending
            ? Refusal.When("already_decided", "This return request has already been decided.") : w.Rules.Decide(), async work =>
        {
            Decide(pending, request, desk);
            var assignment = work.Item.Assignments.Single(a => a.Id == pending.AssignmentId);
            if (request.Approve == true)
            {
                assignment.State = AssignmentState.Returned;
                assignment.ReturnedAtUtc = desk.Now;
                // Without an answering unit the item waits for the office to assign it again.
                if (!work.Item.Assignments.Any(a => a.State == AssignmentState.Active && a.Role != AssignmentRole.Co))
                    work.Item.State = ItemState.Registered;
            }
            await desk.Notify.QueueAsync(desk.Notify.HandlersOf(assignment.UnitId), request.Approve == true ? "return-approved" : "return-refused",
                work.Item, new { note = request.Note });
        });
    }

    private static async Task<Results<Ok<ItemDetail>, ProblemHttpResult>> DecideExtension(int id, Decision request, ItemDesk desk)
    {
        var pending = await desk.Db.ExtensionRequests.SingleOrDefaultAsync(r => r.Id == id);
        if (pending is null)
            return Problems.NotFound("The extension request");
        return await desk.ActAsync(pending.ItemId, w => pending.State != RequestState.Pending
            ? Refusal.When("already_decided", "This extension request has already been decided.") : w.Rules.Decide(), async work =>
        {
            var assignment = work.Item.Assignments.Single(a => a.Id == pending.AssignmentId);
            var cap = desk.Deadlines.ExtensionCap(assignment.AssignedAtUtc);
            if (request.Approve == true && pending.RequestedDueAtUtc > cap)
                throw new RefusedException(Refusal.When("extension_past_cap",
                    $"An extension may not go past {cap:yyyy-MM-dd} ({desk.Deadlines.ExtensionCapMonths} months after assignment): refuse it, or ask the unit for an earlier date.",
                    new { capUtc = cap, months = desk.Deadlines.ExtensionCapMonths }));
            Decide(pending, request, desk);
            if (request.Approve == true)
                assignment.DueAtUtc = pending.RequestedDueAtUtc;
            await desk.Notify.QueueAsync(desk.Notify.HandlersOf(assignment.UnitId), request.Approve == true ? "extension-approved" : "extension-refused",
                work.Item, new { note = request.Note, dueAtUtc = pending.RequestedDueAtUtc });
            if (request.Approve == true)
                await desk.Notify.QueueAsync(desk.Notify.SignersOf(work.Item.Id), "extended", work.Item,
                    new { reason = pending.Reason, dueAtUtc = pending.RequestedDueAtUtc });
        });
    }

    private static void Decide(IDecided request, Decision decision, ItemDesk desk)
    {
        request.State = decision.Approve == true ? RequestState.Approved : RequestState.Refused;
        request.DecidedById = desk.Me.Id;
        request.DecidedAtUtc = desk.Now;
        request.DecisionNote = decision.Note?.Trim();
    }

}
