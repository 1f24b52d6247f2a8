using System.Net.Http.Json;
using Consultation.Accounts;
using Consultation.Data;
using Consultation.Deputies;
using Consultation.Units;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Consultation.Tests.Infrastructure;

/// <summary>
/// The real app on a fresh SQLite file, with a fake clock; a new one per test class (or per test) so that
/// nothing leaks between tests.
/// </summary>
public sealed class TestApp : WebApplicationFactory<Program>
{
    public const string Password = "Test1234";
    private readonly string _folder = Directory.CreateTempSubdirectory("consultation-tests-").FullName;
    private readonly Dictionary<string, string?> _settings = new();
    private readonly List<Action<IServiceCollection>> _services = [];

    public ServerErrors Errors { get; } = new();

    /// <summary>Uploaded files go here, inside the test's own temporary folder.</summary>
    public string AttachmentsFolder => Directory.CreateDirectory(Path.Combine(_folder, "attachments")).FullName;

    /// <summary>This app's own database, for a second server on the same one.</summary>
    public string DatabaseConnection => $"Data Source={Path.Combine(_folder, "app.db")}";

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 10, 1, 0, 0, TimeSpan.Zero));

    public TestApp With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>A second server of the same deployment: this one's database and settings, its clock at this one's time.</summary>
    public TestApp AnotherServer()
    {
        var other = new TestApp().With("ConnectionStrings:Consultation", DatabaseConnection);
        foreach (var (key, value) in _settings)
            other.With(key, value);
        other.Clock.SetUtcNow(Clock.GetUtcNow());
        return other;
    }

    /// <summary>Adds to the app's services, after its own (a test's observer, say).</summary>
    public TestApp WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Consultation", DatabaseConnection);
        builder.UseSetting("Attachments:Folder", AttachmentsFolder);
        // Jobs are run by the tests themselves, on the fake clock; the storage is real and the app's own.
        builder.UseSetting("Jobs:RunServer", "false");
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            _services.ForEach(configure => configure(services));
        });
        builder.ConfigureLogging(logging => logging.AddProvider(Errors));
    }

    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("https://localhost"),
        AllowAutoRedirect = false,
    });

    public async Task<T> WithDb<T>(Func<AppDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async Task<HandlerUnit> CreateUnitAsync(string name = "市交通运输局")
    {
        var unit = new HandlerUnit { Name = name, ShortName = name[..Math.Min(4, name.Length)] };
        await WithDb(async db => { db.Units.Add(unit); return await db.SaveChangesAsync(); });
        return unit;
    }

    public async Task<Deputy> CreateDeputyAsync(string name = "李明")
    {
        var deputy = new Deputy { Name = name };
        await WithDb(async db => { db.Deputies.Add(deputy); return await db.SaveChangesAsync(); });
        return deputy;
    }

    /// <summary>Creates an account with the given role; handlers get a unit and deputies a person record if none is given.</summary>
    public async Task<User> CreateUserAsync(string userName, string role, int? unitId = null, int? deputyId = null)
    {
        if (role == Roles.Handler && unitId is null)
            unitId = (await CreateUnitAsync($"{userName}的单位")).Id;
        if (role == Roles.Deputy && deputyId is null)
            deputyId = (await CreateDeputyAsync($"{userName}代表")).Id;
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var user = new User { UserName = userName, DisplayName = userName, UnitId = unitId, DeputyId = deputyId };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        return user;
    }

    public async Task<HttpClient> SignInAsync(string userName, string password = Password)
    {
        var client = Anonymous();
        var response = await client.PostAsJsonAsync("/api/account/login", new { userName, password });
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return client;
    }

    public async Task<HttpClient> SignedInAsAsync(string role, string? userName = null)
    {
        var user = await CreateUserAsync(userName ?? $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}"[..20], role);
        return await SignInAsync(user.UserName!);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
