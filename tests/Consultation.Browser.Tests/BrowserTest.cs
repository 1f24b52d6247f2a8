using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Consultation.Browser.Tests;

/// <summary>
/// A fresh browser context (no cookies, no stored language) and page per test, on the shared server.
/// What the page complained about (console errors, script errors, HTTP errors) goes to the test's
/// output, which the runner shows for a failed test.
/// </summary>
[Collection(WebAppCollection.Name)]
public abstract partial class BrowserTest(ServerFixture server, ChromiumFixture chromium, ITestOutputHelper output) : IAsyncLifetime
{
    // Chinese text on screen: CJK Unified Ideographs.
    protected static readonly Regex Chinese = ChineseRegex();
    protected static readonly Regex Latin = LatinRegex();

    private IBrowserContext? context;

    protected IPage Page { get; private set; } = null!;

    protected ServerFixture Server => server;

    public async Task InitializeAsync()
    {
        SetDefaultExpectTimeout(10_000);
        context = await chromium.Browser.NewContextAsync(new() { BaseURL = server.BaseUrl.ToString() });
        context.SetDefaultTimeout(15_000);
        Page = await context.NewPageAsync();
        Page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
                output.WriteLine($"browser {message.Type}: {message.Text}");
        };
        Page.PageError += (_, error) => output.WriteLine($"page error: {error}");
        Page.Response += (_, response) =>
        {
            if (response.Status >= 400)
                output.WriteLine($"HTTP {response.Status} {response.Request.Method} {response.Url}");
        };
    }

    public async Task DisposeAsync()
    {
        if (context is not null)
        {
            output.WriteLine($"last page: {Page.Url}");
            await context.CloseAsync();
        }
    }

    protected ILocator ByTestId(string testId) => Page.GetByTestId(testId);

    protected Task ExpectLanguageAsync(string language) =>
        Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", language);

    protected async Task OpenLoginPageAsync()
    {
        await Page.GotoAsync("/login");
        await Expect(ByTestId("login-submit")).ToBeVisibleAsync();
    }

    protected async Task SwitchLanguageToEnglishAsync()
    {
        await ByTestId("lang-switch").ClickAsync();
        // The switch is a toggle today; a dropdown would offer the language as its own item.
        var english = ByTestId("lang-en");
        if (await english.CountAsync() > 0)
            await english.ClickAsync();
        await ExpectLanguageAsync("en");
    }

    /// <summary>Fills and submits the sign-in form; returns the server's answer to it.</summary>
    protected async Task<IResponse> SubmitSignInAsync(string userName, string password)
    {
        await ByTestId("login-username").FillAsync(userName);
        await ByTestId("login-password").FillAsync(password);
        return await Page.RunAndWaitForResponseAsync(
            () => ByTestId("login-submit").ClickAsync(),
            r => r.Request.Method == "POST" && new Uri(r.Url).AbsolutePath == "/api/account/login");
    }

    protected async Task SignInAsync(DemoAccount account)
    {
        await OpenLoginPageAsync();
        var response = await SubmitSignInAsync(account.UserName, DemoAccount.Password);
        Assert.True(response.Ok, $"Signing in as {account} answered {response.Status}: {await response.TextAsync()}");
        await Expect(ByTestId(account.HomeTestId)).ToBeVisibleAsync();
    }

    /// <summary>What the page's own fetch of the current user answers (200 signed in, 401 not).</summary>
    protected Task<int> CurrentUserStatusAsync() =>
        Page.EvaluateAsync<int>("async () => (await fetch('/api/account/me', { credentials: 'same-origin' })).status");

    protected Task ExpectPathAsync(string path) =>
        Expect(Page).ToHaveURLAsync(new Regex($"^{Regex.Escape(Server.BaseUrl.ToString().TrimEnd('/'))}{Regex.Escape(path)}(\\?.*)?$"));

    [GeneratedRegex("[\u4e00-\u9fff]")]
    private static partial Regex ChineseRegex();

    [GeneratedRegex("[A-Za-z]{2,}")]
    private static partial Regex LatinRegex();
}
