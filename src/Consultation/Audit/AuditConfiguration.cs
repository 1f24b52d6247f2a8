using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Consultation.Audit;

internal sealed class AuditConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.Property(a => a.Actor).HasMaxLength(100);
        e.Property(a => a.EntityType).HasMaxLength(64);
        e.Property(a => a.EntityId).HasMaxLength(64);
        e.Property(a => a.Action).HasMaxLength(16);
        e.HasIndex(a => a.ItemId);
        e.HasIndex(a => new { a.EntityType, a.EntityId });
    }
}
