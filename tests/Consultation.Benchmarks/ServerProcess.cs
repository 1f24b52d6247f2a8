using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace Consultation.Benchmarks;

/// <summary>
/// The built server (src/Consultation.Server, same configuration as this program) as a real process on a
/// free loopback port, in Development on the SQLite file given. The first start migrates and seeds the demo
/// data (the admin and office accounts); a later start on the same file finds it seeded and leaves it be. Settings
/// are given as environment variables (<c>Jobs__PollingInterval</c>), as an operator would.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private readonly Process process;
    private readonly Queue<string> log = new();

    private ServerProcess(Process process, Uri baseUrl) => (this.process, BaseUrl) = (process, baseUrl);

    public Uri BaseUrl { get; }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Consultation.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"No Consultation.sln above {AppContext.BaseDirectory}.");
    }

    public static async Task<ServerProcess> StartAsync(string databaseFile, IReadOnlyDictionary<string, string>? settings = null)
    {
        var contentRoot = Path.Combine(RepositoryRoot(), "src", "Consultation.Server");
        var configuration = typeof(ServerProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "Configuration").Value!;
        var serverDll = Path.Combine(contentRoot, "bin", configuration, "net10.0", "Consultation.Server.dll");
        if (!File.Exists(serverDll))
            throw new InvalidOperationException($"{serverDll} is missing: build this project (it builds the server first).");
        if (!File.Exists(Path.Combine(contentRoot, "wwwroot", "index.html")))
            throw new InvalidOperationException($"{contentRoot}/wwwroot/index.html is missing: build without -p:SkipWebBuild=true.");

        var baseUrl = new Uri($"http://127.0.0.1:{FreeLoopbackPort()}");
        var start = new ProcessStartInfo("dotnet", [serverDll, "--urls", baseUrl.ToString()])
        {
            WorkingDirectory = contentRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["ConnectionStrings__Consultation"] = $"Data Source={databaseFile}";
        // Only warnings: a log line per request would be part of what is measured.
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
            start.Environment[name] = value;

        var server = new ServerProcess(Process.Start(start) ?? throw new InvalidOperationException("The server did not start."), baseUrl);
        server.process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        server.process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        server.process.BeginOutputReadLine();
        server.process.BeginErrorReadLine();
        await server.WaitUntilReadyAsync();
        return server;
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartTimeout)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"The server exited with code {process.ExitCode}:\n{Recent()}");
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
                // Listening, still migrating or seeding.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"{BaseUrl}health/ready did not answer 200 within {StartTimeout.TotalSeconds} s:\n{Recent()}");
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

    private string Recent()
    {
        lock (log)
            return string.Join('\n', log);
    }

    private static int FreeLoopbackPort()
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
