using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Consultation.Accounts;
using Consultation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Consultation.Tests.Accounts;

public sealed class AdminTests : IDisposable
{
    private readonly TestApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task The_administrator_creates_a_unit_and_a_handler_who_can_then_sign_in()
    {
        var admin = await _app.SignedInAsAsync(Roles.Admin, "root");

        var unitResponse = await admin.PostAsJsonAsync("/api/admin/units", new { name = "市商务局", shortName = "商务", level = "City" });
        Assert.Equal(HttpStatusCode.Created, unitResponse.StatusCode);
        var unitId = (await unitResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        var accountResponse = await admin.PostAsJsonAsync("/api/admin/accounts",
            new { userName = "zhou.handler", displayName = "周强", password = "start2026", role = "Handler", unitId });
        Assert.Equal(HttpStatusCode.Created, accountResponse.StatusCode);

        var handler = await _app.SignInAsync("zhou.handler", "start2026");
        var me = await handler.GetFromJsonAsync<Me>("/api/account/me");
        Assert.Equal("市商务局", me!.UnitName);
        var accounts = await admin.GetFromJsonAsync<AccountDto[]>("/api/admin/accounts");
        Assert.Contains(accounts!, a => a.UserName == "zhou.handler" && a.Roles.SequenceEqual(["Handler"]) && a.UnitName == "市商务局");
        // Who did it is on record.
        Assert.True(await _app.WithDb(db => db.AuditEntries.AnyAsync(a => a.EntityType == "HandlerUnit" && a.Actor == "root")));
    }

    [Fact]
    public async Task A_deputy_account_is_linked_to_the_deputys_record()
    {
        var admin = await _app.SignedInAsAsync(Roles.Admin);
        var deputy = await admin.PostAsJsonAsync("/api/admin/deputies", new { name = "陈静", body = "Cppcc", delegation = "经济界" });
        var deputyId = (await deputy.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        var response = await admin.PostAsJsonAsync("/api/admin/accounts",
            new { userName = "chen.jing", displayName = "陈静", password = "start2026", role = "Deputy", deputyId });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var me = await (await _app.SignInAsync("chen.jing", "start2026")).GetFromJsonAsync<Me>("/api/account/me");
        Assert.Equal(deputyId, me!.DeputyId);
    }

    [Theory]
    [InlineData("Handler", "unit_required")]
    [InlineData("Deputy", "deputy_required")]
    public async Task A_handler_needs_a_unit_and_a_deputy_needs_a_record(string role, string code)
    {
        var admin = await _app.SignedInAsAsync(Roles.Admin);
        var before = await _app.WithDb(db => db.Users.CountAsync());

        var response = await admin.PostAsJsonAsync("/api/admin/accounts",
            new { userName = "new.person", displayName = "新人", password = "start2026", role, unitId = 9999, deputyId = 9999 });

        Assert.Equal(code, (await Problem.ReadAsync(response, HttpStatusCode.BadRequest)).Code);
        Assert.Equal(before, await _app.WithDb(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task A_taken_user_name_or_unit_name_is_refused()
    {
        var admin = await _app.SignedInAsAsync(Roles.Admin, "taken");
        await _app.CreateUnitAsync("市文物局");

        var user = await admin.PostAsJsonAsync("/api/admin/accounts",
            new { userName = "taken", displayName = "x", password = "start2026", role = "Office" });
        var unit = await admin.PostAsJsonAsync("/api/admin/units", new { name = "市文物局", shortName = "文物", level = "City" });

        Assert.Equal("duplicate_user", (await Problem.ReadAsync(user, HttpStatusCode.BadRequest)).Code);
        Assert.Equal("duplicate_unit", (await Problem.ReadAsync(unit, HttpStatusCode.BadRequest)).Code);
    }

    [Fact]
    public async Task A_weak_password_for_a_new_account_is_refused_and_nothing_is_created()
    {
        var admin = await _app.SignedInAsAsync(Roles.Admin);

        var response = await admin.PostAsJsonAsync("/api/admin/accounts",
            new { userName = "weak.one", displayName = "x", password = "abcdefgh", role = "Office" });

        Assert.Contains("password", (await Problem.ReadAsync(response, HttpStatusCode.BadRequest)).Errors.Keys);
        Assert.False(await _app.WithDb(db => db.Users.AnyAsync(u => u.UserName == "weak.one")));
    }
}
