using System.Globalization;
using System.Text;
using Consultation.Data;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Configuration;
using MimeKit;

namespace Consultation.Notifications;

/// <summary>The <c>Email</c> settings; an empty <c>Host</c> turns e-mail off.</summary>
public sealed record EmailSettings
{
    public const string Section = "Email";
    public const string DefaultFromName = "市政府办公室建议提案办理";

    public string Host { get; init; } = "";
    public int Port { get; init; } = 25;
    public SecureSocketOptions Security { get; init; } = SecureSocketOptions.StartTlsWhenAvailable;
    public string? UserName { get; init; }
    public string? Password { get; init; }
    public string From { get; init; } = "";
    public string FromName { get; init; } = DefaultFromName;
    public int TimeoutSeconds { get; init; } = 30;

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);

    private static readonly ParserOptions StrictAddress = new() { AllowAddressesWithoutDomain = false };

    public static EmailSettings Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var defaults = new EmailSettings();
        var settings = new EmailSettings
        {
            Host = section["Host"]?.Trim() ?? "",
            Port = ChannelSettings.Number(section, "Port", defaults.Port, 1, 65535, "the SMTP server's port"),
            Security = SecurityOf(section["Security"]),
            UserName = ChannelSettings.Optional(section["UserName"]),
            Password = ChannelSettings.Optional(section["Password"]),
            From = section["From"]?.Trim() ?? "",
            FromName = ChannelSettings.Optional(section["FromName"]) ?? DefaultFromName,
            TimeoutSeconds = ChannelSettings.Number(section, "TimeoutSeconds", defaults.TimeoutSeconds, 1, 600, "seconds to wait for the SMTP server"),
        };
        if (settings.Enabled)
            _ = settings.Sender();
        return settings;
    }

    /// <summary>The From mailbox; throws a <see cref="StartupSettingException"/> naming <c>Email:From</c> when it is no address.</summary>
    public MailboxAddress Sender()
    {
        if (string.IsNullOrWhiteSpace(From))
            throw new StartupSettingException(
                $"{Section}:From is missing while {Section}:Host is set: set it to the sender's address, such as notice@example.gov.cn.");
        if (!MailboxAddress.TryParse(StrictAddress, From, out var mailbox) || !string.IsNullOrEmpty(mailbox.Name)
            || !mailbox.Address.Contains('@', StringComparison.Ordinal) || mailbox.Address != From)
            throw new StartupSettingException(
                $"{Section}:From is '{From}', which is not an e-mail address: set it to the sender's address alone, such as notice@example.gov.cn (the name goes in {Section}:FromName).");
        return new MailboxAddress(FromName, mailbox.Address);
    }

    private static SecureSocketOptions SecurityOf(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return SecureSocketOptions.StartTlsWhenAvailable;
        if (Enum.TryParse<SecureSocketOptions>(value.Trim(), ignoreCase: true, out var security) && Enum.IsDefined(security))
            return security;
        throw new StartupSettingException(
            $"{Section}:Security is '{value}', which is not supported: set it to None, StartTls, SslOnConnect or StartTlsWhenAvailable (the default).");
    }
}

/// <summary>
/// Sends each e-mail over its own SMTP connection: sends are rare (a few per visit), and a fresh connection never
/// meets a server that dropped an idle one. Failures throw; the caller records them and retries.
/// </summary>
public sealed class SmtpEmailChannel(EmailSettings settings, TimeProvider clock) : IEmailChannel
{
    public const string InvitationFileName = "invite.ics";

    public bool Enabled => settings.Enabled;

    public async Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken = default)
    {
        if (!Enabled)
            throw new InvalidOperationException($"E-mail is off ({EmailSettings.Section}:Host is empty): check IEmailChannel.Enabled before sending.");
        var message = Compose(email);

        var timeout = TimeSpan.FromSeconds(settings.TimeoutSeconds);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        using var client = new SmtpClient { Timeout = (int)timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(settings.Host, settings.Port, settings.Security, deadline.Token);
            if (!string.IsNullOrEmpty(settings.UserName))
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", deadline.Token);
            await client.SendAsync(message, deadline.Token);
            await client.DisconnectAsync(quit: true, deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(string.Create(CultureInfo.InvariantCulture,
                $"The SMTP server {settings.Host}:{settings.Port} did not finish within {settings.TimeoutSeconds} s ({EmailSettings.Section}:TimeoutSeconds)."));
        }
    }

    /// <summary>
    /// With a calendar, the shape Gmail and Outlook send and recognise as an invitation:
    /// multipart/mixed [ multipart/alternative [ text/plain, text/calendar; method=… ], invite.ics ].
    /// </summary>
    internal MimeMessage Compose(OutgoingEmail email)
    {
        var message = new MimeMessage { Subject = email.Subject, Date = clock.GetUtcNow() };
        message.From.Add(settings.Sender());
        message.To.Add(new MailboxAddress(email.ToName, email.To));

        var text = new TextPart("plain");
        text.SetText(Encoding.UTF8, email.Body);
        if (email.Calendar is not { } calendar)
        {
            message.Body = text;
            return message;
        }

        var invitation = new TextPart("calendar");
        invitation.ContentType.Parameters.Add("method", calendar.Method);
        invitation.SetText(Encoding.UTF8, calendar.Content);

        var file = new MimePart("application", "ics")
        {
            Content = new MimeContent(new MemoryStream(Encoding.UTF8.GetBytes(calendar.Content))),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = InvitationFileName,
        };

        message.Body = new Multipart("mixed") { new MultipartAlternative { text, invitation }, file };
        return message;
    }
}
