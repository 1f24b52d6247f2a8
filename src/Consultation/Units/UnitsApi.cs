using System.ComponentModel.DataAnnotations;
using Consultation.Accounts;
using Consultation.Data;
using Consultation.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Consultation.Units;

public sealed record UnitDto(int Id, string Name, string ShortName, UnitLevel Level, bool IsActive);

public sealed record CreateUnit(
    [property: Required, StringLength(100, MinimumLength = 2)] string Name,
    [property: Required, StringLength(40, MinimumLength = 1)] string ShortName,
    UnitLevel Level);

public static class UnitsApi
{
    public static void MapUnits(this IEndpointRouteBuilder app)
    {
        // The office assigns items to units, so it reads the list; only the administrator changes it.
        app.MapGroup("/api/units").WithTags("Units").RequireAuthorization(Policies.OfficeOrAdmin)
            .MapGet("/", List);
        var admin = app.MapGroup("/api/admin/units").WithTags("Admin").RequireAuthorization(Roles.Admin).WithValidation();
        admin.MapGet("/", List);
        admin.MapPost("/", Create);
    }

    private static async Task<Ok<UnitDto[]>> List(AppDbContext db) =>
        TypedResults.Ok(await db.Units.OrderBy(u => u.Level).ThenBy(u => u.Name)
            .Select(u => new UnitDto(u.Id, u.Name, u.ShortName, u.Level, u.IsActive)).ToArrayAsync());

    private static async Task<Results<Created<UnitDto>, ProblemHttpResult>> Create(CreateUnit request, AppDbContext db)
    {
        var name = request.Name.Trim();
        if (await db.Units.AnyAsync(u => u.Name == name))
            return Problems.BadRequest("duplicate_unit", $"A unit named '{name}' already exists.");
        var unit = new HandlerUnit { Name = name, ShortName = request.ShortName.Trim(), Level = request.Level };
        db.Units.Add(unit);
        await db.SaveChangesAsync();
        return TypedResults.Created($"/api/admin/units/{unit.Id}",
            new UnitDto(unit.Id, unit.Name, unit.ShortName, unit.Level, unit.IsActive));
    }
}
