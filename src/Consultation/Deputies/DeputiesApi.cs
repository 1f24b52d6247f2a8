using System.ComponentModel.DataAnnotations;
using Consultation.Accounts;
using Consultation.Data;
using Consultation.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Consultation.Deputies;

public sealed record DeputyDto(int Id, string Name, DeputyBody Body, string? Delegation);

public sealed record CreateDeputy(
    [property: Required, StringLength(50, MinimumLength = 2)] string Name,
    [property: Required(ErrorMessage = "Say which body the person belongs to: PeoplesCongress or Cppcc.")] DeputyBody? Body,
    [property: StringLength(100)] string? Delegation,
    [property: StringLength(32), Phone] string? Phone,
    [property: StringLength(256), EmailAddress] string? Email);

public static class DeputiesApi
{
    public static void MapDeputies(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin/deputies").WithTags("Admin").RequireAuthorization(Roles.Admin).WithValidation();
        admin.MapGet("/", List);
        admin.MapPost("/", Create);
    }

    private static async Task<Ok<DeputyDto[]>> List(AppDbContext db) =>
        TypedResults.Ok(await db.Deputies.OrderBy(d => d.Body).ThenBy(d => d.Name)
            .Select(d => new DeputyDto(d.Id, d.Name, d.Body, d.Delegation)).ToArrayAsync());

    private static async Task<Created<DeputyDto>> Create(CreateDeputy request, AppDbContext db)
    {
        var deputy = new Deputy
        {
            Name = request.Name.Trim(), Body = request.Body!.Value, Delegation = request.Delegation?.Trim(),
            Phone = request.Phone?.Trim(), Email = request.Email?.Trim(),
        };
        db.Deputies.Add(deputy);
        await db.SaveChangesAsync();
        return TypedResults.Created($"/api/admin/deputies/{deputy.Id}",
            new DeputyDto(deputy.Id, deputy.Name, deputy.Body, deputy.Delegation));
    }
}
