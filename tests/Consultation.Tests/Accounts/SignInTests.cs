using System.Net;
using System.Net.Http.Json;
using Consultation.Accounts;
using Consultation.Tests.Infrastructure;

namespace Consultation.Tests.Accounts;

public sealed class SignInTests : IDisposable
{
    private readonly TestApp _app = new();

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData(Roles.Deputy)]
    [InlineData(Roles.Handler)]
    [InlineData(Roles.Office)]
    [InlineData(Roles.Admin)]
    public async Task Signing_in_returns_who_I_am_and_keeps_me_signed_in(string role)
    {
        var user = await _app.CreateUserAsync("someone", role);
        var client = _app.Anonymous();

        var response = await client.PostAsJsonAsync("/api/account/login", new { userName = "someone", password = TestApp.Password });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        var me = await client.GetFromJsonAsync<Me>("/api/account/me");
        Assert.Equal(user.Id, me!.Id);
        Assert.Equal([role], me.Roles);
        Assert.Equal(user.UnitId, me.UnitId);
        Assert.Equal(user.DeputyId, me.DeputyId);
        if (role == Roles.Handler)
            Assert.Equal("someone的单位", me.UnitName);
    }

    [Fact]
    public async Task A_wrong_password_says_so_and_does_not_sign_in()
    {
        await _app.CreateUserAsync("office1", Roles.Office);
        var client = _app.Anonymous();

        var response = await client.PostAsJsonAsync("/api/account/login", new { userName = "office1", password = "wrong-pass1" });

        var problem = await Problem.ReadAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("invalid_credentials", problem.Code);
        Assert.Contains("wrong", problem.Detail);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/account/me")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_user_gets_the_same_answer_as_a_wrong_password()
    {
        var response = await _app.Anonymous().PostAsJsonAsync("/api/account/login", new { userName = "nobody", password = "whatever1" });

        Assert.Equal("invalid_credentials", (await Problem.ReadAsync(response, HttpStatusCode.Unauthorized)).Code);
    }

    [Fact]
    public async Task Five_failed_sign_ins_lock_the_account_even_against_the_right_password()
    {
        await _app.CreateUserAsync("handler1", Roles.Handler);
        var client = _app.Anonymous();
        for (var i = 0; i < 4; i++)
            Assert.Equal(HttpStatusCode.Unauthorized,
                (await client.PostAsJsonAsync("/api/account/login", new { userName = "handler1", password = $"wrong{i}xx1" })).StatusCode);

        var fifth = await client.PostAsJsonAsync("/api/account/login", new { userName = "handler1", password = "wrong5xx1" });
        Assert.Equal("locked_out", (await Problem.ReadAsync(fifth, HttpStatusCode.Unauthorized)).Code);

        var right = await client.PostAsJsonAsync("/api/account/login", new { userName = "handler1", password = TestApp.Password });
        var problem = await Problem.ReadAsync(right, HttpStatusCode.Unauthorized);
        Assert.Equal("locked_out", problem.Code);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/account/me")).StatusCode);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        await _app.CreateUserAsync("deputy1", Roles.Deputy);
        var client = await _app.SignInAsync("deputy1");

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/account/logout", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/account/me")).StatusCode);
    }

    [Fact]
    public async Task Changing_the_password_makes_the_new_one_the_only_one_that_works()
    {
        await _app.CreateUserAsync("deputy2", Roles.Deputy);
        var client = await _app.SignInAsync("deputy2");

        var response = await client.PostAsJsonAsync("/api/account/password",
            new { currentPassword = TestApp.Password, newPassword = "newpass2026" });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.Anonymous().PostAsJsonAsync("/api/account/login",
            new { userName = "deputy2", password = TestApp.Password })).StatusCode);
        await _app.SignInAsync("deputy2", "newpass2026");
    }

    [Fact]
    public async Task A_wrong_current_password_or_a_weak_new_one_is_refused_with_the_field_named()
    {
        await _app.CreateUserAsync("deputy3", Roles.Deputy);
        var client = await _app.SignInAsync("deputy3");

        var wrong = await client.PostAsJsonAsync("/api/account/password", new { currentPassword = "nope12345", newPassword = "newpass2026" });
        var problem = await Problem.ReadAsync(wrong, HttpStatusCode.BadRequest);
        Assert.Equal("wrong_password", problem.Code);
        Assert.Contains("currentPassword", problem.Errors.Keys);

        var weak = await client.PostAsJsonAsync("/api/account/password", new { currentPassword = TestApp.Password, newPassword = "short" });
        Assert.Contains("newPassword", (await Problem.ReadAsync(weak, HttpStatusCode.BadRequest)).Errors.Keys);
        await _app.SignInAsync("deputy3");
    }
}
