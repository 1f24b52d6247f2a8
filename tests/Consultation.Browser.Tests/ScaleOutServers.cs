using Consultation.Tests.Infrastructure;

namespace Consultation.Browser.Tests;

/// <summary>
/// Two server processes scaled out as behind a load balancer: one SQLite database (A's file), one Redis of their own,
/// and a heartbeat of one second, so that a crashed server's participants leave their rooms within about four.
/// A test may crash A; the next test that needs it starts it again (a new process, on the same port and database).
/// </summary>
public sealed class ScaleOutServers : IAsyncLifetime
{
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(1);

    private RedisServer redis = null!;
    private bool aCrashed;

    public ServerFixture A { get; private set; } = null!;
    public ServerFixture B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        redis = await RedisServer.StartAsync();
        A = new ServerFixture(Settings());
        await A.InitializeAsync();
        // After A, which made the database and its demo data.
        B = new ServerFixture(new Dictionary<string, string>(Settings()) { ["ConnectionStrings__Consultation"] = A.DatabaseConnection });
        await B.InitializeAsync();
    }

    /// <summary>Both servers up: A started again if a test crashed it.</summary>
    public async Task RunningAsync()
    {
        if (!aCrashed)
            return;
        await A.StartAgainAsync();
        aCrashed = false;
    }

    /// <summary>Kills A's process: no connection of it is closed politely, no participant of it leaves its room.</summary>
    public void CrashA()
    {
        A.Stop();
        aCrashed = true;
    }

    public async Task DisposeAsync()
    {
        // B first: it holds A's database open.
        if (B is not null)
            await B.DisposeAsync();
        if (A is not null)
            await A.DisposeAsync();
        if (redis is not null)
            await redis.DisposeAsync();
    }

    private Dictionary<string, string> Settings() => new()
    {
        ["ConnectionStrings__Redis"] = redis.ConnectionString,
        ["Calls__ServerHeartbeat"] = Heartbeat.ToString("c"),
    };
}
