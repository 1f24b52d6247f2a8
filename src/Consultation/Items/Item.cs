namespace Consultation.Items;

public enum ItemKind { Suggestion, Proposal, Express }

public enum ItemLevel { City, District }

public enum ItemState
{
    Draft,
    Submitted,
    Rejected,
    Registered,
    Assigned,
    InHandling,
    Answered,
    Evaluated,
    ReHandling,
    Closed,
}

/// <summary>The tags the office puts on an item, which the review filters by.</summary>
public interface IItemTags
{
    bool IsUrgent { get; }
    bool IsTroublesome { get; }
    bool IsDifficult { get; }
    bool IsKey { get; }
    bool IsLongOverdue { get; }
}

/// <summary>A suggestion, proposal or express item as submitted by a deputy and handled by units.</summary>
public class Item : IVersioned, IItemTags
{
    public int Id { get; set; }
    public int SessionId { get; set; }
    public Session? Session { get; set; }
    public ItemKind Kind { get; set; }
    public ItemLevel Level { get; set; }
    public ItemState State { get; set; }

    /// <summary>Given at registration, unique within the session, e.g. "2026-S-0123".</summary>
    public string? Number { get; set; }
    public int? Sequence { get; set; }

    public required string Title { get; set; }
    public required string Body { get; set; }
    public string? Problem { get; set; }
    public string? Requests { get; set; }

    public bool IsUrgent { get; set; }
    public bool IsTroublesome { get; set; }
    public bool IsDifficult { get; set; }
    public bool IsLongOverdue { get; set; }
    public bool IsKey { get; set; }
    /// <summary>The handling plan a key item must have.</summary>
    public string? HandlingPlan { get; set; }

    public DateTime CreatedAtUtc { get; set; }
    public DateTime? SubmittedAtUtc { get; set; }
    public DateTime? RegisteredAtUtc { get; set; }
    public DateTime? RejectedAtUtc { get; set; }
    public string? RejectionReason { get; set; }
    public DateTime? ClosedAtUtc { get; set; }
    /// <summary>B and C answers stay under tracking after closing until a follow-up answer is sent.</summary>
    public bool UnderTracking { get; set; }
    /// <summary>Registered by the office from paper or an import, rather than submitted online.</summary>
    public string? ImportKey { get; set; }

    public List<ItemSigner> Signers { get; set; } = [];
    public List<Assignment> Assignments { get; set; } = [];

    /// <summary>When the review's rows of this item were last computed (see Review.ReviewFacts); null on items older than them.</summary>
    public DateTime? FactsComputedAtUtc { get; private set; }

    public Guid Version { get; set; }

    public static string FormatNumber(int year, ItemKind kind, int sequence) =>
        $"{year}-{kind switch { ItemKind.Suggestion => 'S', ItemKind.Proposal => 'P', _ => 'E' }}-{sequence:0000}";
}

public enum SignerRole { Submitter, CoSigner }

/// <summary>The lead deputy (领衔人) or a co-signer (附议人) of an item; every one of them gets the answer.</summary>
public class ItemSigner : IAudited
{
    public int Id { get; set; }
    public int ItemId { get; set; }
    public int DeputyId { get; set; }
    public Deputies.Deputy? Deputy { get; set; }
    public SignerRole Role { get; set; }
    /// <summary>A co-signature counts only once the co-signer confirms it in their own account.</summary>
    public DateTime? ConfirmedAtUtc { get; set; }
    /// <summary>Set when the author takes a co-signer off a draft; such rows are filtered out of every query.</summary>
    public DateTime? WithdrawnAtUtc { get; set; }
}

/// <summary>An item's own material (from its author), or material of a unit's answer.</summary>
public enum AttachmentPurpose { Item, Answer }

/// <summary>A file attached to an item or to an answer, stored outside the web root.</summary>
public class Attachment : IAudited
{
    public int Id { get; set; }
    public int ItemId { get; set; }
    public AttachmentPurpose Purpose { get; set; }
    /// <summary>The unit whose handler uploaded an answer attachment; only it and the office see the file until it is sent.</summary>
    public int? UnitId { get; set; }
    /// <summary>The answer an answer attachment was sent with; null while the unit is still preparing it.</summary>
    public int? ResponseId { get; set; }
    public Outcomes.Response? Response { get; set; }
    /// <summary>The sanitised name shown and offered on download; the file itself is stored under <see cref="StorageKey"/>.</summary>
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string StorageKey { get; set; }
    public required string Sha256 { get; set; }
    public int UploadedById { get; set; }
    public DateTime UploadedAtUtc { get; set; }
}
