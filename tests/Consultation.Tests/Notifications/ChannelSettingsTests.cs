using System.Text.Json;
using Consultation.Data;
using Consultation.Notifications;
using MailKit.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Consultation.Tests.Notifications;

/// <summary>AddNotificationChannels on a bare web application builder, as the server calls it at start.</summary>
public sealed class ChannelSettingsTests
{
    private static WebApplicationBuilder Builder(params (string Key, string? Value)[] settings)
    {
        var builder = WebApplication.CreateBuilder();
        // Empty first, so that what the machine's environment may say does not count.
        var values = new Dictionary<string, string?> { ["Email:Host"] = "", ["Sms:Url"] = "" };
        foreach (var (key, value) in settings)
            values[key] = value;
        builder.Configuration.AddInMemoryCollection(values);
        return builder;
    }

    [Fact]
    public void Without_settings_both_channels_are_off()
    {
        var builder = Builder();
        builder.AddNotificationChannels();
        using var app = builder.Build();

        Assert.False(app.Services.GetRequiredService<IEmailChannel>().Enabled);
        Assert.False(app.Services.GetRequiredService<ISmsChannel>().Enabled);
        Assert.IsType<VisitCalendar>(app.Services.GetRequiredService<IVisitCalendar>());
    }

    [Fact]
    public void Email_settings_take_their_defaults_when_only_host_and_sender_are_given()
    {
        var builder = Builder(("Email:Host", "smtp.example.gov.cn"), ("Email:From", "notice@example.gov.cn"));
        builder.AddNotificationChannels();
        using var app = builder.Build();

        Assert.True(app.Services.GetRequiredService<IEmailChannel>().Enabled);
        Assert.Equal(
            new EmailSettings
            {
                Host = "smtp.example.gov.cn", Port = 25, Security = SecureSocketOptions.StartTlsWhenAvailable,
                From = "notice@example.gov.cn", FromName = "市政府办公室建议提案办理", TimeoutSeconds = 30,
            },
            app.Services.GetRequiredService<EmailSettings>());
    }

    [Theory]
    [InlineData("Email:From", "office.example.gov.cn",
        "Email:From is 'office.example.gov.cn', which is not an e-mail address: set it to the sender's address alone, such as notice@example.gov.cn (the name goes in Email:FromName).")]
    [InlineData("Email:From", "市政府办公室 <office@example.gov.cn>",
        "Email:From is '市政府办公室 <office@example.gov.cn>', which is not an e-mail address: set it to the sender's address alone, such as notice@example.gov.cn (the name goes in Email:FromName).")]
    [InlineData("Email:From", "",
        "Email:From is missing while Email:Host is set: set it to the sender's address, such as notice@example.gov.cn.")]
    [InlineData("Email:Security", "Tls",
        "Email:Security is 'Tls', which is not supported: set it to None, StartTls, SslOnConnect or StartTlsWhenAvailable (the default).")]
    [InlineData("Email:Port", "smtp",
        "Email:Port is 'smtp': set it to the SMTP server's port, a whole number from 1 to 65535 (default 25).")]
    public void A_wrong_email_setting_stops_the_app_with_one_line_naming_it(string key, string value, string line)
    {
        var builder = Builder(("Email:Host", "smtp.example.gov.cn"), ("Email:From", "notice@example.gov.cn"), (key, value));

        var error = Assert.Throws<StartupSettingException>(() => builder.AddNotificationChannels());

        Assert.Equal(line, error.Message);
    }

    [Theory]
    [InlineData("sms.example.gov.cn/send")]
    [InlineData("ftp://sms.example.gov.cn/send")]
    [InlineData("/send")]
    public void An_sms_url_that_is_not_absolute_http_stops_the_app_with_one_line_naming_it(string url)
    {
        var builder = Builder(("Sms:Url", url));

        var error = Assert.Throws<StartupSettingException>(() => builder.AddNotificationChannels());

        Assert.Equal(
            $"Sms:Url is '{url}', which is not an absolute http(s) URL: set it to the SMS gateway's address, such as https://sms.example.gov.cn/send, or leave it empty to turn SMS off.",
            error.Message);
    }

    [Fact]
    public void A_bad_email_from_is_ignored_while_email_is_off()
    {
        var builder = Builder(("Email:From", "not an address"));
        builder.AddNotificationChannels();
        using var app = builder.Build();

        Assert.False(app.Services.GetRequiredService<IEmailChannel>().Enabled);
    }

    [Fact]
    public void The_example_settings_file_lists_the_email_and_sms_settings_with_their_defaults()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(folder.FullName, "appsettings.example.json")))
            folder = folder.Parent ?? throw new FileNotFoundException("appsettings.example.json is missing at the top of the repository.");
        var example = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder.FullName, "appsettings.example.json")),
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip }).RootElement;

        var email = example.GetProperty("Email");
        var defaults = new EmailSettings();
        Assert.Equal("", email.GetProperty("Host").GetString());
        Assert.Equal(defaults.Port, email.GetProperty("Port").GetInt32());
        Assert.Equal(defaults.Security.ToString(), email.GetProperty("Security").GetString());
        Assert.Equal(defaults.FromName, email.GetProperty("FromName").GetString());
        Assert.Equal(defaults.TimeoutSeconds, email.GetProperty("TimeoutSeconds").GetInt32());
        foreach (var name in new[] { "UserName", "Password", "From" })
            Assert.True(email.TryGetProperty(name, out _), $"Email:{name} is not in the example");

        var sms = example.GetProperty("Sms");
        var smsDefaults = new SmsSettings();
        Assert.Equal("", sms.GetProperty("Url").GetString());
        Assert.Equal(smsDefaults.Method.Method, sms.GetProperty("Method").GetString());
        Assert.Equal(smsDefaults.ContentType.MediaType, sms.GetProperty("ContentType").GetString());
        Assert.Equal(SmsSettings.DefaultBodyTemplate, sms.GetProperty("BodyTemplate").GetString());
        Assert.Equal(smsDefaults.TimeoutSeconds, sms.GetProperty("TimeoutSeconds").GetInt32());
        Assert.Equal(JsonValueKind.Object, sms.GetProperty("Headers").ValueKind);
    }
}
