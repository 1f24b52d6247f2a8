using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Consultation.Tests.Infrastructure;

/// <summary>A throwaway Redis (Debian's redis-server) on a free loopback port, in memory only; one per test.</summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly Process _process;

    public int Port { get; }
    public string ConnectionString => $"127.0.0.1:{Port}";

    private RedisServer(Process process, int port) => (_process, Port) = (process, port);

    public static async Task<RedisServer> StartAsync()
    {
        if (!File.Exists("/usr/bin/redis-server"))
            throw new InvalidOperationException("redis-server is not installed: run tests/run.sh, which installs redis-server.");
        var port = FreePort();
        var start = new ProcessStartInfo("/usr/bin/redis-server",
            ["--port", port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", Path.GetTempPath()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var server = new RedisServer(Process.Start(start)!, port);
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return server;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !server._process.HasExited)
            {
                await Task.Delay(50);
            }
        }
    }

    /// <summary>Stops the server (a test may stop it early, to see Redis lost); once.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
            return;
        _process.Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private int _stopped;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
