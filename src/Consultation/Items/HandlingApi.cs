using System.ComponentModel.DataAnnotations;
using Consultation.Accounts;
using Consultation.Jobs;
using Consultation.Outcomes;
using Consultation.Visits;
using Consultation.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Consultation.Items;

public sealed record ReturnRequestBody([property: Required, StringLength(2_000, MinimumLength = 4)] string Reason);

public sealed record TextBody([property: Required, StringLength(4_000, MinimumLength = 2)] string Text);

public sealed record OpinionBody([property: Required, StringLength(10_000, MinimumLength = 2)] string Text);

public sealed record ExtensionBody(DateTime DueAtUtc, [property: Required, StringLength(2_000, MinimumLength = 4)] string Reason);

// Phase, method and time are nullable so that a body without one is refused, not read as the first value or year 1.
public sealed record ContactBody(
    [property: Required(ErrorMessage = "Say when in the handling the contact was: BeforeAnswer, DuringHandling, AfterAnswer or FollowUp.")] VisitPhase? Phase,
    [property: Required(ErrorMessage = "Say how the contact was made: Video, Phone or InPerson.")] VisitMethod? Method,
    [property: Required(ErrorMessage = "Say when the contact took place.")] DateTime? AtUtc,
    [property: Range(1, 480)] int DurationMinutes,
    [property: Required, StringLength(10_000, MinimumLength = 2)] string Summary);

/// <param name="AttachmentIds">The unit's own answer attachments for this item, not yet sent, to send with this answer.</param>
// Nullable so that an answer without its category is refused, not filed as A (solved).
public sealed record AnswerBody(
    [property: Required(ErrorMessage = "Choose the answer's category: A, B, C or D.")] ResponseCategory? Category, [property: Required, StringLength(20_000, MinimumLength = 10)] string Text,
    [property: MaxLength(20)] int[]? AttachmentIds = null);

/// <summary>What a handler unit does with an assigned item, up to and including the answer.</summary>
public static class HandlingApi
{
    public static void MapHandling(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/items/{id:int}").WithTags("Handling").RequireAuthorization(Roles.Handler).WithValidation();
        group.MapPost("/sign", SignFor);
        group.MapPost("/return", Return);
        group.MapPost("/progress", AddProgress);
        group.MapPost("/opinion", GiveOpinion);
        group.MapPost("/extension", RequestExtension);
        group.MapPost("/contacts", RecordContact);
        group.MapPost("/answer", Answer);
    }

    private static Task<Results<Ok<ItemDetail>, ProblemHttpResult>> SignFor(int id, ItemDesk desk) =>
        desk.ActAsync(id, w => w.Rules.SignFor(), work =>
        {
            var mine = work.Rules.Mine!;
            mine.SignedForAtUtc = desk.Now;
            if (mine.Role != AssignmentRole.Co && work.Item.State == ItemState.Assigned)
                work.Item.State = ItemState.InHandling;
            return Task.CompletedTask;
        });

    private static Task<Results<Ok<ItemDetail>, ProblemHttpResult>> Return(int id, ReturnRequestBody body, ItemDesk desk) =>
        desk.ActAsync(id, w => w.Rules.Return(), async work =>
        {
            var mine = work.Rules.Mine!;
            if (await desk.Db.ReturnRequests.AnyAsync(r => r.AssignmentId == mine.Id && r.State == RequestState.Pending))
                throw new RefusedException(Refusal.When("request_pending", "Your unit's return request is already waiting for the office."));
            desk.Db.ReturnRequests.Add(new ReturnRequest
            {
                ItemId = id, AssignmentId = mine.Id, Reason = body.Reason.Trim(), RequestedById = desk.Me.Id, RequestedAtUtc = desk.Now,
            });
            await desk.Notify.QueueAsync(desk.Notify.Office(), "return-requested", work.Item, new { unit = mine.Unit!.Name });
        });

    private static Task<Results<Ok<ItemDetail>, ProblemHttpResult>> AddProgress(int id, TextBody body, ItemDesk desk) =>
        desk.ActAsync(id, w => w.Rules.AddProgress(), work =>
        {
            desk.Db.ProgressEntries.Add(new ProgressEntry
            {
                ItemId = id, UnitId = work.Rules.Mine!.UnitId, AuthorId = desk.Me.Id, AtUtc = desk.Now, Text = body.Text.Trim(),
            });
            return Task.CompletedTask;
        });

    private static Task<Results<Ok<ItemDetail>, ProblemHttpResult>> GiveOpinion(int id, OpinionBody body, ItemDesk desk) =>
        desk.ActAsync(id, w => w.Rules.GiveOpinion(), async work =>
        {
            var mine = work.Rules.Mine!;
            desk.Db.CoHandlerOpinions.Add(new CoHandlerOpinion
            {
                ItemId = id, AssignmentId = mine.Id, UnitId = mine.UnitId, AuthorId = desk.Me.Id, SubmittedAtUtc = desk.Now, Text = body.Text.Trim(),
            });
            var lead = work.Item.Assignments.Where(a => a.Role == AssignmentRole.Lead && a.State == AssignmentState.Active).Select(a => a.UnitId).ToArray();
            await desk.Notify.QueueAsync(desk.Notify.HandlersOf(lead), "opinion", work.Item, new { unit = mine.Unit!.Name });
        });

    private static Task<Results<Ok<ItemDetail>, ProblemHttpResult>> RequestExtension(int id, ExtensionBody body, ItemDesk desk) =>
        desk.ActAsync(id, w => w.Rules.RequestExtension(), async work =>
        {
            var mine = work.Rules.Mine!;
            var cap = desk.Deadlines.ExtensionCap(mine.AssignedAtUtc);
            var due = DateTime.SpecifyKind(body.DueAtUtc, DateTimeKind.Utc);
            if (due <= mine.DueAtUtc)
                throw new RefusedException(Refusal.When("extension_not_later",
                    $"Ask for a date after the current deadline, {mine.DueAtUtc:yyyy-MM-dd}.", new { dueAtUtc = mine.DueAtUtc }));
            if (due > cap)
                throw new RefusedException(Refusal.When("extension_past_cap",
                    $"An answer may not be extended past {cap:yyyy-MM-dd}, {desk.Deadlines.ExtensionCapMonths} months after assignment: ask for that date at the latest.",
                    new { capUtc = cap, months = desk.Deadlines.ExtensionCapMonths }));
            if (await desk.Db.ExtensionRequests.AnyAsync(r => r.AssignmentId == mine.Id && r.State == RequestState.Pending))
                throw new RefusedException(Refusal.When("request_pending", "Your unit's extension request is already waiting for the office."));
            desk.Db.ExtensionRequests.Add(new ExtensionRequest
            {
                ItemId = id, AssignmentId = mine.Id, RequestedDueAtUtc = due, Reason = body.Reason.Trim(),
                RequestedById = desk.Me.Id, RequestedAtUtc = desk.Now,
            });
            await desk.Notify.QueueAsync(desk.Notify.Office(), "extension-requested", work.Item, new { unit = mine.Unit!.Name });
        });

    /// <summary>A contact by phone or in person, or a video visit held outside the system, recorded as a held visit with its minutes.</summary>
    private static Task<Results<Ok<ItemDetail>, ProblemHttpResult>> RecordContact(int id, ContactBody body, ItemDesk desk) =>
        desk.ActAsync(id, w => w.Rules.RecordContact(), work =>
        {
            var at = DateTime.SpecifyKind(body.AtUtc!.Value, DateTimeKind.Utc);
            if (at > desk.Now)
                throw new RefusedException(Refusal.When("contact_in_future", "Record a contact after it took place; schedule a visit for a future one."));
            var mine = work.Rules.Mine!;
            var submitter = work.Item.Signers.Single(s => s.Role == SignerRole.Submitter);
            var visit = new ReturnVisit
            {
                ItemId = id, LeadUnitId = mine.UnitId, Phase = body.Phase!.Value, Method = body.Method!.Value, State = VisitState.Held,
                StartUtc = at, DurationMinutes = body.DurationMinutes, EndUtc = at.AddMinutes(body.DurationMinutes),
                ScheduledById = desk.Me.Id, ScheduledAtUtc = desk.Now, ClosedAtUtc = desk.Now,
                Participants =
                [
                    new VisitParticipant { DeputyId = submitter.DeputyId, Role = ParticipantRole.Submitter, DisplayName = submitter.Deputy!.Name },
                    new VisitParticipant { UserId = desk.Me.Id, UnitId = mine.UnitId, Role = ParticipantRole.LeadUnit, DisplayName = desk.Me.DisplayName },
                ],
            };
            desk.Db.Visits.Add(visit);
            desk.Db.VisitRecords.Add(new VisitRecord
            {
                Visit = visit, ItemId = id, AuthorId = desk.Me.Id, MethodUsed = visit.Method, WrittenAtUtc = desk.Now,
                Participants = $"{submitter.Deputy!.Name}, {desk.Me.DisplayName} ({mine.Unit!.Name})",
                DeputyOpinion = body.Summary.Trim(), State = RecordState.Draft,
            });
            return Task.CompletedTask;
        });

    private static async Task<Results<Ok<ItemDetail>, ProblemHttpResult>> Answer(int id, AnswerBody body, ItemDesk desk, JobScheduler jobs)
    {
        var hasContact = await desk.HasContactAsync(id);
        return await desk.ActAsync(id, w => w.Rules.Answer(hasContact), async work =>
        {
            var item = work.Item;
            var mine = work.Rules.Mine!;
            var reHandling = await desk.Db.ReHandlings.Where(r => r.ItemId == id && r.AnsweredAtUtc == null).FirstOrDefaultAsync();
            var response = new Response
            {
                ItemId = id, UnitId = mine.UnitId, AuthorId = desk.Me.Id, Category = body.Category!.Value, Text = body.Text.Trim(),
                AnsweredAtUtc = desk.Now, IsFollowUp = item.State == ItemState.Closed, ReHandling = reHandling,
            };
            desk.Db.Responses.Add(response);
            await SendAttachments(desk, id, mine, response, body.AttachmentIds ?? []);
            if (reHandling is not null)
            {
                reHandling.Response = response;
                reHandling.AnsweredAtUtc = desk.Now;
            }
            if (response.IsFollowUp)
                item.UnderTracking = body.Category is ResponseCategory.B or ResponseCategory.C;
            else if (mine.Role == AssignmentRole.Lead || await AllSeparateUnitsAnswered(desk, item, mine))
                item.State = ItemState.Answered;
            await desk.Notify.QueueAsync(desk.Notify.SignersOf(id), response.IsFollowUp ? "follow-up" : "answered", item,
                new { unit = mine.Unit!.Name, category = body.Category });
            if (item.State == ItemState.Answered)
                desk.AfterSave(() => jobs.ScheduleEvaluationReminderAsync(id, response.Id, response.AnsweredAtUtc));
        });
    }

    /// <summary>The unit's answer files go out with its answer; from then on everyone who sees the item sees them.</summary>
    private static async Task SendAttachments(ItemDesk desk, int itemId, Assignment mine, Response response, int[] ids)
    {
        if (ids.Length == 0)
            return;
        ids = ids.Distinct().ToArray();
        var files = await desk.Db.Attachments.Where(a => ids.Contains(a.Id) && a.ItemId == itemId && a.Purpose == AttachmentPurpose.Answer
                                                         && a.UnitId == mine.UnitId && a.ResponseId == null).ToListAsync();
        if (files.Count != ids.Length)
            throw new RefusedException(new Refusal(StatusCodes.Status400BadRequest, "invalid", "attachments_not_yours",
                $"attachmentIds: {string.Join(", ", ids.Except(files.Select(f => f.Id)))} cannot go with this answer. Send only files that your unit "
                + "uploaded to this item with purpose=answer and did not send with an earlier answer."));
        foreach (var file in files)
            file.Response = response;
    }

    /// <summary>Separate units each answer their own part; the item is answered when the last of them has.</summary>
    private static async Task<bool> AllSeparateUnitsAnswered(ItemDesk desk, Item item, Assignment mine)
    {
        var others = item.Assignments.Where(a => a.State == AssignmentState.Active && a.Role == AssignmentRole.Separate && a.Id != mine.Id)
            .Select(a => (a.UnitId, a.AssignedAtUtc)).ToList();
        foreach (var (unit, assignedAt) in others)
            if (!await desk.Db.Responses.AnyAsync(r => r.ItemId == item.Id && r.UnitId == unit && r.AnsweredAtUtc >= assignedAt))
                return false;
        return true;
    }
}
