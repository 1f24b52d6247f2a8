namespace Consultation.Outcomes;

/// <summary>答复 A 已解决或基本解决, B 正在解决或列入计划解决, C 因条件限制需以后解决, D 留作参考.</summary>
public enum ResponseCategory { A, B, C, D }

/// <summary>The written answer of the lead unit (or of a separate unit for its own part).</summary>
public class Response : IVersioned
{
    public int Id { get; set; }
    public int ItemId { get; set; }
    public int UnitId { get; set; }
    public int AuthorId { get; set; }
    public ResponseCategory Category { get; set; }
    public required string Text { get; set; }
    public DateTime AnsweredAtUtc { get; set; }
    /// <summary>Set when this answer closes a re-handling opened by a dissatisfied evaluation.</summary>
    public int? ReHandlingId { get; set; }
    public ReHandling? ReHandling { get; set; }
    /// <summary>A later answer for a B/C item under tracking.</summary>
    public bool IsFollowUp { get; set; }
    public Guid Version { get; set; }
}

public enum Satisfaction { Satisfied, BasicallySatisfied, Dissatisfied }

/// <summary>An evaluation in one word: dissatisfied if either part is, satisfied if both parts are, else basically satisfied.</summary>
public enum Verdict { Satisfied, BasicallySatisfied, Dissatisfied }

/// <summary>A submitter's verdict on one answer: on the handling work and on the result.</summary>
public class Evaluation : IAudited
{
    public int Id { get; set; }
    public int ItemId { get; set; }
    public int ResponseId { get; set; }
    public int DeputyId { get; set; }
    public Satisfaction Work { get; set; }
    public Satisfaction Result { get; set; }
    public string? Comment { get; set; }
    public DateTime EvaluatedAtUtc { get; set; }

    public static Verdict VerdictOf(Satisfaction work, Satisfaction result) =>
        work == Satisfaction.Dissatisfied || result == Satisfaction.Dissatisfied ? Verdict.Dissatisfied
        : work == Satisfaction.Satisfied && result == Satisfaction.Satisfied ? Verdict.Satisfied
        : Verdict.BasicallySatisfied;
}

/// <summary>What a dissatisfied evaluation opens: the lead unit must answer again within its own deadline.</summary>
public class ReHandling : IAudited
{
    public int Id { get; set; }
    public int ItemId { get; set; }
    public int EvaluationId { get; set; }
    public Evaluation? Evaluation { get; set; }
    public DateTime OpenedAtUtc { get; set; }
    public DateTime DueAtUtc { get; set; }
    /// <summary>The answer that closed this re-handling.</summary>
    public int? ResponseId { get; set; }
    public Response? Response { get; set; }
    public DateTime? AnsweredAtUtc { get; set; }
}
