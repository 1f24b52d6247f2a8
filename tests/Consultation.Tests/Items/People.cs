using System.Net;
using Consultation.Tests.Infrastructure;

namespace Consultation.Tests.Items;

/// <summary>The people of an <see cref="ItemWorld"/> by name, for tables of who may do what, and what a refusal looks like.</summary>
public static class People
{
    public static readonly string[] Everyone = ["deputy", "cosigner", "otherDeputy", "lead", "co", "otherUnit", "office", "admin", "anonymous"];

    public static HttpClient As(this ItemWorld w, string who) => who switch
    {
        "deputy" => w.Deputy,
        "cosigner" => w.CoSigner,
        "otherDeputy" => w.OtherDeputy,
        "lead" => w.Lead,
        "co" => w.Co,
        "otherUnit" => w.OtherUnit,
        "office" => w.Office,
        "admin" => w.Admin,
        "anonymous" => w.App.Anonymous(),
        _ => throw new ArgumentOutOfRangeException(nameof(who)),
    };

    /// <summary>A refusal: 401, 403 or 404, as a problem with a code and a sentence saying what to do.</summary>
    public static async Task<Problem> DeniedAsync(HttpResponseMessage response, string who, string what)
    {
        var status = response.StatusCode;
        Assert.True(status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound,
            $"{who} may not {what}, yet got {(int)status}: {await response.Content.ReadAsStringAsync()}");
        var problem = await Problem.ReadAsync(response, status);
        Assert.False(string.IsNullOrWhiteSpace(problem.Code), $"{who} / {what}: a refusal without a code");
        Assert.False(string.IsNullOrWhiteSpace(problem.Detail), $"{who} / {what}: a refusal without a message");
        return problem;
    }
}
