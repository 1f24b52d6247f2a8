namespace Consultation.Visits;

public enum VisitPhase { BeforeAnswer, DuringHandling, AfterAnswer, FollowUp }

public enum VisitMethod { Video, Phone, InPerson }

public enum VisitState { Scheduled, Held, NoShow, Cancelled }

/// <summary>A scheduled contact with the deputy about one item (见面沟通 / 回访); video is the main method.</summary>
public class ReturnVisit : IVersioned
{
    public int Id { get; set; }
    public int ItemId { get; set; }
    public int LeadUnitId { get; set; }
    public VisitPhase Phase { get; set; }
    public VisitMethod Method { get; set; }
    public VisitState State { get; set; }
    public DateTime StartUtc { get; set; }
    public int DurationMinutes { get; set; }
    public DateTime EndUtc { get; set; }
    public string? Location { get; set; }
    public string? Agenda { get; set; }
    public int ScheduledById { get; set; }
    public DateTime ScheduledAtUtc { get; set; }
    public string? CancellationReason { get; set; }
    /// <summary>The iCalendar SEQUENCE: rises with every change sent to participants.</summary>
    public int Sequence { get; set; }
    public DateTime? ClosedAtUtc { get; set; }
    public List<VisitParticipant> Participants { get; set; } = [];
    public Guid Version { get; set; }
}

public enum ParticipantRole { Submitter, CoSigner, LeadUnit, CoUnit, Office }

public class VisitParticipant : IAudited
{
    public int Id { get; set; }
    public int VisitId { get; set; }
    public int? UserId { get; set; }
    public int? DeputyId { get; set; }
    public int? UnitId { get; set; }
    public ParticipantRole Role { get; set; }
    public required string DisplayName { get; set; }
    /// <summary>Set by the no-show check for a participant who never joined.</summary>
    public bool NoShow { get; set; }
}

/// <summary>A deputy asks for a consultation on one of their items, or for another time for a visit.</summary>
public class VisitRequest : IAudited
{
    public int Id { get; set; }
    public int ItemId { get; set; }
    public int? VisitId { get; set; }
    public ReturnVisit? Visit { get; set; }
    public int DeputyId { get; set; }
    public required string ProposedTimes { get; set; }
    public string? Message { get; set; }
    public Items.RequestState State { get; set; }
    public DateTime RequestedAtUtc { get; set; }
    public int? AnsweredById { get; set; }
    public DateTime? AnsweredAtUtc { get; set; }
    public string? Answer { get; set; }
}
