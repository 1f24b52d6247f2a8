namespace Consultation.Browser.Tests;

/// <summary>
/// Items at the stage a test starts from, made through the API by the people who would make them: deputy.li
/// submits, the office registers and assigns to 市交通运输局 (lead) with 市公安局交通管理局 (co-handling),
/// handler.transport signs for, records a phone call and answers. Each test makes its own, under a title
/// no other test uses, so tests share the server without sharing items.
/// </summary>
public sealed class ItemMaker(IBrowser browser, Uri baseUrl)
{
    public const string LeadUnit = "市交通运输局";
    public const string CoUnit = "市公安局交通管理局";

    /// <summary>A title nobody else has, to find the item by in lists and search.</summary>
    public static string UniqueTitle(string subject) => $"关于{subject}的建议（{Guid.NewGuid().ToString("N")[..8]}）";

    public async Task<int> SubmittedAsync(string title)
    {
        await using var deputy = await ApiActor.SignInAsync(browser, baseUrl, DemoAccount.Deputy);
        var draft = await deputy.PostAsync("/api/items", new
        {
            title,
            body = "早晚高峰时段沿线站点候车人数多，车辆满载，老年乘客上车困难，希望有关部门研究解决。",
            problem = "高峰时段运力不足。",
            requests = "高峰时段加密班次。",
            express = false,
            coSignerIds = Array.Empty<int>(),
        });
        var id = draft.GetProperty("id").GetInt32();
        await deputy.PostAsync($"/api/items/{id}/submit");
        return id;
    }

    public async Task<int> AssignedAsync(string title)
    {
        var id = await SubmittedAsync(title);
        await using var office = await ApiActor.SignInAsync(browser, baseUrl, DemoAccount.Office);
        var units = (await office.GetAsync("/api/units")).EnumerateArray()
            .ToDictionary(u => u.GetProperty("name").GetString()!, u => u.GetProperty("id").GetInt32());
        await office.PostAsync($"/api/items/{id}/register");
        await office.PostAsync($"/api/items/{id}/assign", new { leadUnitId = units[LeadUnit], coUnitIds = new[] { units[CoUnit] } });
        return id;
    }

    /// <summary>Signed for, with a phone call before the answer recorded: a held visit whose record is a draft.</summary>
    public async Task<int> ContactedAsync(string title)
    {
        var id = await AssignedAsync(title);
        await using var handler = await ApiActor.SignInAsync(browser, baseUrl, DemoAccount.Handler);
        await handler.PostAsync($"/api/items/{id}/sign");
        await handler.PostAsync($"/api/items/{id}/contacts", new
        {
            phase = "BeforeAnswer",
            method = "Phone",
            atUtc = DateTime.UtcNow.AddHours(-1),
            durationMinutes = 20,
            summary = "电话向代表通报办理方案，代表希望尽快落实。",
        });
        return id;
    }

    public async Task<int> AnsweredAsync(string title)
    {
        var id = await ContactedAsync(title);
        await using var handler = await ApiActor.SignInAsync(browser, baseUrl, DemoAccount.Handler);
        await handler.PostAsync($"/api/items/{id}/answer", new
        {
            category = "D",
            text = "经研究，该线路暂不具备加密班次的条件，您的意见我们将在今后线网优化中参考。",
        });
        return id;
    }
}
