using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;

namespace Consultation.Browser.Tests;

/// <summary>An SMS gateway on a loopback port: the server's SMS channel posts to it, a test reads what was sent.</summary>
public sealed class LoopbackSmsGateway : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly Channel<string> received = Channel.CreateUnbounded<string>();
    private readonly Task loop;

    private LoopbackSmsGateway(int port)
    {
        Url = $"http://127.0.0.1:{port}/send";
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public string Url { get; }

    public static LoopbackSmsGateway Start()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new LoopbackSmsGateway(port);
    }

    /// <summary>The next message body whose text contains <paramref name="marker"/>.</summary>
    public async Task<string> NextContainingAsync(string marker, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (true)
        {
            var body = await received.Reader.ReadAsync(cancel.Token);
            if (body.Contains(marker, StringComparison.Ordinal))
                return body;
        }
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            using (var reader = new StreamReader(context.Request.InputStream))
                received.Writer.TryWrite(await reader.ReadToEndAsync());
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync("""{"code":0}"""u8.ToArray());
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        listener.Close();
        await loop;
    }
}
