using System.Net;
using System.Text;
using Consultation.Notifications;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Consultation.Tests.Notifications;

/// <summary>Texts sent through HttpSmsChannel, as wired by AddNotificationChannels, to a stand-in gateway on loopback.</summary>
public sealed class SmsChannelTests : IAsyncLifetime
{
    private const string Phone = "+8613800138000";
    private const string Text = "【市政府办公室】李明代表：\"城市公交\"建议的视频回访将于3月12日10:00开始 & 请准时参加。";
    private readonly List<IHost> _hosts = [];
    private LoopbackGateway _gateway = null!;

    public async Task InitializeAsync() => _gateway = await LoopbackGateway.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
            host.Dispose();
        await _gateway.DisposeAsync();
    }

    private ISmsChannel Channel(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(
            settings.Select(s => KeyValuePair.Create<string, string?>(s.Key, s.Value)).Append(new("Sms:Url", _gateway.Url.ToString())));
        builder.AddNotificationChannels();
        var host = builder.Build();
        _hosts.Add(host);
        return host.Services.GetRequiredService<ISmsChannel>();
    }

    [Fact]
    public async Task A_text_reaches_the_gateway_as_the_default_JSON_body_with_the_configured_header()
    {
        var sms = Channel(("Sms:Headers:X-Api-Key", "secret-key-1"));

        await sms.SendAsync(Phone, Text);

        var call = await _gateway.NextAsync();
        Assert.Equal(("POST", "/sms/send"), (call.Method, call.Path));
        Assert.Equal("application/json; charset=utf-8", call.ContentType);
        Assert.Equal("secret-key-1", call.Headers["X-Api-Key"]);
        Assert.Equal(
            """{"phone":"+8613800138000","text":"【市政府办公室】李明代表：\"城市公交\"建议的视频回访将于3月12日10:00开始 & 请准时参加。"}""",
            Encoding.UTF8.GetString(call.Body));
        var json = System.Text.Json.JsonDocument.Parse(call.Body).RootElement;
        Assert.Equal((Phone, Text), (json.GetProperty("phone").GetString(), json.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task A_form_gateway_gets_url_encoded_fields_that_decode_to_the_phone_and_text()
    {
        var sms = Channel(
            ("Sms:Method", "PUT"),
            ("Sms:ContentType", "application/x-www-form-urlencoded"),
            ("Sms:BodyTemplate", "mobile={phone}&content={text}&sign=office"));

        await sms.SendAsync(Phone, Text);

        var call = await _gateway.NextAsync();
        Assert.Equal("PUT", call.Method);
        Assert.StartsWith("application/x-www-form-urlencoded", call.ContentType);
        var body = Encoding.UTF8.GetString(call.Body);
        Assert.StartsWith("mobile=%2b8613800138000&content=", body);
        var fields = QueryHelpers.ParseQuery(body);
        Assert.Equal([Phone, Text, "office"], new[] { fields["mobile"].ToString(), fields["content"].ToString(), fields["sign"].ToString() });
    }

    [Fact]
    public async Task A_gateway_error_throws_with_the_status_and_the_start_of_its_answer()
    {
        var sms = Channel();
        _gateway.Answer = (500, "余额不足 insufficient balance " + new string('x', 300));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => sms.SendAsync(Phone, Text));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Contains("500", error.Message);
        Assert.Contains("余额不足 insufficient balance xxx", error.Message);
        Assert.DoesNotContain(new string('x', 200), error.Message); // only the first 200 characters of the answer
        Assert.Contains(new string('x', 100), error.Message);
    }
}
