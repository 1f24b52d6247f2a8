using System.Net;
using Consultation.Items;
using Consultation.Outcomes;

namespace Consultation.Tests.Items;

public sealed class ItemLifeTests : IAsyncLifetime
{
    private ItemWorld _w = null!;
    private static readonly HttpMethod Post = HttpMethod.Post;

    public async Task InitializeAsync() => _w = await ItemWorld.CreateAsync();
    public async Task DisposeAsync() => await _w.DisposeAsync();

    [Fact]
    public async Task An_item_goes_from_registration_through_a_re_handling_to_closing_with_every_deadline_kept()
    {
        var w = _w;
        var item = await w.RegisteredItemAsync();
        Assert.Equal("2026-S-0001", item.Number);
        Assert.Equal(ItemState.Registered, item.State);
        var id = item.Id;

        // Assigned: the lead unit answers within 3 months, the co-handling unit gives its opinion within 1.
        var assignedAt = w.Now;
        item = await w.Ok(w.Office, Post, $"/api/items/{id}/assign", new { leadUnitId = w.LeadUnitId, coUnitIds = new[] { w.CoUnitId } });
        Assert.Equal(ItemState.Assigned, item.State);
        var lead = item.Assignments.Single(a => a.Role == AssignmentRole.Lead);
        var co = item.Assignments.Single(a => a.Role == AssignmentRole.Co);
        Assert.Equal(assignedAt.AddMonths(3), lead.DueAtUtc);
        Assert.Equal(assignedAt.AddMonths(1), co.DueAtUtc);
        Assert.Equal(assignedAt.AddDays(10), lead.ReturnWindowEndsUtc);
        Assert.Equal(assignedAt.AddMonths(3), item.DueAtUtc);

        w.Advance(TimeSpan.FromDays(2));
        item = await w.Ok(w.Lead, Post, $"/api/items/{id}/sign");
        Assert.Equal(ItemState.InHandling, item.State);
        await w.Ok(w.Co, Post, $"/api/items/{id}/sign");
        item = await w.Ok(w.Lead, Post, $"/api/items/{id}/progress", new { text = "已召开专题会研究学校周边停车方案。" });
        Assert.Equal("已召开专题会研究学校周边停车方案。", Assert.Single(item.Progress).Text);
        item = await w.Ok(w.Co, Post, $"/api/items/{id}/opinion", new { text = "建议在放学时段增派警力疏导。" });
        Assert.Single(item.Opinions);

        // No answer without a contact with the deputy first.
        var refused = await w.Refused(w.Lead, Post, $"/api/items/{id}/answer", new { category = "B", text = "已列入明年计划，逐步增加停车泊位。" }, HttpStatusCode.Conflict);
        Assert.Contains("Contact the deputy", refused.Detail);
        Assert.Equal("contact_first", refused.Reason);

        // An extension never goes past 6 months from assignment.
        var tooLate = await w.Refused(w.Lead, Post, $"/api/items/{id}/extension",
            new { dueAtUtc = assignedAt.AddMonths(6).AddDays(1), reason = "需协调多个部门。" }, HttpStatusCode.Conflict);
        Assert.Contains(assignedAt.AddMonths(6).ToString("yyyy-MM-dd"), tooLate.Detail);
        item = await w.Ok(w.Lead, Post, $"/api/items/{id}/extension", new { dueAtUtc = assignedAt.AddMonths(5), reason = "需协调多个部门。" });
        var extension = Assert.Single(item.UnitRequests, r => r.Kind == "extension");
        item = await w.Ok(w.Office, Post, $"/api/extensions/{extension.Id}/decision", new { approve = true, note = "同意。" });
        Assert.Equal(assignedAt.AddMonths(5), item.DueAtUtc);
        var seenByDeputy = await w.Get<ItemDetail>(w.Deputy, $"/api/items/{id}");
        Assert.Equal("需协调多个部门。", Assert.Single(seenByDeputy.UnitRequests).Reason);
        Assert.Empty(seenByDeputy.Opinions);

        item = await w.Ok(w.Lead, Post, $"/api/items/{id}/contacts",
            new { phase = "BeforeAnswer", method = "Phone", atUtc = w.Now.AddHours(-1), durationMinutes = 20, summary = "代表希望尽快试点。" });
        Assert.Contains("answer", item.Actions);
        item = await w.Ok(w.Lead, Post, $"/api/items/{id}/answer", new { category = "B", text = "已列入明年计划，逐步增加停车泊位。" });
        Assert.Equal(ItemState.Answered, item.State);
        Assert.Equal(DeadlineStatus.None, item.Deadline);

        // Dissatisfied needs a comment, then opens a re-handling due a month later.
        w.Advance(TimeSpan.FromDays(3));
        var noComment = await w.Refused(w.Deputy, Post, $"/api/items/{id}/evaluation",
            new { work = "BasicallySatisfied", result = "Dissatisfied" }, HttpStatusCode.BadRequest);
        Assert.Contains("comment", noComment.Errors.Keys);
        var evaluatedAt = w.Now;
        item = await w.Ok(w.Deputy, Post, $"/api/items/{id}/evaluation",
            new { work = "BasicallySatisfied", result = "Dissatisfied", comment = "试点范围太小。" });
        Assert.Equal(ItemState.ReHandling, item.State);
        Assert.Equal(evaluatedAt.AddMonths(1), Assert.Single(item.ReHandlings).DueAtUtc);
        Assert.Equal(evaluatedAt.AddMonths(1), item.DueAtUtc);
        Assert.Equal(DeadlineStatus.OnTrack, item.Deadline);

        w.Advance(TimeSpan.FromDays(25));
        Assert.Equal(DeadlineStatus.DueSoon, (await w.Get<ItemDetail>(w.Lead, $"/api/items/{id}")).Deadline);
        item = await w.Ok(w.Lead, Post, $"/api/items/{id}/answer", new { category = "A", text = "已在全市中小学周边推广错峰共享停车。" });
        Assert.Equal(ItemState.Answered, item.State);
        Assert.True(item.Responses.Last().IsReHandling);
        Assert.NotNull(Assert.Single(item.ReHandlings).AnsweredAtUtc);

        item = await w.Ok(w.Deputy, Post, $"/api/items/{id}/evaluation", new { work = "Satisfied", result = "Satisfied" });
        Assert.Equal(ItemState.Evaluated, item.State);
        Assert.Equal(Satisfaction.Satisfied, item.Responses.Last().Evaluations.Single().Result);

        item = await w.Ok(w.Office, Post, $"/api/items/{id}/close");
        Assert.Equal(ItemState.Closed, item.State);
        Assert.False(item.UnderTracking);
    }

    [Fact]
    public async Task A_unit_returns_a_wrongly_assigned_item_within_ten_days_and_the_office_re_assigns_it()
    {
        var w = _w;
        var id = (await w.Ok(w.Office, Post, $"/api/items/{(await w.RegisteredItemAsync()).Id}/assign",
            new { leadUnitId = w.OtherUnitId })).Id;
        w.Advance(TimeSpan.FromDays(9));

        var item = await w.Ok(w.OtherUnit, Post, $"/api/items/{id}/return", new { reason = "停车管理不属于文物部门职责。" });
        var request = Assert.Single(item.UnitRequests, r => r.Kind == "return");
        await w.Refused(w.OtherUnit, Post, $"/api/items/{id}/return", new { reason = "再次申请。" }, HttpStatusCode.Conflict);
        item = await w.Ok(w.Office, Post, $"/api/returns/{request.Id}/decision", new { approve = true, note = "改由交通部门办理。" });
        Assert.Equal(ItemState.Registered, item.State);
        Assert.Contains("assign", item.Actions);

        item = await w.Ok(w.Office, Post, $"/api/items/{id}/assign", new { leadUnitId = w.LeadUnitId });
        Assert.Equal(ItemState.Assigned, item.State);
        Assert.Equal(w.Now.AddMonths(3), item.DueAtUtc);
        Assert.Contains(item.Assignments, a => a.UnitId == w.OtherUnitId && a.State == AssignmentState.Returned);
    }

    [Fact]
    public async Task After_the_return_window_a_unit_is_told_it_must_handle_the_item()
    {
        var w = _w;
        var id = (await w.AssignedItemAsync()).Id;
        w.Advance(TimeSpan.FromDays(10) + TimeSpan.FromMinutes(1));

        var refused = await w.Refused(w.Lead, Post, $"/api/items/{id}/return", new { reason = "不属于本单位职责。" }, HttpStatusCode.Conflict);

        Assert.Contains("return window closed", refused.Detail);
        Assert.Equal("return_window_closed", refused.Reason);
        Assert.Empty((await w.Get<ItemDetail>(w.Lead, $"/api/items/{id}")).UnitRequests);
    }

    [Fact]
    public async Task An_express_item_goes_to_one_unit_and_is_due_in_fifteen_days()
    {
        var w = _w;
        var item = await w.RegisteredItemAsync("洗车点占道影响通行", express: true);
        Assert.Equal(ItemKind.Express, item.Kind);
        Assert.StartsWith("2026-E-", item.Number);

        var tooMany = await w.Refused(w.Office, Post, $"/api/items/{item.Id}/assign",
            new { leadUnitId = w.LeadUnitId, coUnitIds = new[] { w.CoUnitId } }, HttpStatusCode.BadRequest);
        Assert.Contains("one unit", tooMany.Detail);
        item = await w.Ok(w.Office, Post, $"/api/items/{item.Id}/assign", new { leadUnitId = w.CoUnitId });

        Assert.Equal(w.Now.AddDays(15), item.DueAtUtc);
    }

    [Fact]
    public async Task Due_soon_and_overdue_follow_the_clock_in_the_unit_inbox_and_the_office_list()
    {
        var w = _w;
        var id = (await w.AssignedItemAsync()).Id;

        w.Advance(TimeSpan.FromDays(87)); // due 2026-06-10, 92 days after 2026-03-10: 5 days left
        var inbox = await w.Get<InboxRow[]>(w.Lead, "/api/inbox");
        Assert.Equal(DeadlineStatus.DueSoon, Assert.Single(inbox).Deadline);
        Assert.Equal(1, (await w.Get<ItemPage>(w.Office, "/api/items?dueSoon=true")).Total);

        w.Advance(TimeSpan.FromDays(10));
        Assert.Equal(DeadlineStatus.Overdue, Assert.Single(await w.Get<InboxRow[]>(w.Lead, "/api/inbox")).Deadline);
        Assert.Equal(id, Assert.Single((await w.Get<ItemPage>(w.Office, "/api/items?overdue=true")).Items).Id);
        Assert.Equal(0, (await w.Get<ItemPage>(w.Office, "/api/items?dueSoon=true")).Total);
    }

    [Fact]
    public async Task A_submitted_item_can_no_longer_be_edited_by_its_author_and_a_rejection_reason_reaches_the_author()
    {
        var w = _w;
        var draft = await w.Ok(w.Deputy, Post, "/api/items", new { title = "关于加强老城风貌保护的建议", body = "老城胡同风貌受到破坏，需要加强保护。", express = false });
        Assert.Equal(ItemState.Draft, draft.State);
        Assert.Equal(0, (await w.Get<ItemPage>(w.Office, "/api/items")).Total);
        await w.Ok(w.Deputy, Post, $"/api/items/{draft.Id}/submit");

        var edit = await w.Refused(w.Deputy, HttpMethod.Put, $"/api/items/{draft.Id}",
            new { title = "关于老城保护的新标题", body = "老城胡同风貌受到破坏，需要加强保护。", express = false, version = draft.Version }, HttpStatusCode.Conflict);
        Assert.Contains("can no longer be edited", edit.Detail);

        await w.Ok(w.Office, Post, $"/api/items/{draft.Id}/reject", new { reason = "内容属于信访事项，请通过信访渠道反映。" });
        var seen = await w.Get<ItemDetail>(w.Deputy, $"/api/items/{draft.Id}");
        Assert.Equal(ItemState.Rejected, seen.State);
        Assert.Equal("内容属于信访事项，请通过信访渠道反映。", seen.RejectionReason);
    }
}
