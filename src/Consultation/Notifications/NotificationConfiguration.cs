using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Consultation.Notifications;

internal sealed class SentEffectConfiguration : IEntityTypeConfiguration<SentEffect>
{
    public void Configure(EntityTypeBuilder<SentEffect> e)
    {
        e.Property(s => s.Key).HasMaxLength(200);
        e.Property(s => s.Kind).HasMaxLength(50);
        e.HasIndex(s => s.Key).IsUnique();
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> e)
    {
        e.Property(n => n.Kind).HasMaxLength(50);
        e.Property(n => n.Data).HasMaxLength(4_000);
        e.HasOne<Accounts.User>().WithMany().HasForeignKey(n => n.UserId);
        e.HasIndex(n => new { n.UserId, n.ReadAtUtc });
    }
}
