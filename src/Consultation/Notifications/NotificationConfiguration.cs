using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Consultation.Notifications;

internal sealed class SentEffectConfiguration : IEntityTypeConfiguration<SentEffect>
{
    public void Configure(EntityTypeBuilder<SentEffect> e)
    {
        e.Property(s => s.Key).HasMaxLength(200);
        e.Property(s => s.Kind).HasMaxLength(50);
        e.Property(s => s.LastError).HasMaxLength(1_000);
        e.Property(s => s.Payload).HasMaxLength(64_000);
        e.HasIndex(s => s.Key).IsUnique();
        e.HasIndex(s => s.DeliveredAtUtc);
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

internal sealed class NotificationPolicyConfiguration : IEntityTypeConfiguration<NotificationPolicy>
{
    public void Configure(EntityTypeBuilder<NotificationPolicy> e) =>
        e.Property(p => p.Id).ValueGeneratedNever();
}
