using System.Globalization;
using Consultation.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Consultation.Notifications;

public static class NotificationChannelsSetup
{
    /// <summary>
    /// E-mail (<c>Email</c>), SMS (<c>Sms</c>) and the visit calendar. Settings are read and checked here, so a wrong
    /// one stops the app at start with a <see cref="StartupSettingException"/> rather than at the first reminder.
    /// </summary>
    public static IHostApplicationBuilder AddNotificationChannels(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(EmailSettings.Read(builder.Configuration));
        services.AddSingleton(SmsSettings.Read(builder.Configuration));
        services.AddSingleton<IEmailChannel, SmtpEmailChannel>();
        services.AddSingleton<ISmsChannel, HttpSmsChannel>();
        services.AddSingleton<IVisitCalendar, VisitCalendar>();
        // Sms:TimeoutSeconds governs instead of HttpClient's 100 s.
        services.AddHttpClient(HttpSmsChannel.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan);
        return builder;
    }
}

internal static class ChannelSettings
{
    public static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    public static int Number(IConfigurationSection section, string key, int defaultValue, int min, int max, string what)
    {
        var value = section[key];
        if (string.IsNullOrWhiteSpace(value))
            return defaultValue;
        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
            return number;
        throw new StartupSettingException(string.Create(CultureInfo.InvariantCulture,
            $"{section.Path}:{key} is '{value}': set it to {what}, a whole number from {min} to {max} (default {defaultValue})."));
    }
}
