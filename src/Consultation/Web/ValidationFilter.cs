using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Consultation.Web;

/// <summary>Validates request DTOs (their data annotations) once, at the edge, before any handler runs.</summary>
public static class ValidationFilter
{
    public static TBuilder WithValidation<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory((factory, next) =>
        {
            var validated = factory.MethodInfo.GetParameters()
                .Select((p, i) => (p.ParameterType, Index: i))
                .Where(p => p.ParameterType.Namespace?.StartsWith("Consultation", StringComparison.Ordinal) == true
                            && p.ParameterType.IsClass)
                .Select(p => p.Index)
                .ToArray();
            if (validated.Length == 0)
                return next;
            return async ctx =>
            {
                foreach (var index in validated)
                {
                    if (ctx.Arguments[index] is not { } argument)
                        continue;
                    var errors = Validate(argument);
                    if (errors.Count > 0)
                        return TypedResults.ValidationProblem(errors,
                            extensions: new Dictionary<string, object?> { ["code"] = "invalid" });
                }
                return await next(ctx);
            };
        });

    /// <summary>The errors of a DTO and of the DTOs it holds (named <c>outer.inner</c>), by camel-case field name.</summary>
    public static Dictionary<string, string[]> Validate(object argument) =>
        Errors(argument, "")
            .GroupBy(e => e.Field)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());

    private static IEnumerable<(string Field, string Message)> Errors(object dto, string prefix)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(dto, new ValidationContext(dto), results, validateAllProperties: true);
        var own = results.SelectMany(r => r.MemberNames.DefaultIfEmpty("")
            .Select(m => (prefix + JsonNamingPolicy.CamelCase.ConvertName(m), r.ErrorMessage ?? "is not valid")));
        var held = dto.GetType().GetProperties()
            .Where(p => p.PropertyType.IsClass && p.PropertyType.Namespace?.StartsWith("Consultation", StringComparison.Ordinal) == true)
            .SelectMany(p => p.GetValue(dto) is { } inner ? Errors(inner, $"{prefix}{JsonNamingPolicy.CamelCase.ConvertName(p.Name)}.") : []);
        return own.Concat(held);
    }
}
