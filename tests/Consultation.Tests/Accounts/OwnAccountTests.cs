using System.Net;
using System.Net.Http.Json;
using Consultation.Accounts;
using Consultation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Consultation.Tests.Accounts;

/// <summary>A person's own profile and password: theirs alone, refused without a sign-in, and left as it was by bad input.</summary>
public sealed class OwnAccountTests : IDisposable
{
    private readonly TestApp _app = new();

    public void Dispose() => _app.Dispose();

    private static readonly object Good = new { email = "li@example.org", phoneNumber = "13800138000", notifyByEmail = true, notifyBySms = false, timeZone = "Asia/Shanghai" };

    [Theory]
    [InlineData("GET", "/api/account/profile")]
    [InlineData("PUT", "/api/account/profile")]
    [InlineData("POST", "/api/account/logout")]
    [InlineData("POST", "/api/account/password")]
    public async Task Without_a_sign_in_the_own_account_endpoints_answer_401(string method, string path)
    {
        var response = await _app.Anonymous().SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = method == "GET" ? null : JsonContent.Create(new { currentPassword = TestApp.Password, newPassword = "Another2026" }),
        });

        Assert.Equal("unauthenticated", (await Problem.ReadAsync(response, HttpStatusCode.Unauthorized)).Code);
    }

    public static TheoryData<object, string> BadProfiles => new()
    {
        { new { notifyByEmail = false, notifyBySms = false, timeZone = "Mars/Olympus" }, "timeZone" },
        { new { notifyByEmail = false, notifyBySms = false }, "timeZone" },
        { new { notifyByEmail = true, notifyBySms = false, timeZone = "Asia/Shanghai" }, "email" },
        { new { email = "not an address", notifyByEmail = false, notifyBySms = false, timeZone = "Asia/Shanghai" }, "email" },
        { new { notifyByEmail = false, notifyBySms = true, timeZone = "Asia/Shanghai" }, "phoneNumber" },
        { new { phoneNumber = new string('1', 33), notifyByEmail = false, notifyBySms = false, timeZone = "Asia/Shanghai" }, "phoneNumber" },
    };

    [Theory]
    [MemberData(nameof(BadProfiles))]
    public async Task A_bad_profile_is_refused_naming_the_field_and_the_profile_stays(object body, string field)
    {
        var me = await _app.SignedInAsAsync(Roles.Handler);
        (await me.PutAsJsonAsync("/api/account/profile", Good)).EnsureSuccessStatusCode();
        var before = await me.GetStringAsync("/api/account/profile");

        var problem = await Problem.ReadAsync(await me.PutAsJsonAsync("/api/account/profile", body), HttpStatusCode.BadRequest);

        Assert.Equal("invalid", problem.Code);
        Assert.Contains(field, problem.Errors.Keys);
        Assert.All(problem.Errors[field], message => Assert.False(string.IsNullOrWhiteSpace(message)));
        Assert.Equal(before, await me.GetStringAsync("/api/account/profile"));
    }

    [Fact]
    public async Task Changing_my_profile_changes_nobody_elses()
    {
        var other = await _app.CreateUserAsync("other.handler", Roles.Handler);
        var me = await _app.SignedInAsAsync(Roles.Handler);

        (await me.PutAsJsonAsync("/api/account/profile", Good)).EnsureSuccessStatusCode();

        var untouched = await _app.WithDb(db => db.Users.SingleAsync(u => u.Id == other.Id));
        Assert.Equal((null, null, "Asia/Shanghai"), (untouched.Email, untouched.PhoneNumber, untouched.TimeZone));
    }

    [Theory]
    [InlineData(Roles.Deputy)]
    [InlineData(Roles.Handler)]
    [InlineData(Roles.Office)]
    public async Task Only_the_administrator_adds_deputies_and_a_refusal_writes_nothing(string role)
    {
        var client = await _app.SignedInAsAsync(role);
        var before = await _app.WithDb(db => db.Deputies.CountAsync());

        var response = await client.PostAsJsonAsync("/api/admin/deputies", new { name = "王芳", body = "PeoplesCongress" });

        Assert.Equal("forbidden", (await Problem.ReadAsync(response, HttpStatusCode.Forbidden)).Code);
        Assert.Equal(before, await _app.WithDb(db => db.Deputies.CountAsync()));
    }

    [Theory]
    [InlineData("""{"body": "PeoplesCongress"}""", "name")]
    [InlineData("""{"name": "王", "body": "PeoplesCongress"}""", "name")]
    [InlineData("""{"name": "王芳", "body": "Senate"}""", "body")]
    [InlineData("""{"name": "王芳"}""", "body")]
    [InlineData("""{"name": "王芳", "body": "PeoplesCongress", "email": "wang at example"}""", "email")]
    public async Task A_bad_deputy_record_is_refused_naming_the_field_and_nothing_is_added(string json, string field)
    {
        var admin = await _app.SignedInAsAsync(Roles.Admin);
        var before = await _app.WithDb(db => db.Deputies.CountAsync());

        var response = await admin.PostAsync("/api/admin/deputies", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Contains(field, (await Problem.ReadAsync(response, HttpStatusCode.BadRequest)).Errors.Keys);
        Assert.Equal(before, await _app.WithDb(db => db.Deputies.CountAsync()));
    }

    [Theory]
    [InlineData("""{"password": "Test1234"}""", "userName")]
    [InlineData("""{"userName": "someone"}""", "password")]
    public async Task A_sign_in_without_a_field_names_it_and_signs_nobody_in(string json, string field)
    {
        var client = _app.Anonymous();

        var response = await client.PostAsync("/api/account/login", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Contains(field, (await Problem.ReadAsync(response, HttpStatusCode.BadRequest)).Errors.Keys);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/account/me")).StatusCode);
    }
}
