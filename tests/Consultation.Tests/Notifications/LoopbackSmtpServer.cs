using System.Buffers;
using System.Net;
using System.Threading.Channels;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Mail;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Consultation.Tests.Notifications;

/// <summary>A real SMTP server on a free loopback port, inside the test process; it keeps every message it accepts.</summary>
public sealed class LoopbackSmtpServer : IAsyncDisposable
{
    private readonly SmtpServer.SmtpServer _server;
    private readonly CancellationTokenSource _stop;
    private readonly Task _running;
    private readonly ChannelReader<Received> _received;

    public sealed record Received(string From, IReadOnlyList<string> To, byte[] Raw)
    {
        public MimeMessage Message() => MimeMessage.Load(new MemoryStream(Raw));
    }

    public int Port { get; }

    private LoopbackSmtpServer(SmtpServer.SmtpServer server, CancellationTokenSource stop, Task running, int port, ChannelReader<Received> received)
    {
        (_server, _stop, _running, Port, _received) = (server, stop, running, port, received);
    }

    public static async Task<LoopbackSmtpServer> StartAsync()
    {
        var received = Channel.CreateUnbounded<Received>();
        var listeners = new EndpointListenerFactory();
        var started = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        listeners.EndpointStarted += (_, e) => started.TrySetResult(((IPEndPoint)e.LocalEndPoint).Port);
        var services = new ServiceProvider();
        services.Add(listeners);
        services.Add(new Store(received.Writer));
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, 0)))
            .Build();
        var server = new SmtpServer.SmtpServer(options, services);
        var stop = new CancellationTokenSource();
        var running = server.StartAsync(stop.Token);
        var port = await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        return new LoopbackSmtpServer(server, stop, running, port, received.Reader);
    }

    public async Task<Received> NextAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await _received.ReadAsync(timeout.Token);
    }

    /// <summary>Every message received so far and not yet taken.</summary>
    public List<Received> Drain()
    {
        var all = new List<Received>();
        while (_received.TryRead(out var message))
            all.Add(message);
        return all;
    }

    public async ValueTask DisposeAsync()
    {
        _server.Shutdown();
        await _stop.CancelAsync();
        try { await _running.WaitAsync(TimeSpan.FromSeconds(5)); }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException) { }
        _stop.Dispose();
    }

    private sealed class Store(ChannelWriter<Received> received) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            received.TryWrite(new Received(transaction.From.AsAddress(), [.. transaction.To.Select(t => t.AsAddress())], buffer.ToArray()));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
