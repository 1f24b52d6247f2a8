using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Consultation.Tests.Infrastructure;

/// <summary>The real server as a separate process on a free loopback port, as an operator runs it.</summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    public Uri Address { get; }

    private ServerProcess(Process process, Uri address) => (_process, Address) = (process, address);

    public static async Task<ServerProcess> StartAsync(IDictionary<string, string> environment, int? port = null)
    {
        var address = new Uri($"http://127.0.0.1:{port ?? FreePort()}");
        var start = new ProcessStartInfo("dotnet", [typeof(Program).Assembly.Location, "--urls", address.ToString()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(typeof(Program).Assembly.Location)!,
        };
        foreach (var (key, value) in environment)
            start.Environment[key] = value;
        var server = new ServerProcess(Process.Start(start)!, address);
        server._process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        server._process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        try
        {
            await server.WaitUntilReadyAsync();
        }
        catch
        {
            // A server that never became ready is not left running after the test.
            if (!server._process.HasExited)
                server.Kill();
            throw;
        }
        return server;
    }

    public HttpClient Client() => new(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = Address };

    /// <summary>SIGKILL: no shutdown, no flushing, as when a machine loses power.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    private void Keep(string? line)
    {
        if (line is null)
            return;
        lock (_output)
            _output.AppendLine(line);
    }

    private async Task WaitUntilReadyAsync()
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The server exited ({_process.ExitCode}):\n{Output}");
            try
            {
                if ((await client.GetAsync("/health/ready")).IsSuccessStatusCode)
                    return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The server did not become ready:\n{Output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
            Kill();
        _process.Dispose();
        await Task.CompletedTask;
    }
}
