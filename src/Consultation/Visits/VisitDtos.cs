using System.ComponentModel.DataAnnotations;

namespace Consultation.Visits;

public sealed record ParticipantDto(int Id, string DisplayName, ParticipantRole Role, int? UserId, int? DeputyId, bool NoShow);

public sealed record VisitDto(
    int Id, int ItemId, string? ItemNumber, string ItemTitle, VisitPhase Phase, VisitMethod Method, VisitState State,
    DateTime StartUtc, DateTime EndUtc, int DurationMinutes, DateTime RoomOpensAtUtc, string? Location, string? Agenda,
    string? CancellationReason, int Sequence, ParticipantDto[] Participants, string[] Actions, Guid Version, DateTime ServerNowUtc);

// Phase and method are nullable so that a body without one is refused, not read as a video visit before the answer.
public sealed record ScheduleVisit(
    [property: Required(ErrorMessage = "Say when in the handling the visit is: BeforeAnswer, DuringHandling, AfterAnswer or FollowUp.")] VisitPhase? Phase,
    [property: Required(ErrorMessage = "Say how the visit is held: Video, Phone or InPerson.")] VisitMethod? Method,
    DateTime StartUtc,
    [property: Range(10, 240, ErrorMessage = "A visit lasts from 10 to 240 minutes.")] int DurationMinutes,
    [property: MaxLength(20)] int[]? CoSignerIds,
    [property: MaxLength(20)] int[]? StaffUserIds,
    [property: StringLength(200)] string? Location,
    [property: StringLength(4_000)] string? Agenda,
    int? RequestId,
    VisitReplacement? Replaces = null);

/// <summary>A visit of the item the new one replaces (the deputy asked for another time): cancelled in the same step.</summary>
public sealed record VisitReplacement(int VisitId, Guid Version, [property: Required, StringLength(2_000, MinimumLength = 2)] string Reason);

public sealed record RescheduleVisit(
    DateTime StartUtc,
    [property: Range(10, 240, ErrorMessage = "A visit lasts from 10 to 240 minutes.")] int DurationMinutes,
    [property: Required, StringLength(2_000, MinimumLength = 2)] string Reason,
    Guid Version);

public sealed record CancelVisit([property: Required, StringLength(2_000, MinimumLength = 2)] string Reason, Guid Version);

// Nullable so that a body without it is refused, not read as "did not take place".
public sealed record VisitOutcome([property: Required(ErrorMessage = "Say whether the visit took place: held is true or false.")] bool? Held);

public sealed record Clash(string Name, DateTime StartUtc, DateTime EndUtc, string? ItemNumber);

public sealed record AgendaEntry(int VisitId, DateTime StartUtc, DateTime EndUtc, string? ItemNumber);

public sealed record PersonAgenda(string Person, string Name, AgendaEntry[] Visits);

/// <summary>Someone who may be invited to a visit on an item: staff of its units, or office staff.</summary>
public sealed record StaffCandidate(int UserId, string DisplayName, int? UnitId, string? UnitName, ParticipantRole Role);
