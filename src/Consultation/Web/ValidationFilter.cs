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

    public static Dictionary<string, string[]> Validate(object argument)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(argument, new ValidationContext(argument), results, validateAllProperties: true);
        return results
            .SelectMany(r => r.MemberNames.DefaultIfEmpty("").Select(m => (Field: JsonNamingPolicy.CamelCase.ConvertName(m), r.ErrorMessage)))
            .GroupBy(e => e.Field)
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage ?? "is not valid").ToArray());
    }
}
