namespace Consultation;

/// <summary>Rows whose every change is written to the audit trail and which are never hard-deleted.</summary>
public interface IAudited;

/// <summary>Rows people edit together: a save based on a stale copy is refused (optimistic concurrency).</summary>
public interface IVersioned : IAudited
{
    Guid Version { get; set; }
}
