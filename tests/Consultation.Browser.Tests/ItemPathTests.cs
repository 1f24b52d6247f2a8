using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Consultation.Browser.Tests;

/// <summary>
/// Each role walks its main path through the item workflow in Chinese, on the real server with the demo data.
/// What a test only starts from (an item already submitted, assigned or answered) is made through the API by
/// <see cref="ItemMaker"/> under a title of its own, so the tests run alone, together and in any order.
/// </summary>
public sealed class ItemPathTests(ServerFixture server, ChromiumFixture chromium, ITestOutputHelper output)
    : BrowserTest(server, chromium, output)
{
    // A demo item of handler.transport's unit, assigned 55 days before the seed: its 10-day return window is long shut.
    private const string ItemAssignedLongAgo = "关于缩短118路公交候车时间、优化线路运营的建议";

    private readonly ItemMaker maker = new(chromium.Browser, server.BaseUrl);

    [Fact]
    public async Task A_deputy_on_a_phone_submits_a_suggestion_with_a_co_signer_and_sends_an_unsatisfying_answer_back()
    {
        var title = ItemMaker.UniqueTitle("在公交站台加装候车座椅");
        var answeredTitle = ItemMaker.UniqueTitle("延长118路末班车运营时间");
        await maker.AnsweredAsync(answeredTitle);
        await Page.SetViewportSizeAsync(375, 812);
        await SignInAsync(DemoAccount.Deputy);

        await ByTestId("home-new-item").ClickAsync();
        await ByTestId("draft-title").FillAsync(title);
        await ByTestId("draft-body").FillAsync("城区不少公交站台没有候车座椅，老年乘客和孕妇候车时只能长时间站立，雨雪天气尤为不便。");
        await ByTestId("draft-problem").FillAsync("公交站台缺少候车座椅。");
        await ByTestId("draft-requests").FillAsync("一是在客流较大的站台加装座椅；二是新建站台同步配置座椅。");
        await ChooseAsync(ByTestId("draft-cosigners"), "张秀英", outside: Page.Locator("h1.page-title"), typed: "张");
        await ByTestId("draft-save").ClickAsync();

        await Expect(ByTestId("draft-notice")).ToContainTextAsync("草稿已保存");
        await Expect(Page).ToHaveURLAsync(new Regex(@"/deputy/items/\d+/edit$"));
        await Expect(ByTestId("draft-cosigners")).ToContainTextAsync("张秀英");

        await ByTestId("draft-submit").ClickAsync();
        await Expect(ByTestId("dialog-submit")).ToContainTextAsync("不能再修改");
        await ByTestId("dialog-submit-confirm").ClickAsync();

        await Expect(ByTestId("item-title")).ToHaveTextAsync(title);
        await Expect(ByTestId("item-state")).ToHaveTextAsync("已提交");
        await Expect(ByTestId("item-signers")).ToContainTextAsync("张秀英");

        await OpenMenuEntryAsync("nav-my-items");
        var submitted = ItemRow(title);
        await Expect(submitted.GetByTestId("item-state")).ToHaveTextAsync("已提交");
        await Expect(submitted).ToContainTextAsync("领衔人");

        var answered = ItemRow(answeredTitle);
        await Expect(answered.GetByTestId("item-state")).ToHaveTextAsync("已答复");
        await OpenItemAsync(answered, answeredTitle);
        await Expect(ByTestId("evaluation-form")).ToBeVisibleAsync();
        await ByTestId("evaluation-work-Dissatisfied").ClickAsync();
        await ByTestId("evaluation-result-Dissatisfied").ClickAsync();
        await Expect(ByTestId("evaluation-reopens")).ToContainTextAsync("重新办理");
        await ByTestId("evaluation-submit").ClickAsync();

        await Expect(ByTestId("evaluation-comment-error")).ToHaveTextAsync("选择不满意时，请填写原因。");
        await Expect(ByTestId("item-state")).ToHaveTextAsync("已答复");

        await ByTestId("evaluation-comment").FillAsync("答复没有回应末班车与地铁末班车衔接的问题，希望重新研究。");
        await ByTestId("evaluation-submit").ClickAsync();

        await Expect(ByTestId("item-notice")).ToContainTextAsync("评价已提交");
        await Expect(ByTestId("item-state")).ToHaveTextAsync("重新办理");
        await Expect(Page.GetByText("正在重新办理，须于")).ToBeVisibleAsync();
        await Expect(ByTestId("evaluation-form")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_office_finds_a_submitted_item_registers_assigns_and_classifies_it_and_the_audit_trail_lists_each_change()
    {
        var title = ItemMaker.UniqueTitle("增设学校周边过街天桥");
        await maker.SubmittedAsync(title);
        const string plan = "由市交通运输局牵头，会同市公安局交通管理局开展学校周边过街设施排查，三个月内提出建设方案。";
        await SignInAsync(DemoAccount.Office);

        await OpenMenuEntryAsync("nav-office-items");
        await ByTestId("filter-q").FillAsync(title);
        await ByTestId("filter-q").PressAsync("Enter");
        await Expect(ByTestId("item-count")).ToHaveTextAsync("共 1 件");
        var row = ItemRow(title);
        await Expect(row.GetByTestId("item-state")).ToHaveTextAsync("已提交");
        await OpenItemAsync(row, title);

        await ByTestId("action-register").ClickAsync();
        await ByTestId("dialog-register-confirm").ClickAsync();
        await Expect(ByTestId("item-notice")).ToContainTextAsync("已登记编号");
        await Expect(ByTestId("item-state")).ToHaveTextAsync("已登记");
        await Expect(ByTestId("item-number")).ToHaveTextAsync(new Regex(@"^\d{4}-S-\d{4}$"));
        var number = await ByTestId("item-number").InnerTextAsync();

        await ByTestId("action-assign").ClickAsync();
        var assign = ByTestId("dialog-assign");
        var assignTitle = assign.Locator(".el-dialog__header");
        await ChooseAsync(assign.GetByTestId("assign-lead"), ItemMaker.LeadUnit, assignTitle);
        await ChooseAsync(assign.GetByTestId("assign-co"), ItemMaker.CoUnit, assignTitle);
        await ByTestId("dialog-assign-confirm").ClickAsync();
        await Expect(ByTestId("item-notice")).ToContainTextAsync("已交办");
        await Expect(ByTestId("item-state")).ToHaveTextAsync("已交办");
        await Expect(Assignment(ItemMaker.LeadUnit)).ToContainTextAsync("主办");
        await Expect(Assignment(ItemMaker.CoUnit)).ToContainTextAsync("协办");

        await ByTestId("action-classify").ClickAsync();
        await ByTestId("classify-isUrgent").ClickAsync();
        await ByTestId("classify-isKey").ClickAsync();
        await ByTestId("classify-plan").FillAsync(plan);
        await ByTestId("dialog-classify-confirm").ClickAsync();
        await Expect(ByTestId("item-notice")).ToContainTextAsync("分类标记已保存");
        var header = Page.Locator("header.item-header");
        await Expect(header).ToContainTextAsync("急事");
        await Expect(header).ToContainTextAsync("重点");

        await Page.GetByRole(AriaRole.Tab, new() { Name = "操作记录" }).ClickAsync();
        var entries = ByTestId("audit-trail").GetByTestId("audit-entry");
        var registered = entries.Filter(new() { HasText = number });
        await Expect(registered).ToHaveCountAsync(1);
        await Expect(registered).ToContainTextAsync("修改了建议提案");
        await Expect(registered).ToContainTextAsync("已登记");
        foreach (var (unit, role) in new[] { (ItemMaker.LeadUnit, "主办"), (ItemMaker.CoUnit, "协办") })
        {
            var assigned = entries.Filter(new() { HasText = "新增了交办" }).Filter(new() { HasText = unit });
            await Expect(assigned).ToHaveCountAsync(1);
            await Expect(assigned).ToContainTextAsync(role);
        }
        var classified = entries.Filter(new() { HasText = plan });
        await Expect(classified).ToHaveCountAsync(1);
        await Expect(classified).ToContainTextAsync("急事");
        await Expect(classified).ToContainTextAsync("重点件");
    }

    [Fact]
    public async Task A_handler_signs_for_an_assigned_item_records_progress_and_a_call_and_answers_it_but_cannot_return_an_old_one()
    {
        var title = ItemMaker.UniqueTitle("优化公交线路末班车时间");
        await maker.AssignedAsync(title);
        const string progress = "已签收，调取沿线客流数据，研究末班车调整方案。";
        const string answer = "经研究，我局已将该线路末班车延后30分钟，列入下季度运营计划，届时将与地铁末班车衔接。";
        await SignInAsync(DemoAccount.Handler);

        await OpenMenuEntryAsync("nav-inbox");
        var row = ItemRow(title);
        await Expect(row.GetByTestId("inbox-role")).ToHaveTextAsync("主办");
        await Expect(row.GetByTestId("inbox-signed")).ToHaveTextAsync("未签收");
        await OpenItemAsync(row, title);
        await Expect(ByTestId("item-state")).ToHaveTextAsync("已交办");
        await Expect(ByTestId("answer-hint")).ToHaveTextAsync("签收后才能答复。");

        await ByTestId("action-sign").ClickAsync();
        await ByTestId("dialog-sign-confirm").ClickAsync();
        await Expect(ByTestId("item-notice")).ToContainTextAsync("已签收");
        await Expect(ByTestId("item-state")).ToHaveTextAsync("办理中");
        await Expect(ByTestId("answer-hint")).ToContainTextAsync("答复前须至少与代表沟通一次");

        await ByTestId("action-progress").ClickAsync();
        await ByTestId("progress-text").FillAsync(progress);
        await ByTestId("dialog-progress-confirm").ClickAsync();
        await Expect(ByTestId("item-notice")).ToContainTextAsync("办理进度已记录");
        await Expect(ByTestId("progress-entry").Filter(new() { HasText = progress })).ToBeVisibleAsync();

        await ByTestId("action-contact").ClickAsync();
        var contact = ByTestId("dialog-contact");
        await contact.GetByText("答复前沟通", new() { Exact = true }).ClickAsync();
        await contact.GetByText("电话", new() { Exact = true }).ClickAsync();
        await ByTestId("contact-summary").FillAsync("电话向李建国代表通报末班车调整方案，代表表示认可。");
        await ByTestId("dialog-contact-confirm").ClickAsync();
        await Expect(ByTestId("item-notice")).ToContainTextAsync("沟通记录已保存");
        await Expect(ByTestId("answer-hint")).ToHaveCountAsync(0);

        await ByTestId("action-answer").ClickAsync();
        await ByTestId("answer-category-B").ClickAsync();
        await ByTestId("answer-text").FillAsync(answer);
        await ByTestId("dialog-answer-confirm").ClickAsync();
        await Expect(ByTestId("item-notice")).ToContainTextAsync("答复已发送");
        await Expect(ByTestId("item-state")).ToHaveTextAsync("已答复");
        var answers = ByTestId("item-answers");
        await Expect(answers).ToContainTextAsync(answer);
        await Expect(answers.GetByTestId("answer-category")).ToHaveTextAsync("B 正在解决或列入计划解决");

        await OpenMenuEntryAsync("nav-inbox");
        await OpenItemAsync(ItemRow(ItemAssignedLongAgo), ItemAssignedLongAgo);
        await Expect(ByTestId("return-window-end")).ToHaveTextAsync(new Regex("^退回申请期已于 .+ 截止$"));
        await Expect(ByTestId("item-actions")).ToBeVisibleAsync();
        await Expect(ByTestId("action-return")).ToHaveCountAsync(0);
        // The page offers no return; the server refuses one sent anyway, with the reason.
        var id = Regex.Match(Page.Url, @"/items/(\d+)").Groups[1].Value;
        var refused = await Page.APIRequest.PostAsync($"/api/items/{id}/return", new() { DataObject = new { reason = "交办单位有误，申请退回。" } });
        Assert.Equal(409, refused.Status);
        Assert.Contains("return window closed", await refused.TextAsync());
    }

    private ILocator ItemRow(string title) =>
        Page.Locator("[data-testid^='item-row-']").Filter(new() { HasText = title });

    /// <summary>Opens an item from its row in a list and waits for its page, so no list is left on screen.</summary>
    private async Task OpenItemAsync(ILocator row, string title)
    {
        await row.ClickAsync();
        await Expect(ByTestId("item-page").GetByTestId("item-title")).ToHaveTextAsync(title);
    }

    private ILocator Assignment(string unit) =>
        ByTestId("item-units").Locator("[data-testid^='assignment-']").Filter(new() { HasText = unit });

    /// <summary>Opens a page from the menu: the side menu on a desk, the drawer behind the menu button on a phone.</summary>
    private async Task OpenMenuEntryAsync(string testId)
    {
        var toggle = ByTestId("menu-toggle");
        if (await toggle.IsVisibleAsync())
            await toggle.ClickAsync();
        await ByTestId(testId).Filter(new() { Visible = true }).ClickAsync();
    }

    /// <summary>
    /// Picks an option of an Element Plus select, typing first for a remote search; a multiple select keeps its
    /// list open, so a click on <paramref name="outside"/> (a title nearby) closes it.
    /// </summary>
    private async Task ChooseAsync(ILocator select, string option, ILocator outside, string? typed = null)
    {
        await select.ClickAsync();
        if (typed is not null)
            await select.Locator("input").FillAsync(typed);
        var choice = Page.GetByRole(AriaRole.Option).Filter(new() { HasText = option, Visible = true });
        await choice.ClickAsync();
        await Expect(select).ToContainTextAsync(option);
        await outside.ClickAsync();
        await Expect(choice).ToBeHiddenAsync();
    }
}
