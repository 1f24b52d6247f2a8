using System.Net.Http.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Consultation.Tests.Infrastructure;

/// <summary>The .NET SignalR client signed in as one account (or a join link's session), talking to the test server.</summary>
public static class HubClient
{
    /// <param name="messagePack">Speak the MessagePack hub protocol (as the call page does) instead of JSON.</param>
    public static async Task<HubConnection> ConnectAsync(TestApp app, string userName, string path, Action<HubConnection>? handlers = null,
        bool messagePack = false)
    {
        var login = await app.Anonymous().PostAsJsonAsync("/api/account/login", new { userName, password = TestApp.Password });
        login.EnsureSuccessStatusCode();
        return await ConnectWithCookieAsync(app, CookieOf(login), path, handlers, messagePack);
    }

    /// <summary>The cookies a response sets, as a request's <c>Cookie</c> header.</summary>
    public static string CookieOf(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));

    public static async Task<HubConnection> ConnectWithCookieAsync(TestApp app, string cookie, string path, Action<HubConnection>? handlers = null,
        bool messagePack = false)
    {
        var hub = Build(app, path, cookie, messagePack);
        handlers?.Invoke(hub);
        await hub.StartAsync();
        return hub;
    }

    /// <summary>A connection that has not started, with the cookie given (null: not signed in).</summary>
    public static HubConnection Build(TestApp app, string path, string? cookie, bool messagePack = false)
    {
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(new Uri("https://localhost"), path), o =>
            {
                o.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
                if (cookie is not null)
                    o.Headers["Cookie"] = cookie;
            });
        if (messagePack)
            builder.AddMessagePackProtocol();
        return builder.Build();
    }
}
