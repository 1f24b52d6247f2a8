using Xunit.Abstractions;

namespace Consultation.Browser.Tests;

public sealed class SignInTests(ServerFixture server, ChromiumFixture chromium, ITestOutputHelper output)
    : BrowserTest(server, chromium, output)
{
    [Theory]
    [MemberData(nameof(DemoAccount.OneOfEachRole), MemberType = typeof(DemoAccount))]
    public async Task Signing_in_in_Chinese_by_default_lands_on_the_role_home(string userName)
    {
        var account = DemoAccount.Named(userName);
        await OpenLoginPageAsync();
        await ExpectLanguageAsync("zh-CN");
        await Expect(ByTestId("login-submit")).ToHaveTextAsync(Chinese);

        var response = await SubmitSignInAsync(account.UserName, DemoAccount.Password);

        Assert.True(response.Ok, $"Signing in as {account} answered {response.Status}: {await response.TextAsync()}");
        await Expect(ByTestId(account.HomeTestId)).ToBeVisibleAsync();
        await ExpectPathAsync(account.HomePath);
        await ExpectLanguageAsync("zh-CN");
        await Expect(ByTestId("home-title")).ToHaveTextAsync(Chinese);
    }

    [Theory]
    [MemberData(nameof(DemoAccount.OneOfEachRole), MemberType = typeof(DemoAccount))]
    public async Task Signing_in_in_English_lands_on_the_role_home_and_the_language_is_remembered(string userName)
    {
        var account = DemoAccount.Named(userName);
        await OpenLoginPageAsync();
        await SwitchLanguageToEnglishAsync();
        await Expect(ByTestId("login-submit")).Not.ToHaveTextAsync(Chinese);

        await Page.ReloadAsync();

        await ExpectLanguageAsync("en");
        await Expect(ByTestId("login-submit")).ToHaveTextAsync(Latin);
        await Expect(ByTestId("login-submit")).Not.ToHaveTextAsync(Chinese);

        var response = await SubmitSignInAsync(account.UserName, DemoAccount.Password);

        Assert.True(response.Ok, $"Signing in as {account} answered {response.Status}: {await response.TextAsync()}");
        await Expect(ByTestId(account.HomeTestId)).ToBeVisibleAsync();
        await ExpectPathAsync(account.HomePath);
        await ExpectLanguageAsync("en");
        await Expect(ByTestId("home-title")).ToHaveTextAsync(Latin);
        await Expect(ByTestId("home-title")).Not.ToHaveTextAsync(Chinese);
    }

    [Fact]
    public async Task A_wrong_password_shows_an_error_and_stays_on_the_login_page_signed_out()
    {
        await OpenLoginPageAsync();

        var response = await SubmitSignInAsync(DemoAccount.Office.UserName, "not-the-password");

        Assert.Equal(401, response.Status);
        await Expect(ByTestId("login-error")).ToBeVisibleAsync();
        await Expect(ByTestId("login-error")).ToHaveTextAsync(Chinese);
        await ExpectPathAsync("/login");
        await Expect(ByTestId(DemoAccount.Office.HomeTestId)).ToHaveCountAsync(0);
        Assert.Equal(401, await CurrentUserStatusAsync());
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_so_the_right_password_is_refused_too()
    {
        var account = DemoAccount.LockedOutHandler;
        await OpenLoginPageAsync();

        var first = await SubmitSignInAsync(account.UserName, "wrong-1");
        Assert.Equal("invalid_credentials", await ProblemCodeAsync(first));
        await Expect(ByTestId("login-error")).ToBeVisibleAsync();
        var wrongPasswordText = await ByTestId("login-error").InnerTextAsync();
        for (var attempt = 2; attempt <= 5; attempt++)
            await SubmitSignInAsync(account.UserName, $"wrong-{attempt}");

        var right = await SubmitSignInAsync(account.UserName, DemoAccount.Password);

        Assert.Equal("locked_out", await ProblemCodeAsync(right));
        await Expect(ByTestId("login-error")).ToBeVisibleAsync();
        await Expect(ByTestId("login-error")).ToContainTextAsync("锁定");
        Assert.NotEqual(wrongPasswordText, await ByTestId("login-error").InnerTextAsync());
        await ExpectPathAsync("/login");
        await Expect(ByTestId(account.HomeTestId)).ToHaveCountAsync(0);
        Assert.Equal(401, await CurrentUserStatusAsync());
    }

    private static async Task<string?> ProblemCodeAsync(IResponse response)
    {
        Assert.Equal(401, response.Status);
        var problem = await response.JsonAsync();
        return problem?.TryGetProperty("code", out var code) == true ? code.GetString() : null;
    }
}
