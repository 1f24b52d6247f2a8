using System.Net.Http.Json;
using Consultation.Accounts;
using Consultation.Calls;
using Consultation.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Consultation.Tests.Calls;

/// <summary>The call hub's connections over Kestrel and a real WebSocket, as browsers make them.</summary>
public sealed class CallConnectionTests
{
    [Fact]
    public async Task A_call_connection_keeps_who_signed_in_but_lets_go_of_the_request_cookies_it_no_longer_needs()
    {
        var seen = new RequestSpy();
        await using var app = new TestApp().WithServices(s => s.Configure<HubOptions>(o => o.AddFilter(seen)));
        app.UseKestrel(0);
        app.StartServer();
        await app.CreateUserAsync("deputy", Roles.Deputy);
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        using var http = new HttpClient { BaseAddress = address };
        var login = await http.PostAsJsonAsync("/api/account/login", new { userName = "deputy", password = TestApp.Password });
        login.EnsureSuccessStatusCode();

        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(address, CallHub.Path), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                o.Headers["Cookie"] = HubClient.CookieOf(login);
            })
            .Build();
        await hub.StartAsync();
        // No such visit: refused, but the call went through the hub, where the spy looked at the connection's request.
        var refused = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<JoinResult>(nameof(CallHub.Join), 0));
        Assert.Contains("not a participant", refused.Message);

        Assert.Equal(("deputy", "", 0), seen.Last);
    }

    /// <summary>What the request behind a hub call still holds: the user, the Cookie header, the parsed cookies.</summary>
    private sealed class RequestSpy : IHubFilter
    {
        public (string? User, string Header, int Cookies) Last { get; private set; }

        public ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocation, Func<HubInvocationContext, ValueTask<object?>> next)
        {
            var request = invocation.Context.GetHttpContext()!.Request;
            Last = (invocation.Context.User?.Identity?.Name, request.Headers.Cookie.ToString(), request.Cookies.Count);
            return next(invocation);
        }
    }
}
