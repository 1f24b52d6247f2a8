using System.Net;
using System.Net.Http.Json;
using Consultation.Accounts;
using Consultation.Tests.Infrastructure;
using Consultation.Tests.Items;
using Microsoft.Data.Sqlite;

namespace Consultation.Tests.Accounts;

/// <summary>
/// Real server processes on one database, each with its own empty home folder (where ASP.NET Core keeps its key ring
/// when nothing else is said): a sign-in cookie must hold after a restart, and on every server of a scaled-out site.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SignInAcrossServersTests(PostgresServer postgres) : IDisposable
{
    private const string UserName = "handler.transport";

    private readonly string _folder = Directory.CreateTempSubdirectory("consultation-keyring-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task A_sign_in_outlives_a_restart_of_the_server_on_a_fresh_home_folder()
    {
        var sqlite = Sqlite();
        string cookie;
        await using (var first = await StartServerAsync("home-1", sqlite))
        {
            cookie = await SignInAsync(first);
            first.Kill();
        }

        await using var second = await StartServerAsync("home-2", sqlite);
        Assert.Equal(UserName, await WhoAmIAsync(second, cookie));
    }

    [Fact]
    public async Task A_sign_in_on_one_server_is_honoured_by_another_server_on_the_same_database()
    {
        // Servers on several machines share a server database, so the scaled-out case runs on PostgreSQL.
        var database = new Dictionary<string, string>
        {
            ["Database__Provider"] = "PostgreSql",
            ["Database__MigrateOnStart"] = "true",
            ["ConnectionStrings__Consultation"] = await postgres.CreateDatabaseAsync(),
        };
        await using var first = await StartServerAsync("home-1", database);
        await using var second = await StartServerAsync("home-2", database);

        var cookie = await SignInAsync(first);

        Assert.Equal(UserName, await WhoAmIAsync(second, cookie));
        Assert.Equal(UserName, await WhoAmIAsync(first, cookie));
    }

    private Dictionary<string, string> Sqlite() =>
        new() { ["ConnectionStrings__Consultation"] = $"Data Source={Path.Combine(_folder, "app.db")}" };

    /// <summary>A server on the given database whose home folder is its own and empty.</summary>
    private Task<ServerProcess> StartServerAsync(string home, Dictionary<string, string> database)
    {
        var homeFolder = Directory.CreateDirectory(Path.Combine(_folder, home)).FullName;
        var environment = new Dictionary<string, string>(database)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["HOME"] = homeFolder,
            ["DOTNET_CLI_HOME"] = homeFolder,
            ["XDG_DATA_HOME"] = Path.Combine(homeFolder, ".local", "share"),
            ["Attachments__Folder"] = Path.Combine(_folder, "attachments"),
        };
        return ServerProcess.StartAsync(environment);
    }

    /// <summary>Signs in a demo handler and returns the cookies the server set, as a browser would send them back.</summary>
    private static async Task<string> SignInAsync(ServerProcess server)
    {
        using var client = WithoutCookieJar(server);
        var response = await client.PostAsJsonAsync("/api/account/login", new { userName = UserName, password = "Demo1234" });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var cookies = response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).ToArray();
        Assert.Contains(cookies, c => c.StartsWith("consultation", StringComparison.Ordinal));
        return string.Join("; ", cookies);
    }

    /// <summary>The user name the server says the cookie belongs to, or null when it does not take the cookie.</summary>
    private static async Task<string?> WhoAmIAsync(ServerProcess server, string cookie)
    {
        using var client = WithoutCookieJar(server);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/account/me");
        request.Headers.Add("Cookie", cookie);
        var response = await client.SendAsync(request);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
            return null;
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<Me>(ItemWorld.Json))!.UserName;
    }

    private static HttpClient WithoutCookieJar(ServerProcess server) =>
        new(new HttpClientHandler { UseCookies = false }) { BaseAddress = server.Address };
}
