using System.Net;
using Consultation.Items;
using Microsoft.EntityFrameworkCore;

namespace Consultation.Tests.Items;

/// <summary>
/// Every item write, sent by someone allowed to make it but with one bad field or at the wrong time: a problem with a
/// code and a message naming what to fix, and nothing changed (no state, version, audit entry or notification).
/// </summary>
public sealed class ItemBadInputTests(ItemBadInputTests.World fixture) : IClassFixture<ItemBadInputTests.World>
{
    public sealed class World : IAsyncLifetime
    {
        public ItemWorld W { get; private set; } = null!;
        public async Task InitializeAsync() => W = await ItemWorld.CreateAsync();
        public async Task DisposeAsync() => await W.DisposeAsync();
    }

    /// <param name="Expect">The field named in the errors, or the problem's reason or code.</param>
    public sealed record Case(string Name, string State, string Who, string Method, string Path, object Body, HttpStatusCode Status, string Expect)
    {
        public override string ToString() => Name;
    }

    private const string Text = "夜间下班的市民出行不便，部分区域缺少夜班公交。";
    private static readonly Guid Stale = Guid.NewGuid();
    private static readonly DateTime Later = new(2026, 7, 1, 0, 0, 0, DateTimeKind.Utc);

    public static TheoryData<Case> Cases => new()
    {
        new("a draft without a title", "none", "deputy", "POST", "/api/items", new { body = Text }, HttpStatusCode.BadRequest, "title"),
        new("a draft with a title too long", "none", "deputy", "POST", "/api/items", new { title = new string('题', 201), body = Text }, HttpStatusCode.BadRequest, "title"),
        new("an edit of a draft opened before another edit", "draft", "deputy", "PUT", "/api/items/{id}", new { title = "关于夜班公交的建议", body = Text, version = Stale }, HttpStatusCode.Conflict, "edit_conflict"),
        new("a second submission", "submitted", "deputy", "POST", "/api/items/{id}/submit", new { }, HttpStatusCode.Conflict, "already_submitted"),
        new("a second co-signature", "registered", "cosigner", "POST", "/api/items/{id}/cosign", new { }, HttpStatusCode.Conflict, "already_cosigned"),
        new("an item registered by the office without a body", "none", "office", "POST", "/api/office/items", new { title = "关于夜班公交的建议", kind = "Suggestion", level = "City" }, HttpStatusCode.BadRequest, "body"),
        new("an item registered by the office without its kind", "none", "office", "POST", "/api/office/items", new { title = "关于夜班公交的建议", body = Text, level = "City", submitterDeputyId = 1 }, HttpStatusCode.BadRequest, "kind"),
        new("registering an item twice", "registered", "office", "POST", "/api/items/{id}/register", new { }, HttpStatusCode.Conflict, "not_submitted"),
        new("a rejection without a reason", "submitted", "office", "POST", "/api/items/{id}/reject", new { }, HttpStatusCode.BadRequest, "reason"),
        new("an assignment without a unit", "registered", "office", "POST", "/api/items/{id}/assign", new { }, HttpStatusCode.BadRequest, "invalid_assignment"),
        new("an assignment to a unit that does not exist", "registered", "office", "POST", "/api/items/{id}/assign", new { leadUnitId = 9_999 }, HttpStatusCode.BadRequest, "invalid_assignment"),
        new("a key item without its handling plan", "signed", "office", "PUT", "/api/items/{id}/classification", "key", HttpStatusCode.BadRequest, "handlingPlan"),
        new("a classification that does not say the level", "signed", "office", "PUT", "/api/items/{id}/classification", "no level", HttpStatusCode.BadRequest, "level"),
        new("a classification that does not say whether urgent", "signed", "office", "PUT", "/api/items/{id}/classification", "no urgency", HttpStatusCode.BadRequest, "isUrgent"),
        new("closing an item without an answer", "signed", "office", "POST", "/api/items/{id}/close", new { }, HttpStatusCode.Conflict, "not_now"),
        new("a return decision that does not say yes or no", "return", "office", "POST", "/api/returns/{request}/decision", new { note = "请说明。" }, HttpStatusCode.BadRequest, "approve"),
        new("an extension decision that does not say yes or no", "extension", "office", "POST", "/api/extensions/{request}/decision", new { }, HttpStatusCode.BadRequest, "approve"),
        new("signing for an item twice", "signed", "lead", "POST", "/api/items/{id}/sign", new { }, HttpStatusCode.Conflict, "not_now"),
        new("a return without a reason", "assigned", "lead", "POST", "/api/items/{id}/return", new { reason = "不" }, HttpStatusCode.BadRequest, "reason"),
        new("an empty progress entry", "signed", "lead", "POST", "/api/items/{id}/progress", new { text = "" }, HttpStatusCode.BadRequest, "text"),
        new("a progress entry too long", "signed", "lead", "POST", "/api/items/{id}/progress", new { text = new string('进', 4_001) }, HttpStatusCode.BadRequest, "text"),
        new("an empty opinion", "signed", "co", "POST", "/api/items/{id}/opinion", new { }, HttpStatusCode.BadRequest, "text"),
        new("an extension without a reason", "signed", "lead", "POST", "/api/items/{id}/extension", new { dueAtUtc = Later }, HttpStatusCode.BadRequest, "reason"),
        new("an extension to an earlier date", "signed", "lead", "POST", "/api/items/{id}/extension", new { dueAtUtc = new DateTime(2026, 3, 20), reason = "需要协调多个部门。" }, HttpStatusCode.Conflict, "extension_not_later"),
        new("a contact without a summary", "signed", "lead", "POST", "/api/items/{id}/contacts", new { phase = "DuringHandling", method = "Phone", atUtc = new DateTime(2026, 3, 10), durationMinutes = 10 }, HttpStatusCode.BadRequest, "summary"),
        new("a contact that does not say its phase", "signed", "lead", "POST", "/api/items/{id}/contacts", new { method = "Phone", atUtc = new DateTime(2026, 3, 10), durationMinutes = 10, summary = "电话沟通。" }, HttpStatusCode.BadRequest, "phase"),
        new("a contact that does not say how", "signed", "lead", "POST", "/api/items/{id}/contacts", new { phase = "DuringHandling", atUtc = new DateTime(2026, 3, 10), durationMinutes = 10, summary = "电话沟通。" }, HttpStatusCode.BadRequest, "method"),
        new("a contact that does not say when", "signed", "lead", "POST", "/api/items/{id}/contacts", new { phase = "DuringHandling", method = "Phone", durationMinutes = 10, summary = "电话沟通。" }, HttpStatusCode.BadRequest, "atUtc"),
        new("a contact in the future", "signed", "lead", "POST", "/api/items/{id}/contacts", new { phase = "DuringHandling", method = "Phone", atUtc = Later, durationMinutes = 10, summary = "电话沟通。" }, HttpStatusCode.Conflict, "contact_in_future"),
        new("an answer without a category", "contacted", "lead", "POST", "/api/items/{id}/answer", new { text = "已增开两条夜班线路，覆盖主要居住区。" }, HttpStatusCode.BadRequest, "category"),
        new("an answer too short", "contacted", "lead", "POST", "/api/items/{id}/answer", new { category = "A", text = "已办。" }, HttpStatusCode.BadRequest, "text"),
        new("an evaluation without the verdict on the work", "answered", "deputy", "POST", "/api/items/{id}/evaluation", new { result = "Satisfied" }, HttpStatusCode.BadRequest, "work"),
        new("an evaluation without the verdict on the result", "answered", "deputy", "POST", "/api/items/{id}/evaluation", new { work = "Satisfied" }, HttpStatusCode.BadRequest, "result"),
        new("an evaluation before the answer", "contacted", "deputy", "POST", "/api/items/{id}/evaluation", new { work = "Satisfied", result = "Satisfied" }, HttpStatusCode.Conflict, "no_answer_to_evaluate"),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_is_refused_with_what_to_fix_and_changes_nothing(Case c)
    {
        var w = fixture.W;
        var item = await Arrange(c.State);
        var path = c.Path.Replace("{id}", item?.Id.ToString())
            .Replace("{request}", item?.UnitRequests.FirstOrDefault(r => r.State == RequestState.Pending)?.Id.ToString());
        var body = c.Body switch
        {
            "key" => new { isUrgent = false, isTroublesome = false, isDifficult = false, isLongOverdue = false, isKey = true, level = "City", version = item!.Version },
            // Marked urgent (it is not), with a field left out: nothing may change.
            "no level" => new { isUrgent = true, isTroublesome = false, isDifficult = false, isLongOverdue = false, isKey = false, version = item!.Version },
            "no urgency" => (object)new { isTroublesome = true, isDifficult = false, isLongOverdue = false, isKey = false, level = "District", version = item!.Version },
            _ => c.Body,
        };
        var before = await Fingerprint();

        var problem = await w.Refused(w.As(c.Who), new HttpMethod(c.Method), path, body, c.Status);

        Assert.False(string.IsNullOrWhiteSpace(problem.Code), "a refusal without a code");
        Assert.False(string.IsNullOrWhiteSpace(problem.Detail ?? problem.Errors.Values.FirstOrDefault()?.FirstOrDefault()), "a refusal without a message");
        Assert.True(problem.Errors.ContainsKey(c.Expect) || problem.Reason == c.Expect || problem.Code == c.Expect,
            $"expected {c.Expect}, got code {problem.Code}, reason {problem.Reason}, fields {string.Join(", ", problem.Errors.Keys)}");
        Assert.Equal(before, await Fingerprint());
    }

    private async Task<ItemDetail?> Arrange(string state)
    {
        var w = fixture.W;
        return state switch
        {
            "none" => null,
            "draft" => await w.DraftAsync(),
            "submitted" => await w.SubmittedAsync(),
            "registered" => await w.RegisteredItemAsync(),
            "assigned" => await w.AssignedItemAsync(),
            "signed" => await w.SignedAsync(),
            "contacted" => await w.ContactedAsync(),
            "answered" => await w.AnsweredAsync(),
            "return" => await w.Ok(w.Lead, HttpMethod.Post, $"/api/items/{(await w.AssignedItemAsync()).Id}/return", new { reason = "不属于本单位职责。" }),
            "extension" => await w.Ok(w.Lead, HttpMethod.Post, $"/api/items/{(await w.SignedAsync()).Id}/extension", new { dueAtUtc = Later, reason = "需要协调多个部门。" }),
            _ => throw new ArgumentOutOfRangeException(nameof(state)),
        };
    }

    /// <summary>Every item's state and version, every request, and the audit and notification counts.</summary>
    private Task<string> Fingerprint() => fixture.W.App.WithDb(async db => string.Join(";",
        string.Join(",", await db.Items.OrderBy(i => i.Id).Select(i => new { i.Id, i.State, i.Version }).ToListAsync()),
        string.Join(",", await db.ReturnRequests.OrderBy(r => r.Id).Select(r => new { r.Id, r.State }).ToListAsync()),
        string.Join(",", await db.ExtensionRequests.OrderBy(r => r.Id).Select(r => new { r.Id, r.State }).ToListAsync()),
        await db.AuditEntries.CountAsync(), await db.Notifications.CountAsync()));
}
