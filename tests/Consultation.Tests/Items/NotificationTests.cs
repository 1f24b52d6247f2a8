using System.Net;
using System.Threading.Channels;
using Consultation.Notifications;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Consultation.Tests.Items;

public sealed class NotificationTests : IAsyncLifetime
{
    private ItemWorld _w = null!;

    public async Task InitializeAsync() => _w = await ItemWorld.CreateAsync();
    public async Task DisposeAsync() => await _w.DisposeAsync();

    [Fact]
    public async Task Assigning_an_item_pushes_a_notification_to_the_units_open_browser_and_lists_it_unread()
    {
        var w = _w;
        var received = System.Threading.Channels.Channel.CreateUnbounded<NotificationDto>();
        await using var hub = await ConnectAsync("lead");
        hub.On<NotificationDto>(nameof(INotificationClient.Notified), n => received.Writer.TryWrite(n));

        var item = await w.AssignedItemAsync();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var pushed = await received.Reader.ReadAsync(timeout.Token);
        Assert.Equal("assigned", pushed.Kind);
        Assert.Equal(item.Id, pushed.ItemId);
        Assert.Equal(item.Number, pushed.Data!.Value.GetProperty("number").GetString());
        var page = await w.Get<NotificationPage>(w.Lead, "/api/notifications");
        Assert.Equal(1, page.Unread);
        Assert.Equal(pushed.Id, Assert.Single(page.Items).Id);

        Assert.Equal(HttpStatusCode.NoContent, (await w.Send(w.Lead, HttpMethod.Post, $"/api/notifications/{pushed.Id}/read")).StatusCode);
        Assert.Equal(0, (await w.Get<NotificationPage>(w.Lead, "/api/notifications")).Unread);
        // The other unit was told nothing.
        Assert.Empty((await w.Get<NotificationPage>(w.OtherUnit, "/api/notifications")).Items);
    }

    [Fact]
    public async Task The_notification_hub_refuses_anonymous_connections()
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(_w.App.Server.BaseAddress, "/hubs/notifications"), o => o.HttpMessageHandlerFactory = _ => _w.App.Server.CreateHandler())
            .Build();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => hub.StartAsync());

        Assert.Contains("401", error.Message);
    }

    private async Task<HubConnection> ConnectAsync(string userName)
    {
        var cookie = await SignInCookieAsync(userName);
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri("https://localhost/hubs/notifications"), o =>
            {
                o.HttpMessageHandlerFactory = _ => _w.App.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
                o.Headers["Cookie"] = cookie;
            })
            .Build();
        await hub.StartAsync();
        return hub;
    }

    private async Task<string> SignInCookieAsync(string userName)
    {
        var client = _w.App.Anonymous();
        var response = await client.PostAsync("/api/account/login",
            System.Net.Http.Json.JsonContent.Create(new { userName, password = Infrastructure.TestApp.Password }));
        return string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
    }
}
