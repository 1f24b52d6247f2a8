using Consultation.Accounts;
using Consultation.Data;
using Consultation.Items;
using Microsoft.EntityFrameworkCore;

namespace Consultation.Visits;

/// <summary>
/// One visit's records as this person may meet them: the lead unit's handlers write and amend, the item's submitter
/// confirms, the office and the item's units read everything, deputies in the visit read what was sent to them.
/// </summary>
public sealed class RecordScope(ItemDesk desk, ReturnVisit visit, ItemWork work)
{
    public ReturnVisit Visit => visit;
    public ItemWork Work => work;
    public Item Item => work.Item;

    public bool IsLead => desk.Me.IsInRole(Roles.Handler) && work.Rules.Mine?.UnitId == visit.LeadUnitId;

    public bool IsSubmitter => desk.Me.IsInRole(Roles.Deputy) && desk.Me.DeputyId is { } d
        && Item.Signers.Any(s => s.DeputyId == d && s.Role == SignerRole.Submitter);

    /// <summary>Drafts are the unit's own working papers: the office and the item's units see them, deputies do not.</summary>
    public bool SeesDrafts => desk.Me.IsInRole(Roles.Office)
                              || (desk.Me.IsInRole(Roles.Handler) && Item.Assignments.Any(a => a.UnitId == desk.Me.UnitId));

    public bool Sees(VisitRecord record) => record.State != RecordState.Draft || SeesDrafts;

    /// <summary>The units that may own a commitment: those actively handling the item.</summary>
    public Dictionary<int, Assignment> OwnerUnits => Item.Assignments.Where(a => a.State == AssignmentState.Active)
        .GroupBy(a => a.UnitId).ToDictionary(g => g.Key, g => g.OrderBy(a => a.Role).First());

    public Refusal? Write() =>
        !IsLead ? Refusal.Who("lead_unit_only", "Only the handlers of the unit that held the visit write or amend its record.")
        : visit.State == VisitState.Cancelled ? Refusal.When("visit_cancelled", "The visit was cancelled: there is nothing to record.")
        : visit.StartUtc > desk.Now ? Refusal.When("visit_not_started", "Write the record after the visit has started.")
        : null;

    public Refusal? Edit(VisitRecord record) =>
        Write() ?? record.State switch
        {
            RecordState.Confirmed => Confirmed,
            RecordState.Submitted => Refusal.When("record_submitted",
                "The record is with the deputy for confirmation and can no longer be edited; after confirmation, write an amendment."),
            _ => null,
        };

    public Refusal? Confirm(VisitRecord record) =>
        !IsSubmitter ? Refusal.Who("submitter_only", "Only the deputy who submitted the item confirms a visit record.")
        : record.State == RecordState.Confirmed ? Refusal.When("record_confirmed", "You have already confirmed this record.")
        : record.State != RecordState.Submitted ? Refusal.When("record_not_submitted", "The record has not been sent to you yet.")
        : null;

    public static readonly Refusal Confirmed = Refusal.When("record_confirmed",
        "The record is confirmed and can no longer be changed: write an amendment, which the deputy confirms in turn.");

    public static async Task<RecordScope?> LoadAsync(ItemDesk desk, int visitId)
    {
        var visit = await desk.Db.Visits.VisibleTo(desk.Db, desk.Me).Include(v => v.Participants).SingleOrDefaultAsync(v => v.Id == visitId);
        return visit is not null && await desk.LoadAsync(visit.ItemId) is { } work ? new RecordScope(desk, visit, work) : null;
    }
}

/// <summary>Which records count: the commitments tracked afterwards are those of each visit's current record.</summary>
public static class RecordHistory
{
    /// <summary>Commitments of their visits' current records, not withdrawn (stored by Review.ReviewFacts from <see cref="IsCurrent"/>).</summary>
    public static IQueryable<Commitment> Tracked(this IQueryable<Commitment> commitments) =>
        commitments.Where(c => c.IsTracked);

    public static IQueryable<Commitment> Overdue(this IQueryable<Commitment> commitments, DateTime now) =>
        commitments.Tracked().Where(c => c.DoneAtUtc == null && c.DueAtUtc < now);

    /// <summary>
    /// A visit's current record is the latest confirmed one; before any is confirmed, the first record once submitted.
    /// An amendment takes over only when the deputy confirms it.
    /// </summary>
    public static bool IsCurrent(VisitRecord record, IEnumerable<VisitRecord> ofVisit) =>
        record.State != RecordState.Draft
        && !(record.State == RecordState.Submitted && record.AmendsRecordId != null)
        && !ofVisit.Any(later => later.Id > record.Id && later.State == RecordState.Confirmed);
}
