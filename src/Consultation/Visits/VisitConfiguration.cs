using Consultation.Items;
using Consultation.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Consultation.Visits;

internal sealed class ReturnVisitConfiguration : IEntityTypeConfiguration<ReturnVisit>
{
    public void Configure(EntityTypeBuilder<ReturnVisit> e)
    {
        e.ToTable("Visits");
        e.Property(v => v.Location).HasMaxLength(200);
        e.Property(v => v.Agenda).HasMaxLength(4_000);
        e.Property(v => v.CancellationReason).HasMaxLength(2_000);
        e.HasOne<Item>().WithMany().HasForeignKey(v => v.ItemId);
        e.HasOne<HandlerUnit>().WithMany().HasForeignKey(v => v.LeadUnitId);
        e.HasMany(v => v.Participants).WithOne().HasForeignKey(p => p.VisitId);
        e.HasIndex(v => new { v.State, v.StartUtc });
        e.HasIndex(v => v.ItemId);
    }
}

internal sealed class VisitParticipantConfiguration : IEntityTypeConfiguration<VisitParticipant>
{
    public void Configure(EntityTypeBuilder<VisitParticipant> e)
    {
        e.Property(p => p.DisplayName).HasMaxLength(100);
        e.HasOne<Accounts.User>().WithMany().HasForeignKey(p => p.UserId);
        e.HasOne<Deputies.Deputy>().WithMany().HasForeignKey(p => p.DeputyId);
        e.HasOne<HandlerUnit>().WithMany().HasForeignKey(p => p.UnitId);
        e.HasIndex(p => p.UserId);
        e.HasIndex(p => p.DeputyId);
    }
}

internal sealed class VisitRequestConfiguration : IEntityTypeConfiguration<VisitRequest>
{
    public void Configure(EntityTypeBuilder<VisitRequest> e)
    {
        e.Property(r => r.ProposedTimes).HasMaxLength(1_000);
        e.Property(r => r.Message).HasMaxLength(2_000);
        e.Property(r => r.Answer).HasMaxLength(2_000);
        e.HasOne<Item>().WithMany().HasForeignKey(r => r.ItemId);
        e.HasOne(r => r.Visit).WithMany().HasForeignKey(r => r.VisitId);
        e.HasOne<Deputies.Deputy>().WithMany().HasForeignKey(r => r.DeputyId);
    }
}

internal sealed class VisitRecordConfiguration : IEntityTypeConfiguration<VisitRecord>
{
    public void Configure(EntityTypeBuilder<VisitRecord> e)
    {
        e.Property(r => r.Participants).HasMaxLength(2_000);
        e.Property(r => r.DeputyOpinion).HasMaxLength(10_000);
        e.Property(r => r.Explained).HasMaxLength(10_000);
        e.Property(r => r.DeputyRemark).HasMaxLength(4_000);
        e.HasOne(r => r.Visit).WithMany().HasForeignKey(r => r.VisitId);
        e.HasOne<Item>().WithMany().HasForeignKey(r => r.ItemId);
        e.HasOne<VisitRecord>().WithMany().HasForeignKey(r => r.AmendsRecordId);
        e.HasOne<Accounts.User>().WithMany().HasForeignKey(r => r.ConfirmedById);
        e.HasMany(r => r.Commitments).WithOne().HasForeignKey(c => c.RecordId);
    }
}

internal sealed class CommitmentConfiguration : IEntityTypeConfiguration<Commitment>
{
    public void Configure(EntityTypeBuilder<Commitment> e)
    {
        e.Property(c => c.Text).HasMaxLength(2_000);
        e.HasOne<Item>().WithMany().HasForeignKey(c => c.ItemId);
        e.HasOne<HandlerUnit>().WithMany().HasForeignKey(c => c.OwnerUnitId);
        e.HasOne<Accounts.User>().WithMany().HasForeignKey(c => c.DoneById);
        e.HasOne<Commitment>().WithMany().HasForeignKey(c => c.CopiedFromId);
        e.HasIndex(c => new { c.DoneAtUtc, c.DueAtUtc });
    }
}

internal sealed class ScheduledJobConfiguration : IEntityTypeConfiguration<ScheduledJob>
{
    public void Configure(EntityTypeBuilder<ScheduledJob> e)
    {
        e.Property(j => j.Key).HasMaxLength(100);
        e.Property(j => j.Kind).HasMaxLength(50);
        e.Property(j => j.HangfireJobId).HasMaxLength(100);
        e.HasIndex(j => j.Key).IsUnique();
        e.HasIndex(j => j.VisitId);
        e.HasIndex(j => j.CompletedAtUtc);
    }
}
