using Consultation.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Consultation.Calls;

internal sealed class AttendanceEntryConfiguration : IEntityTypeConfiguration<AttendanceEntry>
{
    public void Configure(EntityTypeBuilder<AttendanceEntry> e)
    {
        e.HasOne<ReturnVisit>().WithMany().HasForeignKey(a => a.VisitId);
        e.HasOne<VisitParticipant>().WithMany().HasForeignKey(a => a.ParticipantId);
    }
}

internal sealed class CallQualityConfiguration : IEntityTypeConfiguration<CallQuality>
{
    public void Configure(EntityTypeBuilder<CallQuality> e)
    {
        e.HasOne<ReturnVisit>().WithMany().HasForeignKey(q => q.VisitId);
        e.HasOne<VisitParticipant>().WithMany().HasForeignKey(q => q.ParticipantId);
    }
}

internal sealed class ChatMessageConfiguration : IEntityTypeConfiguration<ChatMessage>
{
    public void Configure(EntityTypeBuilder<ChatMessage> e)
    {
        e.Property(m => m.Text).HasMaxLength(2_000);
        e.HasOne<ReturnVisit>().WithMany().HasForeignKey(m => m.VisitId);
        e.HasOne<VisitParticipant>().WithMany().HasForeignKey(m => m.ParticipantId);
    }
}
