using Consultation.Items;
using Consultation.Outcomes;
using Consultation.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Consultation.Review;

// Indexes kept next to the review (migration ReviewIndexes): the items of a session by day (the annual summary), and
// the item's rows that ReviewFacts reads when it computes an item's review rows again. The figures themselves read
// the review's own tables (ReviewRowsConfiguration).

internal sealed class ReviewItemIndexes : IEntityTypeConfiguration<Item>
{
    public void Configure(EntityTypeBuilder<Item> e) => e.HasIndex(i => new { i.SessionId, i.SubmittedAtUtc });
}

internal sealed class ReviewAssignmentIndexes : IEntityTypeConfiguration<Assignment>
{
    public void Configure(EntityTypeBuilder<Assignment> e) => e.HasIndex(a => new { a.ItemId, a.State, a.Role, a.UnitId });
}

internal sealed class ReviewExtensionIndexes : IEntityTypeConfiguration<ExtensionRequest>
{
    public void Configure(EntityTypeBuilder<ExtensionRequest> e) => e.HasIndex(x => new { x.AssignmentId, x.State, x.RequestedDueAtUtc });
}

internal sealed class ReviewResponseIndexes : IEntityTypeConfiguration<Response>
{
    public void Configure(EntityTypeBuilder<Response> e) => e.HasIndex(r => new { r.ItemId, r.UnitId, r.AnsweredAtUtc });
}

internal sealed class ReviewEvaluationIndexes : IEntityTypeConfiguration<Evaluation>
{
    public void Configure(EntityTypeBuilder<Evaluation> e) => e.HasIndex(v => new { v.ItemId, v.EvaluatedAtUtc });
}

internal sealed class ReviewVisitIndexes : IEntityTypeConfiguration<ReturnVisit>
{
    public void Configure(EntityTypeBuilder<ReturnVisit> e)
    {
        e.HasIndex(v => new { v.ItemId, v.State, v.StartUtc });
        e.HasIndex(v => new { v.LeadUnitId, v.State, v.Method });
    }
}

internal sealed class ReviewCommitmentIndexes : IEntityTypeConfiguration<Commitment>
{
    public void Configure(EntityTypeBuilder<Commitment> e) => e.HasIndex(c => new { c.OwnerUnitId, c.DoneAtUtc, c.DueAtUtc });
}
