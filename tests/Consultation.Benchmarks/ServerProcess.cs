using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text.Json;

namespace Consultation.Benchmarks;

/// <summary>
/// The built server (src/Consultation.Server, same configuration as this program) as a real process on a
/// free loopback port, in the environment given (Development by default) on the SQLite file given. The first
/// Development start migrates and seeds the demo data (the admin and office accounts); a later start on the same
/// file finds it seeded and leaves it be. <see cref="LaunchAsync"/> starts any other process the same way.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private readonly Process process;
    private readonly Queue<string> log = new();

    private ServerProcess(Process process, Uri baseUrl) => (this.process, BaseUrl) = (process, baseUrl);

    public Uri BaseUrl { get; }

    /// <summary>The process id, to read its CPU time and memory from /proc.</summary>
    public int Id => process.Id;

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Consultation.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"No Consultation.sln above {AppContext.BaseDirectory}.");
    }

    /// <summary>Whether the built server runs under the server garbage collector (its runtimeconfig.json, or DOTNET_gcServer set here).</summary>
    public static bool ServerCollector()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_gcServer") is { Length: > 0 } set)
            return set == "1";
        using var config = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(ServerDll(), ".runtimeconfig.json")));
        return config.RootElement.GetProperty("runtimeOptions").TryGetProperty("configProperties", out var properties)
               && properties.TryGetProperty("System.GC.Server", out var server) && server.GetBoolean();
    }

    /// <param name="settings">Extra settings as environment variables (<c>Calls__MaxMessagesPerSecond</c>).</param>
    public static Task<ServerProcess> StartAsync(string databaseFile, string environment = "Development",
        IReadOnlyDictionary<string, string>? settings = null)
    {
        var contentRoot = ContentRoot();
        var serverDll = ServerDll();
        if (!File.Exists(serverDll))
            throw new InvalidOperationException($"{serverDll} is missing: build this project (it builds the server first).");
        if (!File.Exists(Path.Combine(contentRoot, "wwwroot", "index.html")))
            throw new InvalidOperationException($"{contentRoot}/wwwroot/index.html is missing: build without -p:SkipWebBuild=true.");

        var baseUrl = new Uri($"http://127.0.0.1:{FreeLoopbackPort()}");
        var start = new ProcessStartInfo("dotnet", [serverDll, "--urls", baseUrl.ToString()]) { WorkingDirectory = contentRoot };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment["DOTNET_ENVIRONMENT"] = environment;
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["ConnectionStrings__Consultation"] = $"Data Source={databaseFile}";
        // Only warnings: a log line per request would be part of what is measured.
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        return LaunchAsync(start, baseUrl, "/health/ready");
    }

    private static string ContentRoot() => Path.Combine(RepositoryRoot(), "src", "Consultation.Server");

    private static string ServerDll()
    {
        var configuration = typeof(ServerProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "Configuration").Value!;
        return Path.Combine(ContentRoot(), "bin", configuration, "net10.0", "Consultation.Server.dll");
    }

    /// <summary>Starts a process that listens on <paramref name="baseUrl"/> and waits until <paramref name="readyPath"/> answers 200.</summary>
    public static async Task<ServerProcess> LaunchAsync(ProcessStartInfo start, Uri baseUrl, string readyPath)
    {
        start.RedirectStandardOutput = start.RedirectStandardError = true;
        start.UseShellExecute = false;
        var server = new ServerProcess(Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start."), baseUrl);
        server.process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        server.process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        server.process.BeginOutputReadLine();
        server.process.BeginErrorReadLine();
        await server.WaitUntilReadyAsync(readyPath);
        return server;
    }

    private async Task WaitUntilReadyAsync(string readyPath)
    {
        using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartTimeout)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"The server exited with code {process.ExitCode}:\n{Recent()}");
            try
            {
                using var response = await http.GetAsync(readyPath);
                if (response.StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening, still migrating or seeding.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"{BaseUrl}{readyPath.TrimStart('/')} did not answer 200 within {StartTimeout.TotalSeconds} s:\n{Recent()}");
    }

    private void Keep(string? line)
    {
        if (line is null)
            return;
        lock (log)
        {
            log.Enqueue(line);
            if (log.Count > 100)
                log.Dequeue();
        }
    }

    public string Recent()
    {
        lock (log)
            return string.Join('\n', log);
    }

    public static int FreeLoopbackPort()
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

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }
}
