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

    /// <summary>Bare status codes (from routing or authorization) get a code and a next step too.</summary>
    public static void ExplainStatus(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Extensions.ContainsKey("code"))
            return;
        (string Code, string Detail)? explained = problem.Status switch
        {
            StatusCodes.Status400BadRequest => ("bad_request", "The request could not be read: check its address, query and body."),
            StatusCodes.Status401Unauthorized => ("unauthenticated", "Sign in first, then try again."),
            StatusCodes.Status403Forbidden => ("forbidden", "Your account may not do this. Ask the office or the administrator if you need it."),
            StatusCodes.Status404NotFound => ("not_found", "There is no such address. Check it against /openapi/v1.json."),
            StatusCodes.Status405MethodNotAllowed => ("method_not_allowed", "This address does not accept that method."),
            StatusCodes.Status415UnsupportedMediaType => ("unsupported_media_type", "Send the request body as application/json."),
            _ => null,
        };
        if (explained is not { } e)
            return;
        problem.Extensions["code"] = e.Code;
        problem.Detail ??= e.Detail;
    }

    public static ValidationProblem Invalid(string field, string message, string code = "invalid") =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { [field] = [message] },
            extensions: new Dictionary<string, object?> { ["code"] = code });
}
