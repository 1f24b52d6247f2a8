using System.Net;
using System.Net.Sockets;

namespace Consultation.Browser.Tests;

/// <summary>
/// A TCP path to the server on a loopback port of its own, for one participant's browser, that the test can pull out
/// as when a phone loses its network: after <see cref="Cut"/> nothing more crosses it either way, and neither side is
/// told (no FIN, no reset), so each learns of it only from its own timeouts. <see cref="Reroute"/> sends the connections
/// made from then on to another server, as a load balancer does once a server is down.
/// </summary>
public sealed class LoopbackCable : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private volatile IPEndPoint server;
    private readonly CancellationTokenSource cut = new();
    private readonly List<Socket> sockets = [];
    private readonly Task accepting;

    private LoopbackCable(Uri server)
    {
        this.server = EndPointOf(server);
        listener.Start();
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}");
        accepting = Task.Run(AcceptAsync);
    }

    /// <summary>The server's address through this cable.</summary>
    public Uri Url { get; }

    public static LoopbackCable To(Uri server) => new(server);

    public void Cut() => cut.Cancel();

    /// <summary>New connections go to <paramref name="to"/>; those already made stay with the server they reached.</summary>
    public void Reroute(Uri to) => server = EndPointOf(to);

    private static IPEndPoint EndPointOf(Uri server) => new(IPAddress.Parse(server.Host), server.Port);

    private async Task AcceptAsync()
    {
        while (!cut.IsCancellationRequested)
        {
            Socket browser;
            try
            {
                browser = await listener.AcceptSocketAsync(cut.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            var target = server;
            var toServer = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            lock (sockets)
                sockets.AddRange([browser, toServer]);
            _ = Task.Run(async () =>
            {
                try
                {
                    await toServer.ConnectAsync(target, cut.Token);
                    await Task.WhenAny(PumpAsync(browser, toServer), PumpAsync(toServer, browser));
                }
                catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException) { }
                // A side that closed is passed on while the cable is in; once cut, nothing is.
                if (!cut.IsCancellationRequested)
                {
                    browser.Dispose();
                    toServer.Dispose();
                }
            });
        }
    }

    private async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, cut.Token);
                if (read == 0)
                    return;
                await to.SendAsync(buffer.AsMemory(0, read), cut.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException) { }
    }

    public async ValueTask DisposeAsync()
    {
        cut.Cancel();
        listener.Stop();
        await accepting;
        lock (sockets)
        {
            foreach (var socket in sockets)
                socket.Dispose();
        }
        cut.Dispose();
    }
}
