using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Scalar.AspNetCore;

namespace Consultation.Web;

public static class WebSetup
{
    public static IHostApplicationBuilder AddConsultationWeb(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = Problems.ExplainStatus);
        services.AddExceptionHandler<BadRequestHandler>();
        // Bad bodies throw so that BadRequestHandler can name the field, in every environment.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
            o.SerializerOptions.RespectNullableAnnotations = true;
        });
        services.AddOpenApi();
        if (!builder.Environment.IsDevelopment())
            builder.Logging.AddJsonConsole(o => o.UseUtcTimestamp = true);
        return builder;
    }

    public static void MapOperations(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready") });
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/api-docs", o => o.WithOpenApiRoutePattern("/openapi/{documentName}.json"));
    }
}
