using System.Net;
using Consultation.Items;
using Microsoft.EntityFrameworkCore;

namespace Consultation.Tests.Items;

/// <summary>
/// Every item endpoint, called by every kind of person: the ones the rules allow succeed; everyone else
/// gets 401, 403 or 404 and the database is left exactly as it was (no audit entry, no notification).
/// </summary>
public sealed class PermissionMatrixTests(PermissionMatrixTests.World fixture) : IClassFixture<PermissionMatrixTests.World>
{
    public sealed class World : IAsyncLifetime
    {
        public ItemWorld W { get; private set; } = null!;
        public async Task InitializeAsync() => W = await ItemWorld.CreateAsync();
        public async Task DisposeAsync() => await W.DisposeAsync();
    }

    private static readonly string[] Everyone = ["deputy", "cosigner", "otherDeputy", "lead", "co", "otherUnit", "office", "admin", "anonymous"];

    private HttpClient Client(string who) => who switch
    {
        "deputy" => fixture.W.Deputy,
        "cosigner" => fixture.W.CoSigner,
        "otherDeputy" => fixture.W.OtherDeputy,
        "lead" => fixture.W.Lead,
        "co" => fixture.W.Co,
        "otherUnit" => fixture.W.OtherUnit,
        "office" => fixture.W.Office,
        "admin" => fixture.W.Admin,
        _ => fixture.W.App.Anonymous(),
    };

    public sealed record Case(string Name, string State, string Method, string Path, object? Body, string[] Allowed)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<Case> Cases => new()
    {
        new("read an item", "signed", "GET", "/api/items/{id}", null, ["deputy", "cosigner", "lead", "co", "office"]),
        new("read the audit trail", "signed", "GET", "/api/items/{id}/audit", null, ["lead", "co", "office"]),
        new("edit a draft", "draft", "PUT", "/api/items/{id}", "draft", ["deputy"]),
        new("submit a draft", "draft", "POST", "/api/items/{id}/submit", null, ["deputy"]),
        new("confirm a co-signature", "draft", "POST", "/api/items/{id}/cosign", null, ["cosigner"]),
        new("register", "submitted", "POST", "/api/items/{id}/register", null, ["office"]),
        new("reject", "submitted", "POST", "/api/items/{id}/reject", new { reason = "不属于建议范围。" }, ["office"]),
        new("assign", "registered", "POST", "/api/items/{id}/assign", "assign", ["office"]),
        new("classify", "signed", "PUT", "/api/items/{id}/classification", "classify", ["office"]),
        new("sign for", "assigned", "POST", "/api/items/{id}/sign", null, ["lead", "co"]),
        new("return", "assigned", "POST", "/api/items/{id}/return", new { reason = "不属于本单位职责。" }, ["lead", "co"]),
        new("add progress", "signed", "POST", "/api/items/{id}/progress", new { text = "已完成实地调研。" }, ["lead", "co"]),
        new("send an opinion", "signed", "POST", "/api/items/{id}/opinion", new { text = "同意主办单位意见。" }, ["co"]),
        new("ask for an extension", "signed", "POST", "/api/items/{id}/extension", "extension", ["lead"]),
        new("record a contact", "signed", "POST", "/api/items/{id}/contacts", "contact", ["lead"]),
        new("answer", "contacted", "POST", "/api/items/{id}/answer", new { category = "A", text = "已增开两条夜班线路。" }, ["lead"]),
        new("evaluate", "answered", "POST", "/api/items/{id}/evaluation", new { work = "Satisfied", result = "Satisfied" }, ["deputy"]),
        new("close", "answered", "POST", "/api/items/{id}/close", null, ["office"]),
        new("decide a return", "return", "POST", "/api/returns/{request}/decision", new { approve = true }, ["office"]),
        new("decide an extension", "extension", "POST", "/api/extensions/{request}/decision", new { approve = true }, ["office"]),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Only_the_people_the_rules_allow_can_do_it(Case c)
    {
        var w = fixture.W;
        var item = await Arrange(c.State);
        var path = c.Path.Replace("{id}", item.Id.ToString())
            .Replace("{request}", item.UnitRequests.FirstOrDefault(r => r.State == RequestState.Pending)?.Id.ToString() ?? "0");
        var body = Body(c.Body, item);

        foreach (var who in Everyone.Except(c.Allowed))
        {
            var before = await Fingerprint();
            var response = await w.Send(Client(who), new HttpMethod(c.Method), path, body);
            Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound,
                $"{who} may not {c.Name}, yet got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            Assert.Equal(before, await Fingerprint());
        }
        var allowed = await w.Send(Client(c.Allowed[0]), new HttpMethod(c.Method), path, body);
        Assert.True(allowed.IsSuccessStatusCode, $"{c.Allowed[0]} may {c.Name}: {(int)allowed.StatusCode} {await allowed.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task Nobody_reads_another_persons_notifications_by_id()
    {
        var w = fixture.W;
        await w.AssignedItemAsync();
        var leadNotification = await w.App.WithDb(db => db.Notifications.OrderBy(n => n.Id).FirstAsync());

        var response = await w.Send(w.OtherUnit, HttpMethod.Post, $"/api/notifications/{leadNotification.Id}/read");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null((await w.App.WithDb(db => db.Notifications.SingleAsync(n => n.Id == leadNotification.Id))).ReadAtUtc);
    }

    private async Task<ItemDetail> Arrange(string state)
    {
        var w = fixture.W;
        return state switch
        {
            "draft" => await w.DraftAsync(),
            "submitted" => await w.SubmittedAsync(),
            "registered" => await w.RegisteredItemAsync(),
            "assigned" => await w.AssignedItemAsync(),
            "signed" => await w.SignedAsync(),
            "contacted" => await w.ContactedAsync(),
            "answered" => await w.AnsweredAsync(),
            "return" => await w.Ok(w.Lead, HttpMethod.Post, $"/api/items/{(await w.AssignedItemAsync()).Id}/return", new { reason = "不属于本单位职责。" }),
            "extension" => await w.Ok(w.Lead, HttpMethod.Post, $"/api/items/{(await w.SignedAsync()).Id}/extension",
                new { dueAtUtc = w.Now.AddMonths(4), reason = "需要协调多个部门。" }),
            _ => throw new ArgumentOutOfRangeException(nameof(state)),
        };
    }

    private object? Body(object? body, ItemDetail item) => body switch
    {
        "draft" => new { title = "关于增开夜间公交线路的建议（修改）", body = "夜间下班的市民出行不便，部分区域缺少夜班公交。", express = false, version = item.Version },
        "assign" => new { leadUnitId = fixture.W.LeadUnitId },
        "classify" => new { isUrgent = true, isTroublesome = false, isDifficult = false, isLongOverdue = false, isKey = false, level = "City", version = item.Version },
        "extension" => new { dueAtUtc = fixture.W.Now.AddMonths(4), reason = "需要协调多个部门。" },
        "contact" => new { phase = "DuringHandling", method = "Phone", atUtc = fixture.W.Now.AddMinutes(-5), durationMinutes = 10, summary = "电话沟通。" },
        _ => body,
    };

    /// <summary>Every change writes an audit entry, and every notification is a row: both counts move on any write.</summary>
    private Task<(int, int)> Fingerprint() =>
        fixture.W.App.WithDb(async db => (await db.AuditEntries.CountAsync(), await db.Notifications.CountAsync()));
}
