using Consultation.Items;
using Consultation.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Consultation.Outcomes;

internal sealed class ResponseConfiguration : IEntityTypeConfiguration<Response>
{
    public void Configure(EntityTypeBuilder<Response> e)
    {
        e.Property(r => r.Text).HasMaxLength(20_000);
        e.HasOne<Item>().WithMany().HasForeignKey(r => r.ItemId);
        e.HasOne<HandlerUnit>().WithMany().HasForeignKey(r => r.UnitId);
        e.HasOne(r => r.ReHandling).WithMany().HasForeignKey(r => r.ReHandlingId);
        e.HasIndex(r => new { r.ItemId, r.AnsweredAtUtc });
    }
}

internal sealed class EvaluationConfiguration : IEntityTypeConfiguration<Evaluation>
{
    public void Configure(EntityTypeBuilder<Evaluation> e)
    {
        e.Property(v => v.Comment).HasMaxLength(4_000);
        e.HasOne<Item>().WithMany().HasForeignKey(v => v.ItemId);
        e.HasOne<Response>().WithMany().HasForeignKey(v => v.ResponseId);
        e.HasOne<Deputies.Deputy>().WithMany().HasForeignKey(v => v.DeputyId);
        e.HasIndex(v => new { v.ResponseId, v.DeputyId }).IsUnique();
    }
}

internal sealed class ReHandlingConfiguration : IEntityTypeConfiguration<ReHandling>
{
    public void Configure(EntityTypeBuilder<ReHandling> e)
    {
        e.HasOne<Item>().WithMany().HasForeignKey(r => r.ItemId);
        e.HasOne(r => r.Evaluation).WithMany().HasForeignKey(r => r.EvaluationId);
        e.HasOne(r => r.Response).WithMany().HasForeignKey(r => r.ResponseId);
    }
}
