using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Consultation.Units;

internal sealed class UnitConfiguration : IEntityTypeConfiguration<HandlerUnit>
{
    public void Configure(EntityTypeBuilder<HandlerUnit> e)
    {
        e.ToTable("Units");
        e.Property(u => u.Name).HasMaxLength(100);
        e.Property(u => u.ShortName).HasMaxLength(40);
        e.HasIndex(u => u.Name).IsUnique();
    }
}
