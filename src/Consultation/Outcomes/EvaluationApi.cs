using System.ComponentModel.DataAnnotations;
using Consultation.Accounts;
using Consultation.Items;
using Consultation.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Consultation.Outcomes;

// Nullable so that a verdict left out is refused, not read as satisfied.
public sealed record EvaluationBody(
    [property: Required(ErrorMessage = "Give your verdict on the handling work: Satisfied, BasicallySatisfied or Dissatisfied.")] Satisfaction? Work,
    [property: Required(ErrorMessage = "Give your verdict on the result: Satisfied, BasicallySatisfied or Dissatisfied.")] Satisfaction? Result,
    [property: StringLength(4_000)] string? Comment)
    : IValidatableObject
{
    [System.Text.Json.Serialization.JsonIgnore]
    public bool Dissatisfied => Work == Satisfaction.Dissatisfied || Result == Satisfaction.Dissatisfied;

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (Dissatisfied && string.IsNullOrWhiteSpace(Comment))
            yield return new ValidationResult(
                "Say what you are dissatisfied with: the unit handles the item again from your comment.", [nameof(Comment)]);
    }
}

/// <summary>The submitter's verdict on the answer; dissatisfied sends the item back to the lead unit.</summary>
public static class EvaluationApi
{
    public static void MapEvaluation(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/items/{id:int}/evaluation", Evaluate).WithTags("Evaluation")
            .RequireAuthorization(Roles.Deputy).WithValidation();

    private static Task<Results<Ok<ItemDetail>, ProblemHttpResult>> Evaluate(int id, EvaluationBody body, ItemDesk desk) =>
        desk.ActAsync(id, w => w.Rules.Evaluate(), async work =>
        {
            var item = work.Item;
            var response = await desk.Db.Responses.Where(r => r.ItemId == id && !r.IsFollowUp)
                .OrderByDescending(r => r.AnsweredAtUtc).ThenByDescending(r => r.Id).FirstAsync();
            var evaluation = new Evaluation
            {
                ItemId = id, ResponseId = response.Id, DeputyId = desk.Me.DeputyId!.Value, Work = body.Work!.Value, Result = body.Result!.Value,
                Comment = body.Comment?.Trim(), EvaluatedAtUtc = desk.Now,
            };
            desk.Db.Evaluations.Add(evaluation);
            var units = item.Assignments.Where(a => a.State == AssignmentState.Active && a.Role != AssignmentRole.Co).ToList();
            if (body.Dissatisfied)
            {
                var due = desk.Deadlines.ReHandlingDue(desk.Now);
                desk.Db.ReHandlings.Add(new ReHandling { ItemId = id, Evaluation = evaluation, OpenedAtUtc = desk.Now, DueAtUtc = due });
                item.State = ItemState.ReHandling;
                // The unit's current deadline becomes the re-handling deadline, so due-soon and overdue follow it.
                units.ForEach(a => a.DueAtUtc = due);
            }
            else
                item.State = ItemState.Evaluated;
            var unitIds = units.Select(a => a.UnitId).ToArray();
            await desk.Notify.QueueAsync(desk.Notify.HandlersOf(unitIds).Union(desk.Notify.Office()),
                body.Dissatisfied ? "rehandling" : "evaluated", item, new { work = body.Work, result = body.Result });
        });
}
