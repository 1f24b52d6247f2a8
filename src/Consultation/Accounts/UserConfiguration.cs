using Consultation.Deputies;
using Consultation.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Consultation.Accounts;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> e)
    {
        e.Property(u => u.DisplayName).HasMaxLength(100);
        e.Property(u => u.TimeZone).HasMaxLength(64);
        e.HasOne<HandlerUnit>().WithMany().HasForeignKey(u => u.UnitId);
        e.HasOne<Deputy>().WithMany().HasForeignKey(u => u.DeputyId);
        e.HasIndex(u => u.DeputyId).IsUnique();
    }
}
