using Consultation.Accounts;
using Consultation.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Consultation.Items;

/// <summary>
/// Why an action is refused: not this person's to do (403, code forbidden), or not now (409, code not_now). The
/// reason names the rule, and its arguments (dates, numbers) let the web app say it in the reader's language.
/// </summary>
public sealed record Refusal(int Status, string Code, string Reason, string Message, object? Args = null)
{
    public static Refusal Who(string reason, string message) => new(StatusCodes.Status403Forbidden, "forbidden", reason, message);
    public static Refusal When(string reason, string message, object? args = null) =>
        new(StatusCodes.Status409Conflict, "not_now", reason, message, args);

    public ProblemHttpResult ToProblem() => Problems.Of(Status, Code, Message,
        new Dictionary<string, object?> { ["reason"] = Reason, ["args"] = Args });
}

/// <summary>
/// The workflow rules of DESIGN.md §3, each answering "may this person do this now, and if not, why?".
/// The endpoints enforce them and the item page lists the allowed actions from the same answers.
/// </summary>
public sealed class ItemRules(Item item, CurrentUser me, DateTime now, DeadlineSettings deadlines)
{
    public static readonly ItemState[] Handling = [ItemState.Assigned, ItemState.InHandling, ItemState.ReHandling];

    private bool IsOffice => me.IsInRole(Roles.Office);
    private int? Deputy => me.IsInRole(Roles.Deputy) ? me.DeputyId : null;
    private bool IsSubmitter => Deputy is { } d && item.Signers.Any(s => s.DeputyId == d && s.Role == SignerRole.Submitter);

    /// <summary>My unit's active assignment on this item, if I am a handler of one.</summary>
    public Assignment? Mine => me.IsInRole(Roles.Handler) && me.UnitId is { } unit
        ? item.Assignments.FirstOrDefault(a => a.UnitId == unit && a.State == AssignmentState.Active)
        : null;

    // Deputies
    public Refusal? EditDraft() =>
        !IsSubmitter ? Refusal.Who("submitter_only", "Only the submitter edits or submits an item.")
        : item.State != ItemState.Draft ? Refusal.When("already_submitted", "A submitted item can no longer be edited; ask the office if something must change.")
        : null;

    public Refusal? CoSign() =>
        Deputy is not { } d || item.Signers.FirstOrDefault(s => s.DeputyId == d && s.Role == SignerRole.CoSigner) is not { } signer
            ? Refusal.Who("cosigner_only", "Only a co-signer named on the item confirms a co-signature.")
        : signer.ConfirmedAtUtc is not null ? Refusal.When("already_cosigned", "You have already confirmed your co-signature.")
        : item.State is not (ItemState.Draft or ItemState.Submitted) ? Refusal.When("cosign_closed", "The item is registered: co-signatures can no longer be added.")
        : null;

    public Refusal? Evaluate() =>
        !IsSubmitter ? Refusal.Who("submitter_only", "Only the submitter evaluates the answer.")
        : item.State != ItemState.Answered ? Refusal.When("no_answer_to_evaluate", "There is no answer waiting for your evaluation.")
        : null;

    // The office
    public Refusal? Register() => Office(item.State == ItemState.Submitted, "not_submitted", "Only a submitted item is registered or rejected.");

    public Refusal? Assign() => Office(item.State == ItemState.Registered, "not_assignable",
        "Only a registered item without a lead or separate unit is assigned; a unit's return is decided first.");

    public Refusal? Classify() => Office(item.State is not (ItemState.Draft or ItemState.Submitted or ItemState.Rejected),
        "not_registered", "Register the item before classifying it.");

    public Refusal? Close() => Office(item.State is ItemState.Answered or ItemState.Evaluated, "not_answered",
        "Only an answered or evaluated item is closed.");

    public Refusal? Decide() => Office(true, "", "");

    private Refusal? Office(bool allowed, string reason, string why) =>
        !IsOffice ? Refusal.Who("office_only", "Only the office does this.") : allowed ? null : Refusal.When(reason, why);

    // Handler units
    public Refusal? SignFor() =>
        Mine is not { } a ? NotAssigned
        : a.SignedForAtUtc is not null ? Refusal.When("already_signed", "Your unit has already signed for this item.")
        : null;

    public Refusal? Return() =>
        Mine is not { } a ? NotAssigned
        : now > deadlines.ReturnWindowEnds(a.AssignedAtUtc) ? Refusal.When("return_window_closed",
            $"The return window closed on {deadlines.ReturnWindowEnds(a.AssignedAtUtc):yyyy-MM-dd HH:mm} UTC, {deadlines.ReturnWindowDays} days after assignment: handle the item, or ask the office to re-assign it.",
            new { untilUtc = deadlines.ReturnWindowEnds(a.AssignedAtUtc), days = deadlines.ReturnWindowDays })
        : null;

    public Refusal? AddProgress() =>
        Mine is null ? NotAssigned
        : item.State is not (ItemState.Assigned or ItemState.InHandling or ItemState.ReHandling or ItemState.Answered)
            ? Refusal.When("not_handling", "Progress is recorded while the item is being handled.")
        : null;

    public Refusal? GiveOpinion() =>
        Mine is not { Role: AssignmentRole.Co } ? Refusal.Who("co_unit_only", "Only a co-handling unit sends an opinion to the lead unit.")
        : !Handling.Contains(item.State) ? Refusal.When("not_handling", "The item is no longer being handled.")
        : null;

    public Refusal? RequestExtension() =>
        Mine is not { Role: not AssignmentRole.Co } ? Refusal.Who("answering_unit_only", "Only the lead unit or a separate unit asks for more time to answer.")
        : !Handling.Contains(item.State) ? Refusal.When("not_handling", "The item is no longer being handled.")
        : null;

    public Refusal? RecordContact() =>
        Mine is not { Role: not AssignmentRole.Co } ? Refusal.Who("answering_unit_only", "The lead unit (or a separate unit) records contacts with the deputy.")
        : item.State is ItemState.Closed or ItemState.Rejected ? Refusal.When("item_closed", "The item is closed.")
        : null;

    public Refusal? Answer(bool hasContact) =>
        Mine is not { Role: not AssignmentRole.Co } a ? Refusal.Who("answering_unit_only", "Only the lead unit (or a separate unit, for its part) answers.")
        : a.SignedForAtUtc is null ? Refusal.When("sign_first", "Sign for the item before answering it.")
        : item.State == ItemState.Closed && item.UnderTracking ? null // the follow-up answer of a B/C item
        : item.State is not (ItemState.InHandling or ItemState.ReHandling) ? Refusal.When("not_waiting_for_answer", "The item is not waiting for an answer.")
        : !hasContact ? Refusal.When("contact_first", "Contact the deputy before answering: hold or record a return visit (before the answer or during handling) first.")
        : null;

    private static readonly Refusal NotAssigned = Refusal.Who("not_assigned", "Your unit is not (or no longer) assigned to this item.");

    /// <summary>The actions the item page offers this person now.</summary>
    public string[] Actions(bool hasContact)
    {
        var all = new (string Name, Refusal? Refusal)[]
        {
            ("edit", EditDraft()), ("submit", EditDraft()), ("cosign", CoSign()), ("evaluate", Evaluate()),
            ("register", Register()), ("reject", Register()), ("assign", Assign()), ("classify", Classify()), ("close", Close()),
            ("sign", SignFor()), ("return", Return()), ("progress", AddProgress()), ("opinion", GiveOpinion()),
            ("extension", RequestExtension()), ("contact", RecordContact()), ("answer", Answer(hasContact)),
        };
        return all.Where(a => a.Refusal is null).Select(a => a.Name).ToArray();
    }
}
