using Microsoft.EntityFrameworkCore;

namespace Consultation.Items;

/// <summary>The statutory periods (settings under <c>Deadlines</c>), with the defaults of local regulations.</summary>
public sealed class DeadlineSettings
{
    public int AnswerMonths { get; set; } = 3;
    public int ExtensionCapMonths { get; set; } = 6;
    public int ExpressDays { get; set; } = 15;
    public int CoOpinionMonths { get; set; } = 1;
    public int ReturnWindowDays { get; set; } = 10;
    public int ReHandlingMonths { get; set; } = 1;
    /// <summary>An open deadline this close is "due soon".</summary>
    public int DueSoonDays { get; set; } = 7;

    /// <summary>What a unit owes by when: an answer (lead, separate) or an opinion to the lead unit (co-handling).</summary>
    public DateTime DueFor(ItemKind kind, AssignmentRole role, DateTime assignedAt) => role switch
    {
        AssignmentRole.Co => assignedAt.AddMonths(CoOpinionMonths),
        _ when kind == ItemKind.Express => assignedAt.AddDays(ExpressDays),
        _ => assignedAt.AddMonths(AnswerMonths),
    };

    public DateTime ReturnWindowEnds(DateTime assignedAt) => assignedAt.AddDays(ReturnWindowDays);

    public DateTime ExtensionCap(DateTime assignedAt) => assignedAt.AddMonths(ExtensionCapMonths);

    public DateTime ReHandlingDue(DateTime evaluatedAt) => evaluatedAt.AddMonths(ReHandlingMonths);
}

public enum DeadlineStatus { None, OnTrack, DueSoon, Overdue }

/// <summary>"Overdue" and "due soon" are computed from deadlines, never stored.</summary>
public static class Deadlines
{
    public static readonly ItemState[] Open = [ItemState.Assigned, ItemState.InHandling, ItemState.ReHandling];

    /// <summary>Active lead and separate assignments whose item still waits for an answer.</summary>
    public static IQueryable<Assignment> Answering(this IQueryable<Assignment> assignments) =>
        assignments.Where(a => a.State == AssignmentState.Active
                               && a.Role != AssignmentRole.Co
                               && Open.Contains(a.Item!.State));

    public static DeadlineStatus StatusOf(DateTime? due, bool open, DateTime now, DeadlineSettings settings) =>
        !open || due is null ? DeadlineStatus.None
        : due < now ? DeadlineStatus.Overdue
        : due < now.AddDays(settings.DueSoonDays) ? DeadlineStatus.DueSoon
        : DeadlineStatus.OnTrack;

    public static IQueryable<Assignment> Overdue(this IQueryable<Assignment> answering, DateTime now) =>
        answering.Where(a => a.DueAtUtc < now);

    public static IQueryable<Assignment> DueSoon(this IQueryable<Assignment> answering, DateTime now, DeadlineSettings settings)
    {
        var soon = now.AddDays(settings.DueSoonDays);
        return answering.Where(a => a.DueAtUtc >= now && a.DueAtUtc < soon);
    }
}
