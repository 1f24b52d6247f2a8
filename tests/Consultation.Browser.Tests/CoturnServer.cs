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
    private Process _process;
    private readonly string _folder;

    private CoturnServer(string folder, int port, string secret)
    {
        (_folder, Port, Secret) = (folder, port, secret);
        _process = Launch();
    }

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
        var server = new CoturnServer(folder, port, secret);
        await server.WaitUntilListeningAsync();
        return server;
    }

    /// <summary>Kills coturn, as a relay that goes away mid-call: every allocation on it is gone.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
            return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>Starts coturn again on the same port with the same secret, after <see cref="StopAsync"/>.</summary>
    public async Task StartAgainAsync()
    {
        _process.Dispose();
        _process = Launch();
        await WaitUntilListeningAsync();
    }

    private Process Launch()
    {
        var start = new ProcessStartInfo(Executable,
        [
            "-n", "--listening-ip=127.0.0.1", "--relay-ip=127.0.0.1", $"--listening-port={Port}",
            "--use-auth-secret", $"--static-auth-secret={Secret}", "--realm=consultation.test",
            "--no-cli", "--no-tls", "--no-dtls", "--allow-loopback-peers", "--no-stdout-log",
            $"--log-file={Path.Combine(_folder, "turn.log")}", "--simple-log", $"--pidfile={Path.Combine(_folder, "turn.pid")}",
        ])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        return Process.Start(start) ?? throw new InvalidOperationException("turnserver did not start.");
    }

    /// <summary>coturn's log, to explain a failed relay.</summary>
    public string Log()
    {
        var log = Directory.EnumerateFiles(_folder, "turn*.log").FirstOrDefault();
        return log is null ? "" : File.ReadAllText(log);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
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
