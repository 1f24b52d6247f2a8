using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Consultation.Deputies;

internal sealed class DeputyConfiguration : IEntityTypeConfiguration<Deputy>
{
    public void Configure(EntityTypeBuilder<Deputy> e)
    {
        e.Property(d => d.Name).HasMaxLength(50);
        e.Property(d => d.Delegation).HasMaxLength(100);
        e.Property(d => d.Phone).HasMaxLength(32);
        e.Property(d => d.Email).HasMaxLength(256);
    }
}
