using System.Net;
using System.Net.Http.Json;
using System.Text;
using Consultation.Accounts;
using Consultation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Consultation.Tests.Web;

public sealed class BadInputTests : IDisposable
{
    private readonly TestApp _app = new();

    public void Dispose() => _app.Dispose();

    public static TheoryData<string, string> BadUnits => new()
    {
        { """{"name": "市民政局", "shortName": "民政", "level": "City" """, "body" },
        { """{"shortName": "民政", "level": "City"}""", "name" },
        { $$"""{"name": "{{new string('局', 101)}}", "shortName": "民政", "level": "City"}""", "name" },
        { """{"name": "市民政局", "shortName": "民政", "level": "Province"}""", "level" },
        { """{"name": "市民政局", "shortName": "民政", "level": 7}""", "level" },
        { """{"name": 42, "shortName": "民政", "level": "City"}""", "name" },
    };

    [Theory]
    [MemberData(nameof(BadUnits))]
    public async Task A_bad_body_gets_a_400_naming_the_field_and_writes_nothing(string json, string field)
    {
        var admin = await _app.SignedInAsAsync(Roles.Admin);
        var before = await _app.WithDb(db => db.Units.CountAsync());

        var response = await admin.PostAsync("/api/admin/units", new StringContent(json, Encoding.UTF8, "application/json"));

        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(field, problem.Errors.Keys);
        Assert.All(problem.Errors[field], message => Assert.False(string.IsNullOrWhiteSpace(message)));
        Assert.Equal(before, await _app.WithDb(db => db.Units.CountAsync()));
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_refused_with_a_hint()
    {
        var admin = await _app.SignedInAsAsync(Roles.Admin);

        var response = await admin.PostAsync("/api/admin/units", new StringContent("name=x", Encoding.UTF8, "application/x-www-form-urlencoded"));

        var problem = await Problem.ReadAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("application/json", problem.Detail);
    }

    [Fact]
    public async Task An_unknown_role_for_a_new_account_names_the_role_field()
    {
        var admin = await _app.SignedInAsAsync(Roles.Admin);

        var response = await admin.PostAsJsonAsync("/api/admin/accounts",
            new { userName = "x.y", displayName = "x", password = "start2026", role = "Mayor" });

        Assert.Contains("role", (await Problem.ReadAsync(response, HttpStatusCode.BadRequest)).Errors.Keys);
    }

    [Fact]
    public async Task An_unknown_api_path_is_a_404_problem_not_the_web_app()
    {
        var response = await _app.Anonymous().GetAsync("/api/no-such-thing");

        Assert.Equal("not_found", (await Problem.ReadAsync(response, HttpStatusCode.NotFound)).Code);
    }
}
