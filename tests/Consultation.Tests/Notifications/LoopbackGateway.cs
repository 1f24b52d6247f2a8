using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Consultation.Tests.Notifications;

/// <summary>A stand-in SMS gateway: a Kestrel app on a free loopback port that keeps each call and answers as told.</summary>
public sealed class LoopbackGateway : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<Call> _calls = Channel.CreateUnbounded<Call>();

    public sealed record Call(string Method, string Path, string? ContentType, IReadOnlyDictionary<string, string> Headers, byte[] Body)
    {
        /// <summary>The text message asked for: the phone and text of the body the SMS channel posts.</summary>
        public (string Phone, string Text) Sms()
        {
            var body = JsonDocument.Parse(Body).RootElement;
            return (body.GetProperty("phone").GetString()!, body.GetProperty("text").GetString()!);
        }
    }

    public Uri Url { get; private set; } = null!;

    /// <summary>What the gateway answers; 200 with a small JSON body unless a test says otherwise.</summary>
    public (int Status, string Body) Answer { get; set; } = (200, """{"code":0}""");

    /// <summary>While set and not done, a call is kept (and seen by <see cref="NextAsync"/>) but not answered: a slow gateway.</summary>
    public Task? Hold { get; set; }

    private LoopbackGateway()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Urls.Add("http://127.0.0.1:0");
        _app.Run(async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            _calls.Writer.TryWrite(new Call(context.Request.Method, context.Request.Path, context.Request.ContentType, headers, body.ToArray()));
            if (Hold is { } hold)
                await hold;
            context.Response.StatusCode = Answer.Status;
            await context.Response.WriteAsync(Answer.Body);
        });
    }

    public static async Task<LoopbackGateway> StartAsync()
    {
        var gateway = new LoopbackGateway();
        await gateway._app.StartAsync();
        var address = gateway._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        gateway.Url = new Uri(new Uri(address), "/sms/send");
        return gateway;
    }

    public async Task<Call> NextAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await _calls.Reader.ReadAsync(timeout.Token);
    }

    public List<Call> Drain()
    {
        var all = new List<Call>();
        while (_calls.Reader.TryRead(out var call))
            all.Add(call);
        return all;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
