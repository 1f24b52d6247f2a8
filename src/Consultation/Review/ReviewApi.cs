using Consultation.Accounts;
using Consultation.Data;
using Consultation.Items;
using Consultation.Visits;
using Consultation.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Consultation.Review;

public sealed record FiguresDto(Figures Overall, Figures[] Units);

/// <summary>
/// The office's review: figures, ranking by unit, trends, the items behind a figure, exports and the annual summary.
/// Every endpoint resolves the filters through <see cref="ReviewScope"/>, which also decides who sees which unit.
/// </summary>
public static class ReviewApi
{
    public static void MapReview(this IEndpointRouteBuilder app)
    {
        var review = app.MapGroup("/api/review").WithTags("Review").RequireAuthorization();
        review.MapGet("/figures", GetFigures);
        review.MapGet("/trend", GetTrend);
        review.MapGet("/items", GetItems);
        review.MapGet("/summary", AnnualSummary.GetAsync);
        review.MapGet("/export/units.{format}", ReviewExport.UnitsAsync);
        review.MapGet("/export/items.{format}", ReviewExport.ItemsAsync);
    }

    /// <summary>The filters checked against the database and the caller, or the problem that says what to fix.</summary>
    internal static async Task<(ReviewScope? Scope, IResult? Problem)> ScopeAsync(ReviewQuery query, ItemDesk desk) =>
        await ReviewScope.ResolveAsync(query, desk.Me, desk.Db, desk.Now);

    private static async Task<IResult> GetFigures([AsParameters] ReviewQuery query, ItemDesk desk)
    {
        var (scope, problem) = await ScopeAsync(query, desk);
        return scope is null ? problem! : TypedResults.Ok(await FiguresAsync(desk.Db, scope));
    }

    internal static async Task<FiguresDto> FiguresAsync(AppDbContext db, ReviewScope scope)
    {
        var counts = await ReviewQueries.ByUnitAsync(db, scope);
        var ids = counts.Select(c => c.UnitId).ToArray();
        var names = await db.Units.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name);
        var total = new FigureCounts();
        foreach (var unit in counts)
            total.Add(unit);
        return new FiguresDto(Figures.Of(total, scope.UnitId, scope.UnitId is { } id ? names.GetValueOrDefault(id) : null),
            counts.Select(c => Figures.Of(c, c.UnitId, names.GetValueOrDefault(c.UnitId))).ToArray());
    }

    private static async Task<IResult> GetTrend([AsParameters] ReviewQuery query, ItemDesk desk)
    {
        var (scope, problem) = await ScopeAsync(query, desk);
        return scope is null ? problem! : TypedResults.Ok(await ReviewQueries.TrendAsync(desk.Db, scope));
    }

    private static async Task<IResult> GetItems([AsParameters] ReviewQuery query, string? figure, string? method, int? page, int? pageSize, ItemDesk desk)
    {
        var (scope, problem) = await ScopeAsync(query, desk);
        if (scope is null)
            return problem!;
        if (DrillProblem(figure, method, out var visitMethod) is { } bad)
            return bad;
        var size = pageSize ?? 20;
        if (size is < 1 or > 100)
            return Problems.Invalid("pageSize", "Choose a page size from 1 to 100.");
        var number = Math.Max(page ?? 1, 1);
        var items = ReviewDrill.Items(desk.Db, scope, figure!, visitMethod);
        var total = await items.CountAsync();
        var rows = await ItemsApi.Summaries(items.OrderBy(i => i.Number).ThenBy(i => i.Id).Skip((number - 1) * size).Take(size), desk);
        return TypedResults.Ok(new ItemPage(rows, total, number, size));
    }

    internal static IResult? DrillProblem(string? figure, string? method, out VisitMethod? visitMethod)
    {
        visitMethod = null;
        if (!ReviewDrill.IsKnown(figure))
            return Problems.Invalid("figure", $"Choose the figure to list the items of: one of {string.Join(", ", ReviewDrill.Keys)}.");
        if (string.IsNullOrEmpty(method))
            return null;
        if (!Enum.TryParse<VisitMethod>(method, true, out var m) || int.TryParse(method, out _))
            return Problems.Invalid("method", "The visit method must be video, phone or inPerson.");
        visitMethod = m;
        return null;
    }
}
