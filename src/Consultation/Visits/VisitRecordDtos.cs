using System.ComponentModel.DataAnnotations;

namespace Consultation.Visits;

/// <summary>A commitment as the lead unit writes it into a record; the owner is the lead or a co-handling unit of the item.</summary>
public sealed record CommitmentInput(int? Id, string? Text, int OwnerUnitId, DateTime DueAtUtc);

// The method is nullable so that a record without it is refused, not read as a video visit.
public sealed record WriteRecord(
    [property: Required(ErrorMessage = "Say how the visit was held: Video, Phone or InPerson.")] VisitMethod? MethodUsed,
    [property: Required(ErrorMessage = "Say who took part."), StringLength(2_000, MinimumLength = 2, ErrorMessage = "Say who took part (2 to 2,000 characters).")]
    string Participants,
    [property: Required(ErrorMessage = "Write down the deputy's opinions."), StringLength(10_000, MinimumLength = 2, ErrorMessage = "Write down the deputy's opinions (2 to 10,000 characters).")]
    string DeputyOpinion,
    [property: StringLength(10_000)] string? Explained,
    [property: MaxLength(30, ErrorMessage = "A record holds at most 30 commitments.")] CommitmentInput[]? Commitments,
    Guid? Version = null);

public sealed record RecordVersion(Guid Version);

public sealed record ConfirmRecord([property: StringLength(4_000)] string? Remark, Guid Version);

public sealed record CommitmentDto(
    int Id, string Text, int OwnerUnitId, string OwnerUnitName, DateTime DueAtUtc, DateTime? DoneAtUtc, bool Tracked, bool Overdue,
    string[] Actions, Guid Version);

public sealed record RecordDto(
    int Id, int VisitId, int ItemId, int? AmendsRecordId, RecordState State, VisitMethod MethodUsed, string Participants,
    string DeputyOpinion, string? Explained, string AuthorName, DateTime WrittenAtUtc, DateTime? SubmittedAtUtc,
    DateTime? ConfirmedAtUtc, string? ConfirmedByName, string? DeputyRemark, CommitmentDto[] Commitments, string[] Actions, Guid Version);

/// <summary>
/// What the record form starts from: who took part (those who joined the video room, or else those invited and not
/// marked absent), the method to record, and whether the planned video visit failed.
/// </summary>
public sealed record RecordDraft(string[] People, VisitMethod MethodUsed, bool VideoFailed);

public sealed record UnitOption(int Id, string Name, Items.AssignmentRole Role);

/// <summary>A visit's records, oldest first (an amendment follows what it amends), and what this person may do.</summary>
public sealed record VisitRecords(
    int VisitId, int ItemId, VisitMethod Method, VisitState State, DateTime StartUtc, RecordDto[] Records, string[] Actions,
    RecordDraft? Draft, UnitOption[] OwnerUnits);
