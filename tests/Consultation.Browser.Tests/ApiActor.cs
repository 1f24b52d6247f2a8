using System.Text.Json;

namespace Consultation.Browser.Tests;

/// <summary>
/// Someone other than the person under test, acting through the API in a browser context of their own
/// (signed in, cookies only there), to put an item where a test needs it without walking the pages again.
/// </summary>
public sealed class ApiActor : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly IBrowserContext context;

    private ApiActor(IBrowserContext context, DemoAccount account) => (this.context, Account) = (context, account);

    public DemoAccount Account { get; }

    public static async Task<ApiActor> SignInAsync(IBrowser browser, Uri baseUrl, DemoAccount account)
    {
        var context = await browser.NewContextAsync(new() { BaseURL = baseUrl.ToString() });
        var actor = new ApiActor(context, account);
        await actor.SendAsync("POST", "/api/account/login", new { userName = account.UserName, password = DemoAccount.Password });
        return actor;
    }

    public Task<JsonElement> GetAsync(string path) => SendAsync("GET", path);

    public Task<JsonElement> PostAsync(string path, object? body = null) => SendAsync("POST", path, body);

    private async Task<JsonElement> SendAsync(string method, string path, object? body = null)
    {
        var options = new APIRequestContextOptions { Method = method };
        if (body is not null)
        {
            options.Headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" };
            options.Data = JsonSerializer.Serialize(body, Json);
        }
        var response = await context.APIRequest.FetchAsync(path, options);
        var text = await response.TextAsync();
        if (!response.Ok)
            throw new InvalidOperationException($"{Account} {method} {path} answered {response.Status}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public async ValueTask DisposeAsync() => await context.CloseAsync();
}
