using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Consultation.Web;

/// <summary>
/// Turns a body that cannot be read (malformed JSON, an unknown enum value, a wrong type) into a 400 that
/// names the field, and a stale save into a 409 that says to reload. Nothing was written in either case.
/// </summary>
internal sealed class BadRequestHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails? problem = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } => FieldOf(json.Path) is var field && field == "body"
                ? Field(field, "The request body is not valid JSON: check its brackets, quotes and commas.")
                : Field(field, $"'{field}' has a value that cannot be read: check its type and allowed values."),
            // Problems.ExplainStatus says what to do for the status at hand.
            BadHttpRequestException bad => new ProblemDetails { Status = bad.StatusCode },
            DbUpdateConcurrencyException => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Detail = "Someone else saved this record after you opened it. Reload it to see their change, then save again.",
                Extensions = { ["code"] = "concurrency_conflict" },
            },
            _ => null,
        };
        if (problem is null)
            return false;
        http.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    private static string FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;

    private static HttpValidationProblemDetails Field(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Detail = message,
            Extensions = { ["code"] = "invalid" },
        };
}
