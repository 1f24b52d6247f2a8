using Consultation.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Consultation.Items;

/// <summary>
/// Reads a multipart upload with the limit of the endpoint at hand, so that a file that is too large gets a
/// problem saying so (413) rather than a dropped connection or a bare status code.
/// </summary>
internal static class UploadForm
{
    // Room for the multipart framing and the other fields of the form, on top of the file itself.
    private const long Overhead = 64 * 1024;

    public static async Task<(IFormCollection? Form, ProblemHttpResult? Problem)> ReadAsync(
        HttpRequest request, long maxFileBytes, string tooLargeAdvice, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType || request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) != true)
            return (null, Invalid("file", "Send the file as multipart/form-data, in a field named 'file'."));
        if (request.ContentLength > maxFileBytes + Overhead)
            return (null, TooLarge(maxFileBytes, tooLargeAdvice));
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } body)
            body.MaxRequestBodySize = maxFileBytes + Overhead;
        request.HttpContext.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions { MultipartBodyLengthLimit = maxFileBytes }));
        try
        {
            return (await request.ReadFormAsync(cancellationToken), null);
        }
        catch (Exception e) when (e is InvalidDataException && e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase)
                                  || e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            return (null, TooLarge(maxFileBytes, tooLargeAdvice));
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            return (null, Invalid("file", "The upload could not be read: send the file again as multipart/form-data, in a field named 'file'."));
        }
    }

    public static ProblemHttpResult TooLarge(long maxBytes, string advice) =>
        Problems.Of(StatusCodes.Status413PayloadTooLarge, "file_too_large", $"The file is larger than {Size(maxBytes)}, the most accepted here: {advice}");

    /// <summary>The same shape as a validation problem: the field and what to do about it.</summary>
    public static ProblemHttpResult Invalid(string field, string message) =>
        TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Detail = message,
            Extensions = { ["code"] = "invalid" },
        });

    public static string Size(long bytes) =>
        bytes >= 1024 * 1024 ? $"{bytes / (1024.0 * 1024):0.#} MB" : $"{Math.Max(1, bytes / 1024)} KB";

    /// <summary>A name to show and offer on download: no folders, control characters or characters that file systems refuse.</summary>
    public static string DisplayName(string? uploaded, string fallback)
    {
        var name = (uploaded ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        // Bidirectional overrides would let "gpj.exe" read as "exe.jpg".
        name = new string(name.Where(c => !char.IsControl(c) && !"<>:\"|?*".Contains(c) && c is not (>= '\u202A' and <= '\u202E') and not (>= '\u2066' and <= '\u2069')).ToArray());
        name = name.Trim().Trim('.').Trim();
        if (name.Length == 0)
            return fallback;
        if (name.Length <= MaxName)
            return name;
        var extension = Path.GetExtension(name);
        return extension.Length is > 0 and <= 10 ? name[..(MaxName - extension.Length)] + extension : name[..MaxName];
    }

    private const int MaxName = 150;
}
