using System.Globalization;
using Xunit.Abstractions;

namespace Consultation.Browser.Tests;

/// <summary>
/// The record of a phone call with the deputy: the lead-unit handler completes the draft with a commitment of the
/// co-handling unit and sends it; the deputy confirms it with a remark; the printed file shows the record.
/// </summary>
public sealed class VisitRecordTests(ServerFixture server, ChromiumFixture chromium, ITestOutputHelper output)
    : BrowserTest(server, chromium, output)
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private readonly ItemMaker maker = new(chromium.Browser, server.BaseUrl);

    [Fact]
    public async Task A_handler_writes_a_record_with_a_commitment_the_deputy_confirms_it_and_the_printed_file_shows_it()
    {
        var title = ItemMaker.UniqueTitle("在学校周边施划临时停车位");
        var id = await maker.ContactedAsync(title);
        const string explained = "介绍了错峰共享停车的试点安排和施划计划。";
        const string promise = "一个月内在学校东门施划临时停车位";
        const string remark = "请施划后通知我到现场查看。";
        var due = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow.AddDays(30), Shanghai);

        await SignInAsync(DemoAccount.Handler);
        await Page.GotoAsync($"/items/{id}");
        var records = ByTestId("item-records");
        await Expect(records.GetByTestId("record-state")).ToHaveTextAsync("草稿");
        await records.GetByTestId("record-edit").ClickAsync();
        var dialog = ByTestId("dialog-record");
        await Expect(dialog.GetByTestId("record-opinion")).ToHaveValueAsync("电话向代表通报办理方案，代表希望尽快落实。");
        await dialog.GetByTestId("record-explained").FillAsync(explained);
        await dialog.GetByTestId("commitment-add").ClickAsync();
        await dialog.GetByTestId("commitment-text").FillAsync(promise);
        await dialog.GetByTestId("commitment-owner").ClickAsync();
        await Page.GetByRole(AriaRole.Option).Filter(new() { HasText = ItemMaker.CoUnit, Visible = true }).ClickAsync();
        await dialog.GetByTestId("commitment-due").FillAsync(due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await ByTestId("dialog-record-confirm").ClickAsync();
        await Expect(ByTestId("item-notice")).ToContainTextAsync("草稿已保存");
        await Expect(dialog).ToBeHiddenAsync();

        var commitment = records.Locator("[data-testid^='commitment-']").Filter(new() { HasText = promise });
        await Expect(commitment).ToContainTextAsync(ItemMaker.CoUnit);
        await Expect(commitment.GetByTestId("commitment-status")).ToHaveTextAsync("尚未跟踪");
        await records.GetByTestId("record-submit").ClickAsync();
        await ByTestId("dialog-record-submit-confirm").ClickAsync();
        await Expect(ByTestId("item-notice")).ToContainTextAsync("已提交代表确认");
        await Expect(records.GetByTestId("record-state")).ToHaveTextAsync("待代表确认");
        await Expect(records.GetByTestId("record-edit")).ToHaveCountAsync(0);

        await Page.Context.ClearCookiesAsync();
        await SignInAsync(DemoAccount.Deputy);
        await Page.GotoAsync($"/items/{id}");
        await Expect(records.GetByTestId("record-state")).ToHaveTextAsync("待代表确认");
        await Expect(records).ToContainTextAsync(explained);
        await records.GetByTestId("record-confirm").ClickAsync();
        await ByTestId("record-remark-input").FillAsync(remark);
        await ByTestId("dialog-record-confirm-confirm").ClickAsync();
        await Expect(ByTestId("item-notice")).ToContainTextAsync("回访记录已确认");
        await Expect(records.GetByTestId("record-state")).ToHaveTextAsync("代表已确认");
        await Expect(records.GetByTestId("record-remark")).ToContainTextAsync(remark);
        await Expect(commitment.GetByTestId("commitment-status")).ToHaveTextAsync("落实中");

        var print = await Page.Context.RunAndWaitForPageAsync(() => ByTestId("item-print").ClickAsync());
        await Expect(print.GetByTestId("print-file")).ToContainTextAsync(title);
        var visits = print.GetByTestId("print-section-visits");
        await Expect(visits.GetByTestId("record-state")).ToHaveTextAsync("代表已确认");
        await Expect(visits).ToContainTextAsync(explained);
        await Expect(visits).ToContainTextAsync(promise);
        await Expect(visits).ToContainTextAsync(ItemMaker.CoUnit);
        await Expect(visits).ToContainTextAsync(due.ToString("yyyy年M月d日", CultureInfo.InvariantCulture));
        await Expect(visits.GetByTestId("record-remark")).ToContainTextAsync(remark);
        await Expect(print.GetByTestId("print-section-units")).ToContainTextAsync(ItemMaker.LeadUnit);
        // On paper: no menu and no buttons.
        await Expect(print.Locator("nav, .el-menu")).ToHaveCountAsync(0);
        await print.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(print.GetByTestId("print-button")).ToBeHiddenAsync();
        await Expect(print.Locator("button:visible")).ToHaveCountAsync(0);
    }
}
