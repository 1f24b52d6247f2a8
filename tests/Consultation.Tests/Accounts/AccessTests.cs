using System.Net;
using System.Net.Http.Json;
using Consultation.Accounts;
using Consultation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Consultation.Tests.Accounts;

public sealed class AccessTests : IDisposable
{
    private readonly TestApp _app = new();

    public void Dispose() => _app.Dispose();

    public static TheoryData<string, string> ProtectedEndpoints => new()
    {
        { "GET", "/api/account/me" },
        { "GET", "/api/home" },
        { "GET", "/api/units" },
        { "GET", "/api/admin/units" },
        { "POST", "/api/admin/units" },
        { "GET", "/api/admin/accounts" },
        { "POST", "/api/admin/accounts" },
        { "GET", "/api/admin/deputies" },
        { "POST", "/api/admin/deputies" },
    };

    [Theory]
    [MemberData(nameof(ProtectedEndpoints))]
    public async Task Unauthenticated_api_calls_get_401_not_a_redirect(string method, string path)
    {
        var response = await _app.Anonymous().SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = method == "POST" ? JsonContent.Create(new { }) : null,
        });

        await Problem.ReadAsync(response, HttpStatusCode.Unauthorized);
        Assert.Null(response.Headers.Location);
    }

    [Theory]
    [InlineData(Roles.Deputy, "GET", "/api/units")]
    [InlineData(Roles.Handler, "GET", "/api/units")]
    [InlineData(Roles.Deputy, "GET", "/api/admin/accounts")]
    [InlineData(Roles.Handler, "GET", "/api/admin/accounts")]
    [InlineData(Roles.Office, "GET", "/api/admin/accounts")]
    [InlineData(Roles.Office, "GET", "/api/admin/units")]
    [InlineData(Roles.Office, "GET", "/api/admin/deputies")]
    public async Task A_role_calling_an_endpoint_of_another_role_gets_403(string role, string method, string path)
    {
        var client = await _app.SignedInAsAsync(role);

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        await Problem.ReadAsync(response, HttpStatusCode.Forbidden);
        Assert.Null(response.Headers.Location);
    }

    [Theory]
    [InlineData(Roles.Deputy)]
    [InlineData(Roles.Handler)]
    [InlineData(Roles.Office)]
    public async Task Only_the_administrator_creates_units_and_accounts_and_a_refusal_writes_nothing(string role)
    {
        var client = await _app.SignedInAsAsync(role);
        var (units, users) = await Counts();

        var unit = await client.PostAsJsonAsync("/api/admin/units", new { name = "市民政局", shortName = "民政", level = "City" });
        var account = await client.PostAsJsonAsync("/api/admin/accounts",
            new { userName = "intruder", displayName = "x", password = "pass12345", role = "Admin" });

        Assert.Equal(HttpStatusCode.Forbidden, unit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, account.StatusCode);
        Assert.Equal((units, users), await Counts());
    }

    [Fact]
    public async Task The_office_reads_the_unit_list()
    {
        await _app.CreateUnitAsync("市教育局");
        var client = await _app.SignedInAsAsync(Roles.Office);

        var units = await client.GetFromJsonAsync<System.Text.Json.JsonElement[]>("/api/units");

        Assert.Contains(units!, u => u.GetProperty("name").GetString() == "市教育局");
    }

    private Task<(int, int)> Counts() =>
        _app.WithDb(async db => (await db.Units.CountAsync(), await db.Users.CountAsync()));
}
