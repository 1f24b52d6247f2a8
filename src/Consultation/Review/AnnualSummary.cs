using Consultation.Items;
using Consultation.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Consultation.Review;

/// <summary>Items received of one kind: how many, how many answered (by at least one first answer), and their tags.</summary>
public sealed record KindSummary(ItemKind Kind, int Received, int Answered, int Urgent, int Troublesome, int Difficult, int Key, int LongOverdue);

/// <summary>The numbers of the office's annual report; the web app puts them in sentences in the reader's language.</summary>
public sealed record SummaryDto(int SessionId, int Year, string SessionName, string? UnitName, KindSummary[] Kinds, Figures Figures);

public static class AnnualSummary
{
    /// <summary>The summary of one session (the current one when none is chosen), with the other filters applied.</summary>
    public static async Task<IResult> GetAsync([AsParameters] ReviewQuery query, ItemDesk desk)
    {
        var db = desk.Db;
        if (string.IsNullOrWhiteSpace(query.Session))
        {
            var current = await db.Sessions.Where(s => s.IsCurrent).OrderByDescending(s => s.Year).Select(s => (int?)s.Id).FirstOrDefaultAsync();
            if (current is null)
                return Problems.Invalid("session", "Choose the session to summarise: no session is marked as current.");
            query = query with { Session = current.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        }
        var (scope, problem) = await ReviewApi.ScopeAsync(query, desk);
        if (scope is null)
            return problem!;
        var session = await db.Sessions.SingleAsync(s => s.Id == scope.SessionId);
        var items = scope.Items(db);
        if (scope.UnitId is { } unit)
            items = items.Where(i => i.Assignments.Any(a => a.UnitId == unit && a.State == AssignmentState.Active && a.Role != AssignmentRole.Co));
        var kinds = await items
            .Select(i => new
            {
                i.Kind, i.IsUrgent, i.IsTroublesome, i.IsDifficult, i.IsKey, i.IsLongOverdue,
                Answered = db.Responses.Any(r => r.ItemId == i.Id && !r.IsFollowUp && r.ReHandlingId == null),
            })
            .GroupBy(i => i.Kind)
            .Select(g => new KindSummary(g.Key, g.Count(), g.Count(i => i.Answered), g.Count(i => i.IsUrgent),
                g.Count(i => i.IsTroublesome), g.Count(i => i.IsDifficult), g.Count(i => i.IsKey), g.Count(i => i.IsLongOverdue)))
            .ToListAsync();
        var figures = await ReviewApi.FiguresAsync(db, scope);
        return TypedResults.Ok(new SummaryDto(session.Id, session.Year, session.Name, figures.Overall.UnitName,
            kinds.OrderBy(k => k.Kind).ToArray(), figures.Overall));
    }
}
