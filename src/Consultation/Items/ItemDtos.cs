using Consultation.Outcomes;
using Consultation.Visits;

namespace Consultation.Items;

public sealed record ItemSummary(
    int Id, string? Number, ItemKind Kind, ItemState State, string Title, string? SubmitterName, string? LeadUnitName,
    DateTime? DueAtUtc, DeadlineStatus Deadline, string[] Tags, bool IsKey, DateTime? SubmittedAtUtc);

public sealed record ItemPage(ItemSummary[] Items, int Total, int Page, int PageSize);

public sealed record SignerDto(int DeputyId, string Name, SignerRole Role, bool Confirmed);

public sealed record AssignmentDto(
    int Id, int UnitId, string UnitName, AssignmentRole Role, AssignmentState State, DateTime AssignedAtUtc,
    DateTime? SignedForAtUtc, DateTime DueAtUtc, DateTime ReturnWindowEndsUtc, DeadlineStatus Deadline);

public sealed record ProgressDto(int Id, DateTime AtUtc, string UnitName, string Text);

public sealed record OpinionDto(int Id, string UnitName, DateTime SubmittedAtUtc, string Text);

public sealed record RequestDto(
    int Id, string Kind, int AssignmentId, string UnitName, string Reason, RequestState State, DateTime RequestedAtUtc,
    DateTime? RequestedDueAtUtc, string? DecisionNote);

public sealed record EvaluationDto(int Id, string DeputyName, Satisfaction Work, Satisfaction Result, string? Comment, DateTime EvaluatedAtUtc);

public sealed record ResponseDto(
    int Id, string UnitName, ResponseCategory Category, string Text, DateTime AnsweredAtUtc, bool IsFollowUp,
    bool IsReHandling, EvaluationDto[] Evaluations);

public sealed record ReHandlingDto(int Id, DateTime OpenedAtUtc, DateTime DueAtUtc, DateTime? AnsweredAtUtc);

public sealed record VisitSummary(int Id, VisitPhase Phase, VisitMethod Method, VisitState State, DateTime StartUtc, int DurationMinutes, string? Summary);

public sealed record AttachmentDto(
    int Id, string FileName, string ContentType, long Size, AttachmentPurpose Purpose, int? ResponseId, DateTime UploadedAtUtc);

public sealed record ItemDetail(
    int Id, string? Number, int SessionId, string SessionName, ItemKind Kind, ItemLevel Level, ItemState State,
    string Title, string Body, string? Problem, string? Requests, string[] Tags, bool IsKey, string? HandlingPlan,
    DateTime? SubmittedAtUtc, DateTime? RegisteredAtUtc, string? RejectionReason, DateTime? ClosedAtUtc, bool UnderTracking,
    DateTime? DueAtUtc, DeadlineStatus Deadline,
    SignerDto[] Signers, AssignmentDto[] Assignments, ProgressDto[] Progress, OpinionDto[] Opinions, RequestDto[] UnitRequests,
    ResponseDto[] Responses, ReHandlingDto[] ReHandlings, VisitSummary[] Visits, AttachmentDto[] Attachments, string[] Actions,
    Guid Version);

public sealed record AuditDto(long Id, DateTime AtUtc, string Actor, string EntityType, string EntityId, string Action, string? Before, string? After);
