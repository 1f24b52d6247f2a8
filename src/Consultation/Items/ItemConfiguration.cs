using Consultation.Deputies;
using Consultation.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Consultation.Items;

internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> e)
    {
        e.Property(s => s.Name).HasMaxLength(200);
        e.HasIndex(s => s.Year).IsUnique();
    }
}

internal sealed class ItemConfiguration : IEntityTypeConfiguration<Item>
{
    public void Configure(EntityTypeBuilder<Item> e)
    {
        e.Property(i => i.Number).HasMaxLength(32);
        e.Property(i => i.Title).HasMaxLength(200);
        e.Property(i => i.Body).HasMaxLength(20_000);
        e.Property(i => i.Problem).HasMaxLength(10_000);
        e.Property(i => i.Requests).HasMaxLength(10_000);
        e.Property(i => i.HandlingPlan).HasMaxLength(10_000);
        e.Property(i => i.RejectionReason).HasMaxLength(2_000);
        e.Property(i => i.ImportKey).HasMaxLength(100);
        e.HasOne(i => i.Session).WithMany().HasForeignKey(i => i.SessionId);
        e.HasIndex(i => new { i.SessionId, i.Number }).IsUnique();
        e.HasIndex(i => new { i.SessionId, i.ImportKey }).IsUnique();
        e.HasIndex(i => new { i.State, i.Kind });
        e.HasMany(i => i.Signers).WithOne().HasForeignKey(s => s.ItemId);
        e.HasMany(i => i.Assignments).WithOne(a => a.Item).HasForeignKey(a => a.ItemId);
    }
}

internal sealed class ItemSignerConfiguration : IEntityTypeConfiguration<ItemSigner>
{
    public void Configure(EntityTypeBuilder<ItemSigner> e)
    {
        e.HasOne(s => s.Deputy).WithMany().HasForeignKey(s => s.DeputyId);
        // Nothing is deleted: a co-signer taken off a draft is withdrawn, and disappears from every query.
        e.HasQueryFilter(s => s.WithdrawnAtUtc == null);
        e.HasIndex(s => new { s.ItemId, s.DeputyId }).IsUnique();
        e.HasIndex(s => s.DeputyId);
    }
}

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> e)
    {
        e.Property(a => a.FileName).HasMaxLength(255);
        e.Property(a => a.ContentType).HasMaxLength(100);
        e.Property(a => a.StorageKey).HasMaxLength(100);
        e.Property(a => a.Sha256).HasMaxLength(64);
        e.HasOne<Item>().WithMany().HasForeignKey(a => a.ItemId);
        e.HasOne(a => a.Response).WithMany().HasForeignKey(a => a.ResponseId);
        e.HasOne<HandlerUnit>().WithMany().HasForeignKey(a => a.UnitId);
        e.HasIndex(a => a.StorageKey).IsUnique();
    }
}

internal sealed class AssignmentConfiguration : IEntityTypeConfiguration<Assignment>
{
    public void Configure(EntityTypeBuilder<Assignment> e)
    {
        e.HasOne(a => a.Unit).WithMany().HasForeignKey(a => a.UnitId);
        e.HasIndex(a => new { a.UnitId, a.State });
        e.HasIndex(a => new { a.State, a.DueAtUtc });
    }
}

internal sealed class ExtensionRequestConfiguration : IEntityTypeConfiguration<ExtensionRequest>
{
    public void Configure(EntityTypeBuilder<ExtensionRequest> e)
    {
        e.Property(r => r.Reason).HasMaxLength(2_000);
        e.Property(r => r.DecisionNote).HasMaxLength(2_000);
        e.HasOne<Item>().WithMany().HasForeignKey(r => r.ItemId);
        e.HasOne<Assignment>().WithMany().HasForeignKey(r => r.AssignmentId);
    }
}

internal sealed class ReturnRequestConfiguration : IEntityTypeConfiguration<ReturnRequest>
{
    public void Configure(EntityTypeBuilder<ReturnRequest> e)
    {
        e.Property(r => r.Reason).HasMaxLength(2_000);
        e.Property(r => r.DecisionNote).HasMaxLength(2_000);
        e.HasOne<Item>().WithMany().HasForeignKey(r => r.ItemId);
        e.HasOne<Assignment>().WithMany().HasForeignKey(r => r.AssignmentId);
    }
}

internal sealed class ProgressEntryConfiguration : IEntityTypeConfiguration<ProgressEntry>
{
    public void Configure(EntityTypeBuilder<ProgressEntry> e)
    {
        e.Property(p => p.Text).HasMaxLength(4_000);
        e.HasOne<Item>().WithMany().HasForeignKey(p => p.ItemId);
        e.HasOne<HandlerUnit>().WithMany().HasForeignKey(p => p.UnitId);
        e.HasIndex(p => new { p.ItemId, p.AtUtc });
    }
}

internal sealed class CoHandlerOpinionConfiguration : IEntityTypeConfiguration<CoHandlerOpinion>
{
    public void Configure(EntityTypeBuilder<CoHandlerOpinion> e)
    {
        e.Property(o => o.Text).HasMaxLength(10_000);
        e.HasOne<Item>().WithMany().HasForeignKey(o => o.ItemId);
        e.HasOne<Assignment>().WithMany().HasForeignKey(o => o.AssignmentId);
        e.HasOne<HandlerUnit>().WithMany().HasForeignKey(o => o.UnitId);
    }
}
