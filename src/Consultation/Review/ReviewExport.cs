using Consultation.Items;
using Consultation.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Consultation.Review;

/// <summary>One exported line per item behind a figure.</summary>
public sealed record ItemExportRow(
    string? Number, string Title, ItemKind Kind, ItemState State, string? LeadUnit, string? Submitter, DateTime? ReceivedAtUtc, DateTime? DueAtUtc);

/// <summary>The ranking (figures by unit) and the items behind a figure, as CSV or XLSX with the filters applied.</summary>
public static class ReviewExport
{
    private static readonly ExportColumn<Figures>[] UnitColumns =
    [
        new("承办单位", "Unit", f => f.UnitName),
        new("交办件数", "Received", f => f.Received),
        new("已答复", "Answered", f => f.Answered),
        new("按时答复", "Answered on time", f => f.AnsweredOnTime),
        new("按时答复率(%)", "On-time rate (%)", f => f.OnTimeRate),
        new("答复前沟通", "Contacted before answer", f => f.Contacted),
        new("沟通率(%)", "Contact rate (%)", f => f.ContactRate),
        new("A类", "Category A", f => f.CategoryA),
        new("B类", "Category B", f => f.CategoryB),
        new("C类", "Category C", f => f.CategoryC),
        new("D类", "Category D", f => f.CategoryD),
        new("已评价", "Evaluated", f => f.Evaluated),
        new("满意", "Satisfied", f => f.Satisfied),
        new("基本满意", "Basically satisfied", f => f.BasicallySatisfied),
        new("不满意", "Dissatisfied", f => f.Dissatisfied),
        new("满意率(%)", "Satisfaction rate (%)", f => f.SatisfactionRate),
        new("首次满意率(%)", "First-time satisfaction rate (%)", f => f.FirstTimeSatisfactionRate),
        new("重新办理", "Re-handlings", f => f.ReHandlings),
        new("待进行回访", "Visits scheduled", f => f.VisitsScheduled),
        new("已进行回访", "Visits held", f => f.VisitsHeld),
        new("未到场回访", "Visits no-show", f => f.VisitsNoShow),
        new("已取消回访", "Visits cancelled", f => f.VisitsCancelled),
        new("屏对屏回访", "Video visits held", f => f.VisitsByMethod[(int)Visits.VisitMethod.Video].Held),
        new("超期未答复", "Overdue", f => f.Overdue),
        new("超期承诺事项", "Overdue commitments", f => f.OverdueCommitments),
        new("久拖未决难事", "Long-overdue difficult", f => f.LongOverdueDifficult),
    ];

    private static readonly ExportColumn<ItemExportRow>[] ItemColumns =
    [
        new("编号", "Number", r => r.Number),
        new("标题", "Title", r => r.Title),
        new("类别", "Kind", (r, en) => ExportWords.Kind(r.Kind, en)),
        new("状态", "State", (r, en) => ExportWords.State(r.State, en)),
        new("主办单位", "Lead unit", r => r.LeadUnit),
        new("领衔人", "Submitter", r => r.Submitter),
        new("收到日期", "Received", r => ExportWords.Day(r.ReceivedAtUtc)),
        new("答复期限", "Answer due", r => ExportWords.Day(r.DueAtUtc)),
    ];

    public static async Task<IResult> UnitsAsync(string format, [AsParameters] ReviewQuery query, HttpContext http, ItemDesk desk)
    {
        if (!ExportTable.Formats.Contains(format))
            return Problems.Invalid("format", "Export as csv or xlsx.");
        var (scope, problem) = await ReviewApi.ScopeAsync(query, desk);
        if (scope is null)
            return problem!;
        // One row per unit: a few hundred rows at most, computed by the same aggregate as the ranking.
        var units = (await ReviewApi.FiguresAsync(desk.Db, scope)).Units;
                await ExportTable.WriteAsync(http, "units", format, units.Length, UnitColumns, units.ToAsyncEnumerable, () => units);
        return Results.Empty;
    }

    public static async Task<IResult> ItemsAsync(string format, [AsParameters] ReviewQuery query, string? figure, string? method,
        HttpContext http, ItemDesk desk)
    {
        if (!ExportTable.Formats.Contains(format))
            return Problems.Invalid("format", "Export as csv or xlsx.");
        var (scope, problem) = await ReviewApi.ScopeAsync(query, desk);
        if (scope is null)
            return problem!;
        if (ReviewApi.DrillProblem(figure, method, out var visitMethod) is { } bad)
            return bad;
        var items = ReviewDrill.Items(desk.Db, scope, figure!, visitMethod);
        var rows = items.OrderBy(i => i.Number).ThenBy(i => i.Id).Select(i => new ItemExportRow(
            i.Number, i.Title, i.Kind, i.State,
            i.Assignments.Where(a => a.State == AssignmentState.Active && a.Role != AssignmentRole.Co)
                .OrderBy(a => a.Role).Select(a => a.Unit!.Name).FirstOrDefault(),
            i.Signers.Where(s => s.Role == SignerRole.Submitter).Select(s => s.Deputy!.Name).FirstOrDefault(),
            i.SubmittedAtUtc,
            i.Assignments.Where(a => a.State == AssignmentState.Active && a.Role != AssignmentRole.Co).Min(a => (DateTime?)a.DueAtUtc)));
                await ExportTable.WriteAsync(http, $"items-{figure}", format, await items.CountAsync(), ItemColumns,
            () => rows.AsAsyncEnumerable(), () => rows.AsEnumerable());
        return Results.Empty;
    }
}
