using Consultation.Accounts;
using Consultation.Audit;
using Consultation.Calls;
using Consultation.Deputies;
using Consultation.Items;
using Consultation.Notifications;
using Consultation.Outcomes;
using Consultation.Review;
using Consultation.Units;
using Consultation.Visits;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Consultation.Data;

public class AppDbContext(DbContextOptions<AppDbContext> options, TimeProvider? clock = null, IAuditActor? actor = null)
    : IdentityDbContext<User, Role, int>(options), IDataProtectionKeyContext
{
    public DbSet<HandlerUnit> Units => Set<HandlerUnit>();
    public DbSet<Deputy> Deputies => Set<Deputy>();
    public DbSet<Session> Sessions => Set<Session>();
    public DbSet<Item> Items => Set<Item>();
    public DbSet<ItemSigner> ItemSigners => Set<ItemSigner>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<Assignment> Assignments => Set<Assignment>();
    public DbSet<ExtensionRequest> ExtensionRequests => Set<ExtensionRequest>();
    public DbSet<ReturnRequest> ReturnRequests => Set<ReturnRequest>();
    public DbSet<ProgressEntry> ProgressEntries => Set<ProgressEntry>();
    public DbSet<CoHandlerOpinion> CoHandlerOpinions => Set<CoHandlerOpinion>();
    public DbSet<Response> Responses => Set<Response>();
    public DbSet<Evaluation> Evaluations => Set<Evaluation>();
    public DbSet<ReHandling> ReHandlings => Set<ReHandling>();
    public DbSet<ReturnVisit> Visits => Set<ReturnVisit>();
    public DbSet<VisitParticipant> VisitParticipants => Set<VisitParticipant>();
    public DbSet<VisitRequest> VisitRequests => Set<VisitRequest>();
    public DbSet<VisitRecord> VisitRecords => Set<VisitRecord>();
    public DbSet<Commitment> Commitments => Set<Commitment>();
    public DbSet<AttendanceEntry> Attendance => Set<AttendanceEntry>();
    public DbSet<CallQuality> CallQuality => Set<CallQuality>();
    public DbSet<ChatMessage> ChatMessages => Set<ChatMessage>();
    public DbSet<JoinLink> JoinLinks => Set<JoinLink>();
    public DbSet<SentEffect> SentEffects => Set<SentEffect>();
    public DbSet<ScheduledJob> ScheduledJobs => Set<ScheduledJob>();
    public DbSet<NotificationPolicy> NotificationPolicy => Set<NotificationPolicy>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ReviewDuty> ReviewDuties => Set<ReviewDuty>();
    public DbSet<ReviewVisit> ReviewVisits => Set<ReviewVisit>();
    public DbSet<ReviewCommitment> ReviewCommitments => Set<ReviewCommitment>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void ConfigureConventions(ModelConfigurationBuilder conventions)
    {
        // Enums read as words in every database and in the audit trail.
        conventions.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
        // Times are stored in UTC; SQLite cannot compare DateTimeOffset, and Npgsql wants Kind=Utc.
        conventions.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        conventions.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

        foreach (var entity in model.Model.GetEntityTypes())
        {
            if (typeof(IVersioned).IsAssignableFrom(entity.ClrType))
                entity.FindProperty(nameof(IVersioned.Version))!.IsConcurrencyToken = true;
            // Nothing is ever deleted, so nothing cascades.
            foreach (var fk in entity.GetForeignKeys().Where(fk => !fk.IsOwnership))
                fk.DeleteBehavior = DeleteBehavior.Restrict;
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var changes = AuditTrail.Collect(ChangeTracker);
        if (changes.Count == 0)
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        var now = (clock ?? TimeProvider.System).GetUtcNow().UtcDateTime;
        var ownTransaction = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;
        try
        {
            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            // Ids of added rows are known only now.
            AuditEntries.AddRange(changes.Select(c => c.ToEntry(now, actor)));
            await base.SaveChangesAsync(true, cancellationToken);
            var touched = changes.Where(c => ReviewFacts.Concerns(c.Entry.Metadata.ClrType) && c.ItemId is not null).Select(c => c.ItemId!.Value);
            await ReviewFacts.RefreshAsync(this, touched, now, cancellationToken);
            if (ownTransaction is not null)
                await ownTransaction.CommitAsync(cancellationToken);
            return written;
        }
        finally
        {
            if (ownTransaction is not null)
                await ownTransaction.DisposeAsync();
        }
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
