using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Consultation.Browser.Tests;

/// <summary>
/// A throwaway coturn (Debian's coturn package) on a free loopback port with the TURN REST secret
/// (<c>use-auth-secret</c>), as production runs it except that loopback peers are allowed: every test peer is on
/// loopback. Started by a test and stopped afterwards.
/// </summary>
public sealed class CoturnServer : IAsyncDisposable
{
    private const string Executable = "/usr/bin/turnserver";
    private readonly Process _process;
    private readonly string _folder;

    private CoturnServer(Process process, string folder, int port, string secret) =>
        (_process, _folder, Port, Secret) = (process, folder, port, secret);

    public int Port { get; }
    public string Secret { get; }

    /// <summary>The TURN URL a browser is given, over UDP.</summary>
    public string Url => $"turn:127.0.0.1:{Port}?transport=udp";

    /// <summary>The server's settings that make it hand out credentials for this coturn, signed with <paramref name="secret"/>.</summary>
    public Dictionary<string, string> ServerSettings(string? secret = null) => new()
    {
        ["Calls__TurnUrls__0"] = Url,
        ["Calls__TurnSecret"] = secret ?? Secret,
    };

    public static async Task<CoturnServer> StartAsync()
    {
        if (!File.Exists(Executable))
            throw new InvalidOperationException($"{Executable} is missing: install Debian's coturn package (tests/run.sh does).");
        var port = ServerFixture.FreeLoopbackPort();
        var secret = Convert.ToHexString(Guid.NewGuid().ToByteArray());
        var folder = Directory.CreateTempSubdirectory("consultation-coturn-").FullName;
        var start = new ProcessStartInfo(Executable,
        [
            "-n", "--listening-ip=127.0.0.1", "--relay-ip=127.0.0.1", $"--listening-port={port}",
            "--use-auth-secret", $"--static-auth-secret={secret}", "--realm=consultation.test",
            "--no-cli", "--no-tls", "--no-dtls", "--allow-loopback-peers", "--no-stdout-log",
            $"--log-file={Path.Combine(folder, "turn.log")}", "--simple-log", $"--pidfile={Path.Combine(folder, "turn.pid")}",
        ])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("turnserver did not start.");
        var server = new CoturnServer(process, folder, port, secret);
        await server.WaitUntilListeningAsync();
        return server;
    }

    /// <summary>coturn's log, to explain a failed relay.</summary>
    public string Log()
    {
        var log = Directory.EnumerateFiles(_folder, "turn*.log").FirstOrDefault();
        return log is null ? "" : File.ReadAllText(log);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    // coturn also listens on TCP on the same port: a TCP connection that opens means it is ready.
    private async Task WaitUntilListeningAsync()
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(15))
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"turnserver exited with code {_process.ExitCode}: {await _process.StandardError.ReadToEndAsync()}");
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        throw new TimeoutException($"turnserver did not listen on 127.0.0.1:{Port} within 15 s.");
    }
}
