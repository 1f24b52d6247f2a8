using System.Net.Http.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Consultation.Tests.Infrastructure;

/// <summary>The .NET SignalR client signed in as one account, talking to the test server.</summary>
public static class HubClient
{
    public static async Task<HubConnection> ConnectAsync(TestApp app, string userName, string path, Action<HubConnection>? handlers = null)
    {
        var login = await app.Anonymous().PostAsJsonAsync("/api/account/login", new { userName, password = TestApp.Password });
        login.EnsureSuccessStatusCode();
        return await ConnectWithCookieAsync(app, CookieOf(login), path, handlers);
    }

    /// <summary>The cookies a response sets, as a request's <c>Cookie</c> header.</summary>
    public static string CookieOf(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));

    public static async Task<HubConnection> ConnectWithCookieAsync(TestApp app, string cookie, string path, Action<HubConnection>? handlers = null)
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(new Uri("https://localhost"), path), o =>
            {
                o.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
                o.Headers["Cookie"] = cookie;
            })
            .Build();
        handlers?.Invoke(hub);
        await hub.StartAsync();
        return hub;
    }
}
