using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Consultation.Review;

// The review's rows take the id of what they count; they are replaced item by item, hence the index on the item.

internal sealed class ReviewDutyConfiguration : IEntityTypeConfiguration<ReviewDuty>
{
    public void Configure(EntityTypeBuilder<ReviewDuty> e) => ReviewRowColumns.Configure(e);
}

internal sealed class ReviewVisitConfiguration : IEntityTypeConfiguration<ReviewVisit>
{
    public void Configure(EntityTypeBuilder<ReviewVisit> e) => ReviewRowColumns.Configure(e);
}

internal sealed class ReviewCommitmentConfiguration : IEntityTypeConfiguration<ReviewCommitment>
{
    public void Configure(EntityTypeBuilder<ReviewCommitment> e) => ReviewRowColumns.Configure(e);
}

internal static class ReviewRowColumns
{
    public static void Configure<T>(EntityTypeBuilder<T> e) where T : ReviewRow
    {
        e.Property(r => r.Id).ValueGeneratedNever();
        e.HasIndex(r => r.ItemId);
    }
}
