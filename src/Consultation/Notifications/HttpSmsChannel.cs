using System.Net.Http.Headers;
using System.Security;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Web;
using Consultation.Data;
using Microsoft.Extensions.Configuration;

namespace Consultation.Notifications;

/// <summary>The <c>Sms</c> settings: how to call the office's SMS gateway. An empty <c>Url</c> turns SMS off.</summary>
public sealed record SmsSettings
{
    public const string Section = "Sms";
    public const string DefaultBodyTemplate = """{"phone":"{phone}","text":"{text}"}""";

    public Uri? Url { get; init; }
    public HttpMethod Method { get; init; } = HttpMethod.Post;
    public MediaTypeHeaderValue ContentType { get; init; } = new("application/json");
    public string BodyTemplate { get; init; } = DefaultBodyTemplate;
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
    public int TimeoutSeconds { get; init; } = 30;

    public bool Enabled => Url is not null;

    public static SmsSettings Read(IConfiguration configuration)
    {
        // Some gateways still want GBK (Sms:ContentType "...; charset=gbk"), which .NET knows only through code pages.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var section = configuration.GetSection(Section);
        var defaults = new SmsSettings();
        return new SmsSettings
        {
            Url = UrlOf(section["Url"]),
            Method = MethodOf(section["Method"]),
            ContentType = ContentTypeOf(section["ContentType"]),
            BodyTemplate = section["BodyTemplate"] is { Length: > 0 } template ? template : DefaultBodyTemplate,
            Headers = section.GetSection("Headers").GetChildren().Where(h => h.Value is not null).ToDictionary(h => h.Key, h => h.Value!),
            TimeoutSeconds = ChannelSettings.Number(section, "TimeoutSeconds", defaults.TimeoutSeconds, 1, 600, "seconds to wait for the SMS gateway"),
        };
    }

    private static Uri? UrlOf(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        if (Uri.TryCreate(value.Trim(), UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
            return url;
        throw new StartupSettingException(
            $"{Section}:Url is '{value}', which is not an absolute http(s) URL: set it to the SMS gateway's address, such as https://sms.example.gov.cn/send, or leave it empty to turn SMS off.");
    }

    private static HttpMethod MethodOf(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return HttpMethod.Post;
        try { return HttpMethod.Parse(value.Trim()); }
        catch (FormatException)
        {
            throw new StartupSettingException($"{Section}:Method is '{value}', which is not an HTTP method: set it to POST (the default) or PUT.");
        }
    }

    private static MediaTypeHeaderValue ContentTypeOf(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return new MediaTypeHeaderValue("application/json");
        if (!MediaTypeHeaderValue.TryParse(value.Trim(), out var type) || type.MediaType is null)
            throw new StartupSettingException(
                $"{Section}:ContentType is '{value}', which is not a media type: set it to application/json (the default) or application/x-www-form-urlencoded.");
        if (type.CharSet is { } charset)
        {
            try { Encoding.GetEncoding(charset); }
            catch (ArgumentException)
            {
                throw new StartupSettingException($"{Section}:ContentType names the character set '{charset}', which is unknown: use utf-8 (the default) or gbk.");
            }
        }
        return type;
    }
}

/// <summary>
/// Sends a text through the gateway by filling <c>{phone}</c> and <c>{text}</c> into the body template, each escaped
/// for the content type, so that a quote or an ampersand in a text cannot break the request.
/// </summary>
public sealed partial class HttpSmsChannel(SmsSettings settings, IHttpClientFactory clients) : ISmsChannel
{
    public const string ClientName = "Sms";

    public bool Enabled => settings.Enabled;

    public async Task SendAsync(string phoneNumber, string text, CancellationToken cancellationToken = default)
    {
        if (!Enabled)
            throw new InvalidOperationException($"SMS is off ({SmsSettings.Section}:Url is empty): check ISmsChannel.Enabled before sending.");

        var encoding = settings.ContentType.CharSet is { } charset ? Encoding.GetEncoding(charset) : Encoding.UTF8;
        var mediaType = settings.ContentType.MediaType!;
        var body = Placeholder().Replace(settings.BodyTemplate,
            m => Escape(m.Groups[1].Value == "phone" ? phoneNumber : text, mediaType, encoding));

        using var request = new HttpRequestMessage(settings.Method, settings.Url);
        if (settings.Method != HttpMethod.Get && settings.Method != HttpMethod.Head)
            request.Content = new StringContent(body, encoding, mediaType);
        foreach (var (name, value) in settings.Headers)
        {
            if (!request.Headers.TryAddWithoutValidation(name, value))
                request.Content?.Headers.TryAddWithoutValidation(name, value);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        HttpResponseMessage response;
        try
        {
            response = await clients.CreateClient(ClientName).SendAsync(request, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"The SMS gateway {settings.Url} did not answer within {settings.TimeoutSeconds} s ({SmsSettings.Section}:TimeoutSeconds).");
        }
        using (response)
        {
            if (response.IsSuccessStatusCode)
                return;
            var answer = await response.Content.ReadAsStringAsync(cancellationToken);
            if (answer.Length > 200)
                answer = answer[..200];
            throw new HttpRequestException(
                $"The SMS gateway answered {(int)response.StatusCode} {response.ReasonPhrase}: {answer}", null, response.StatusCode);
        }
    }

    internal static string Escape(string value, string mediaType, Encoding encoding)
    {
        if (mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase))
            // Relaxed: the body goes to a gateway, never into HTML, so Chinese text and '+' stay readable.
            return JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString();
        if (mediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
            return HttpUtility.UrlEncode(value, encoding);
        if (mediaType.EndsWith("/xml", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+xml", StringComparison.OrdinalIgnoreCase))
            return SecurityElement.Escape(value);
        return value;
    }

    [GeneratedRegex(@"\{(phone|text)\}")]
    private static partial Regex Placeholder();
}
