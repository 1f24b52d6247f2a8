using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Consultation.Web;

/// <summary>
/// RFC 7807 errors with a <c>code</c> the web app translates and a detail a person can act on.
/// </summary>
public static class Problems
{
    public static ProblemHttpResult Of(int status, string code, string detail, IDictionary<string, object?>? extensions = null)
    {
        var all = new Dictionary<string, object?>(extensions ?? new Dictionary<string, object?>()) { ["code"] = code };
        return TypedResults.Problem(detail: detail, statusCode: status, extensions: all);
    }

    public static ProblemHttpResult BadRequest(string code, string detail) => Of(StatusCodes.Status400BadRequest, code, detail);
    public static ProblemHttpResult Conflict(string code, string detail) => Of(StatusCodes.Status409Conflict, code, detail);
    public static ProblemHttpResult NotFound(string what) => Of(StatusCodes.Status404NotFound, "not_found", $"{what} was not found, or you may not see it.");

    public static ValidationProblem Invalid(string field, string message, string code = "invalid") =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { [field] = [message] },
            extensions: new Dictionary<string, object?> { ["code"] = code });
}
