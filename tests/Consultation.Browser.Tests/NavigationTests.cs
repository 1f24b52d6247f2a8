using Xunit.Abstractions;

namespace Consultation.Browser.Tests;

public sealed class NavigationTests(ServerFixture server, ChromiumFixture chromium, ITestOutputHelper output)
    : BrowserTest(server, chromium, output)
{
    [Fact]
    public async Task A_deputy_opening_the_admin_home_sees_the_forbidden_page()
    {
        await SignInAsync(DemoAccount.Deputy);

        await Page.GotoAsync("/admin");

        await Expect(ByTestId("page-403")).ToBeVisibleAsync();
        await Expect(ByTestId("home-admin")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task An_unknown_path_shows_the_not_found_page()
    {
        await Page.GotoAsync("/no-such-page/anywhere");

        await Expect(ByTestId("page-404")).ToBeVisibleAsync();
        await ExpectPathAsync("/no-such-page/anywhere");
    }

    [Fact]
    public async Task The_root_path_sends_a_signed_in_user_to_their_role_home()
    {
        await SignInAsync(DemoAccount.Handler);

        await Page.GotoAsync("/");

        await Expect(ByTestId(DemoAccount.Handler.HomeTestId)).ToBeVisibleAsync();
        await ExpectPathAsync(DemoAccount.Handler.HomePath);
    }

    [Fact]
    public async Task Signing_out_returns_to_the_login_page_and_ends_the_session()
    {
        await SignInAsync(DemoAccount.Office);
        Assert.Equal(200, await CurrentUserStatusAsync());

        await ByTestId("user-menu").ClickAsync();
        await ByTestId("logout").ClickAsync();

        await Expect(ByTestId("login-submit")).ToBeVisibleAsync();
        await ExpectPathAsync("/login");
        Assert.Equal(401, await CurrentUserStatusAsync());

        await Page.GotoAsync(DemoAccount.Office.HomePath);
        await Expect(ByTestId("login-submit")).ToBeVisibleAsync();
        await Expect(ByTestId(DemoAccount.Office.HomeTestId)).ToHaveCountAsync(0);
    }
}
