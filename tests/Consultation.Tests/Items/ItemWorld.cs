using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Consultation.Accounts;
using Consultation.Items;
using Consultation.Tests.Infrastructure;

namespace Consultation.Tests.Items;

/// <summary>
/// A small city for item tests: a current session, a lead unit, a co-handling unit and an unrelated unit with a
/// handler each, the office, a submitting deputy, a co-signer and an unrelated deputy, all signed in.
/// </summary>
public sealed class ItemWorld : IAsyncDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    // Uploaded files go to a folder of this world's own, never into the source tree.
    public string AttachmentsFolder => App.AttachmentsFolder;
    // The fake clock moves by months in these tests: sessions must outlive that.
    public TestApp App { get; } = new TestApp().With("Accounts:SessionHours", "100000");
    public HttpClient Office { get; private set; } = null!;
    public HttpClient Lead { get; private set; } = null!;
    public HttpClient Co { get; private set; } = null!;
    public HttpClient OtherUnit { get; private set; } = null!;
    public HttpClient Deputy { get; private set; } = null!;
    public HttpClient CoSigner { get; private set; } = null!;
    public HttpClient OtherDeputy { get; private set; } = null!;
    public HttpClient Admin { get; private set; } = null!;
    public int LeadUnitId { get; private set; }
    public int CoUnitId { get; private set; }
    public int OtherUnitId { get; private set; }
    public int DeputyId { get; private set; }
    public int CoSignerId { get; private set; }

    private ItemWorld() { }

    public static async Task<ItemWorld> CreateAsync(params (string Key, string Value)[] settings)
    {
        var world = new ItemWorld();
        foreach (var (key, value) in settings)
            world.App.With(key, value);
        await world.InitializeAsync();
        return world;
    }

    private async Task InitializeAsync()
    {
        await App.WithDb(async db =>
        {
            db.Sessions.Add(new Session { Year = 2026, Name = "市十六届人大五次会议", IsCurrent = true });
            return await db.SaveChangesAsync();
        });
        LeadUnitId = (await App.CreateUnitAsync("市交通运输局")).Id;
        CoUnitId = (await App.CreateUnitAsync("市公安局交通管理局")).Id;
        OtherUnitId = (await App.CreateUnitAsync("市文物局")).Id;
        DeputyId = (await App.CreateDeputyAsync("李建国")).Id;
        CoSignerId = (await App.CreateDeputyAsync("张秀英")).Id;
        await App.CreateUserAsync("office", Roles.Office);
        await App.CreateUserAsync("lead", Roles.Handler, unitId: LeadUnitId);
        await App.CreateUserAsync("co", Roles.Handler, unitId: CoUnitId);
        await App.CreateUserAsync("other.unit", Roles.Handler, unitId: OtherUnitId);
        await App.CreateUserAsync("deputy", Roles.Deputy, deputyId: DeputyId);
        await App.CreateUserAsync("cosigner", Roles.Deputy, deputyId: CoSignerId);
        await App.CreateUserAsync("other.deputy", Roles.Deputy);
        await App.CreateUserAsync("admin", Roles.Admin);
        Office = await App.SignInAsync("office");
        Lead = await App.SignInAsync("lead");
        Co = await App.SignInAsync("co");
        OtherUnit = await App.SignInAsync("other.unit");
        Deputy = await App.SignInAsync("deputy");
        CoSigner = await App.SignInAsync("cosigner");
        OtherDeputy = await App.SignInAsync("other.deputy");
        Admin = await App.SignInAsync("admin");
    }

    public DateTime Now => App.Clock.GetUtcNow().UtcDateTime;

    public void Advance(TimeSpan by) => App.Clock.Advance(by);

    /// <summary>Sends a request and expects success, returning the item page it answers with.</summary>
    public Task<ItemDetail> Ok(HttpClient client, HttpMethod method, string path, object? body = null) =>
        Ok<ItemDetail>(client, method, path, body);

    public async Task<T> Ok<T>(HttpClient client, HttpMethod method, string path, object? body = null)
    {
        var response = await Send(client, method, path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}\n{App.Errors.Last}");
        return JsonSerializer.Deserialize<T>(text, Json)!;
    }

    public Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string path, object? body = null) =>
        client.SendAsync(new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body, options: Json) });

    public async Task<Problem> Refused(HttpClient client, HttpMethod method, string path, object? body, HttpStatusCode status) =>
        await Problem.ReadAsync(await Send(client, method, path, body), status);

    public async Task<T> Get<T>(HttpClient client, string path) => (await client.GetFromJsonAsync<T>(path, Json))!;

    /// <summary>An item submitted online by the deputy with a confirmed co-signer and registered by the office.</summary>
    public async Task<ItemDetail> RegisteredItemAsync(string title = "关于缓解学校周边停车难的建议", bool express = false)
    {
        var draft = await Ok(Deputy, HttpMethod.Post, "/api/items", new
        {
            title, body = "上下学时段学校周边道路拥堵，家长临时停车无处可停。", problem = "停车位不足。",
            requests = "建议错峰共享周边停车资源。", express, coSignerIds = express ? Array.Empty<int>() : [CoSignerId],
        });
        if (!express)
            await Ok(CoSigner, HttpMethod.Post, $"/api/items/{draft.Id}/cosign");
        await Ok(Deputy, HttpMethod.Post, $"/api/items/{draft.Id}/submit");
        return await Ok(Office, HttpMethod.Post, $"/api/items/{draft.Id}/register");
    }

    public async Task<ItemDetail> AssignedItemAsync(bool withCo = true) =>
        await Ok(Office, HttpMethod.Post, $"/api/items/{(await RegisteredItemAsync()).Id}/assign",
            new { leadUnitId = LeadUnitId, coUnitIds = withCo ? new[] { CoUnitId } : [] });

    public async Task<ItemDetail> DraftAsync() =>
        await Ok(Deputy, HttpMethod.Post, "/api/items", new
        {
            title = "关于增开夜间公交线路的建议", body = "夜间下班的市民出行不便，部分区域缺少夜班公交。", express = false,
            coSignerIds = new[] { CoSignerId },
        });

    public async Task<ItemDetail> SubmittedAsync()
    {
        var draft = await DraftAsync();
        return await Ok(Deputy, HttpMethod.Post, $"/api/items/{draft.Id}/submit");
    }

    /// <summary>Assigned to the lead and the co-handling unit, and signed for by both.</summary>
    public async Task<ItemDetail> SignedAsync()
    {
        var id = (await AssignedItemAsync()).Id;
        await Ok(Co, HttpMethod.Post, $"/api/items/{id}/sign");
        return await Ok(Lead, HttpMethod.Post, $"/api/items/{id}/sign");
    }

    public async Task<ItemDetail> ContactedAsync()
    {
        var id = (await SignedAsync()).Id;
        return await Ok(Lead, HttpMethod.Post, $"/api/items/{id}/contacts",
            new { phase = "BeforeAnswer", method = "Video", atUtc = Now.AddMinutes(-30), durationMinutes = 30, summary = "代表同意答复方向。" });
    }

    public async Task<ItemDetail> AnsweredAsync()
    {
        var id = (await ContactedAsync()).Id;
        return await Ok(Lead, HttpMethod.Post, $"/api/items/{id}/answer", new { category = "A", text = "已增开两条夜班线路，覆盖主要居住区。" });
    }

    public async ValueTask DisposeAsync()
    {
        App.Dispose();
        await Task.CompletedTask;
    }
}
