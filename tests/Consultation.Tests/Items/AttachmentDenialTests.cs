using System.Net;
using Consultation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Consultation.Tests.Items.AttachmentTests;

namespace Consultation.Tests.Items;

/// <summary>People who see an item but may not add to it: refused with the rule named, and no file kept.</summary>
public sealed class AttachmentDenialTests : IAsyncLifetime
{
    private ItemWorld _w = null!;

    public async Task InitializeAsync() => _w = await ItemWorld.CreateAsync();
    public async Task DisposeAsync() => await _w.DisposeAsync();

    private async Task Refused(HttpClient who, int item, string purpose, HttpStatusCode status, string reason)
    {
        var problem = await Problem.ReadAsync(await who.PostAsync($"/api/items/{item}/attachments", Form(Pdf, "材料.pdf", purpose)), status);
        Assert.Equal(reason, problem.Reason);
        Assert.False(string.IsNullOrWhiteSpace(problem.Detail));
    }

    [Fact]
    public async Task Only_the_author_adds_to_a_draft_and_only_the_answering_unit_to_an_answer()
    {
        var draft = await _w.DraftAsync();
        await Refused(_w.CoSigner, draft.Id, "item", HttpStatusCode.Forbidden, "submitter_only");

        var signed = await _w.SignedAsync();
        await Refused(_w.Co, signed.Id, "answer", HttpStatusCode.Forbidden, "answering_unit_only");
        await Refused(_w.Office, signed.Id, "answer", HttpStatusCode.Forbidden, "answering_unit_only");
        await Refused(_w.Deputy, signed.Id, "answer", HttpStatusCode.Forbidden, "answering_unit_only");
        await Refused(_w.Deputy, signed.Id, "item", HttpStatusCode.Conflict, "already_submitted");
        await Refused(_w.Lead, signed.Id, "item", HttpStatusCode.Forbidden, "submitter_only");

        var assigned = await _w.AssignedItemAsync();
        await Refused(_w.Lead, assigned.Id, "answer", HttpStatusCode.Conflict, "not_waiting_for_answer");

        Assert.Equal(0, await _w.App.WithDb(db => db.Attachments.CountAsync()));
        Assert.Empty(Directory.EnumerateFiles(_w.AttachmentsFolder, "*", SearchOption.AllDirectories));
    }
}
