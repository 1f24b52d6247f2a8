using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Consultation.Browser.Tests;

/// <summary>
/// The built server as a real process on a free loopback port, with a fresh SQLite database in a
/// temporary folder and the Development demo data. One per test collection; killed afterwards.
/// </summary>
public sealed class ServerFixture : IAsyncLifetime
{
    /// <summary>The shared server of the browser tests, with the Development settings.</summary>
    public ServerFixture() : this(new Dictionary<string, string>()) { }

    /// <summary>A server of a test's own, started with more settings as environment variables (e.g. <c>Calls__TurnSecret</c>).</summary>
    internal ServerFixture(IReadOnlyDictionary<string, string> settings) => this.settings = settings;

    private readonly IReadOnlyDictionary<string, string> settings;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly string dataDirectory = Directory.CreateTempSubdirectory("consultation-browser-").FullName;
    private readonly ServerLog log = new();
    private Process? process;

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>This server's database, for another server to share (scale-out: <c>ConnectionStrings__Consultation</c>).</summary>
    internal string DatabaseConnection => $"Data Source={Path.Combine(dataDirectory, "consultation.db")}";

    public async Task InitializeAsync()
    {
        var contentRoot = Path.Combine(RepositoryRoot(), "src", "Consultation.Server");
        var serverDll = Path.Combine(contentRoot, "bin", "Debug", "net10.0", "Consultation.Server.dll");
        if (!File.Exists(serverDll))
            throw new InvalidOperationException($"{serverDll} is missing: build the solution first (dotnet build Consultation.sln).");
        if (!File.Exists(Path.Combine(contentRoot, "wwwroot", "index.html")))
            throw new InvalidOperationException(
                $"{contentRoot}/wwwroot/index.html is missing: build the server without -p:SkipWebBuild=true so the web app is built into it.");

        BaseUrl = new Uri($"http://127.0.0.1:{FreeLoopbackPort()}");
        await StartAsync(contentRoot, serverDll);
    }

    /// <summary>Stops the server process, as a crash or a deployment would (a test's own server only).</summary>
    internal void Stop()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
        process?.Dispose();
        process = null;
    }

    /// <summary>Starts a stopped server again on the same port with the same database, its rooms in memory forgotten.</summary>
    internal Task StartAgainAsync()
    {
        var contentRoot = Path.Combine(RepositoryRoot(), "src", "Consultation.Server");
        return StartAsync(contentRoot, Path.Combine(contentRoot, "bin", "Debug", "net10.0", "Consultation.Server.dll"));
    }

    private async Task StartAsync(string contentRoot, string serverDll)
    {
        var start = new ProcessStartInfo(DotnetHost(), [serverDll, "--urls", BaseUrl.ToString()])
        {
            WorkingDirectory = contentRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["ConnectionStrings__Consultation"] = DatabaseConnection;
        foreach (var (name, value) in settings)
            start.Environment[name] = value;

        process = Process.Start(start) ?? throw new InvalidOperationException("The server process did not start.");
        process.OutputDataReceived += (_, e) => log.Add(e.Data);
        process.ErrorDataReceived += (_, e) => log.Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        await WaitUntilReadyAsync(process);
    }

    public Task DisposeAsync()
    {
        Stop();
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only leaves a folder in /tmp behind; the next run uses a new one.
        }
        return Task.CompletedTask;
    }

    private async Task WaitUntilReadyAsync(Process server)
    {
        using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (server.HasExited)
                throw new InvalidOperationException(
                    $"The server exited with code {server.ExitCode} before it was ready. Its output:\n{log.Recent()}");
            try
            {
                using var response = await http.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but still starting (migrations, demo data).
            }
            await Task.Delay(200);
        }
        throw new TimeoutException(
            $"GET {BaseUrl}health/ready did not answer 200 within {StartTimeout.TotalSeconds} s. The server's output:\n{log.Recent()}");
    }

    internal static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    // `dotnet test` tells its children which host runs them; outside it, the one on PATH.
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Consultation.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"No Consultation.sln above {AppContext.BaseDirectory}.");
    }

    /// <summary>The server's last lines of output, to explain a failed start.</summary>
    private sealed class ServerLog
    {
        private const int Keep = 200;
        private readonly Queue<string> lines = new();

        public void Add(string? line)
        {
            if (line is null)
                return;
            lock (lines)
            {
                lines.Enqueue(line);
                if (lines.Count > Keep)
                    lines.Dequeue();
            }
        }

        public string Recent()
        {
            lock (lines)
                return string.Join('\n', lines);
        }
    }
}
