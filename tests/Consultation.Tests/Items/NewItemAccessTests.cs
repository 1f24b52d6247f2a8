using Microsoft.EntityFrameworkCore;

namespace Consultation.Tests.Items;

/// <summary>New items come from deputies (online drafts) and the office (paper items): nobody else adds one.</summary>
public sealed class NewItemAccessTests : IAsyncLifetime
{
    private ItemWorld _w = null!;

    public async Task InitializeAsync() => _w = await ItemWorld.CreateAsync();
    public async Task DisposeAsync() => await _w.DisposeAsync();

    [Fact]
    public async Task Only_deputies_write_drafts_and_only_the_office_registers_paper_items()
    {
        var draft = new { title = "关于增开夜间公交线路的建议", body = "夜间下班的市民出行不便，部分区域缺少夜班公交。" };
        var paper = new { kind = "Suggestion", level = "City", title = draft.title, body = draft.body, submitterDeputyId = _w.DeputyId };
        var before = await _w.App.WithDb(db => db.Items.CountAsync());

        foreach (var who in People.Everyone.Except(["deputy", "cosigner", "otherDeputy"]))
            await People.DeniedAsync(await _w.Send(_w.As(who), HttpMethod.Post, "/api/items", draft), who, "write a draft");
        foreach (var who in People.Everyone.Except(["office"]))
            await People.DeniedAsync(await _w.Send(_w.As(who), HttpMethod.Post, "/api/office/items", paper), who, "register a paper item");

        Assert.Equal(before, await _w.App.WithDb(db => db.Items.CountAsync()));
        await _w.Ok(_w.OtherDeputy, HttpMethod.Post, "/api/items", draft);
        await _w.Ok(_w.Office, HttpMethod.Post, "/api/office/items", paper);
    }
}
