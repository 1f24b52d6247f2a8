using System.Net;
using System.Text.Json;
using Consultation.Items;
using Microsoft.EntityFrameworkCore;

namespace Consultation.Tests.Items;

public sealed class EditingTests : IAsyncLifetime
{
    private ItemWorld _w = null!;

    public async Task InitializeAsync() => _w = await ItemWorld.CreateAsync();
    public async Task DisposeAsync() => await _w.DisposeAsync();

    [Fact]
    public async Task The_second_of_two_office_staff_classifying_an_item_is_told_who_changed_what_and_nothing_is_lost()
    {
        var w = _w;
        await w.App.CreateUserAsync("office2", Consultation.Accounts.Roles.Office);
        var secondOffice = await w.App.SignInAsync("office2");
        var opened = await w.AssignedItemAsync();

        await w.Ok(w.Office, HttpMethod.Put, $"/api/items/{opened.Id}/classification", new
        {
            isUrgent = true, isTroublesome = false, isDifficult = false, isLongOverdue = false, isKey = true,
            handlingPlan = "分管副市长牵头，月底前完成试点。", level = "City", version = opened.Version,
        });
        var response = await w.Send(secondOffice, HttpMethod.Put, $"/api/items/{opened.Id}/classification", new
        {
            isUrgent = false, isTroublesome = true, isDifficult = false, isLongOverdue = false, isKey = false,
            level = "City", version = opened.Version,
        });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("edit_conflict", problem.GetProperty("code").GetString());
        Assert.Equal("office", problem.GetProperty("changedBy").GetString());
        var fields = problem.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("field").GetString()!).ToArray();
        Assert.Equal(["isUrgent", "isTroublesome", "isKey", "handlingPlan"], fields);
        Assert.Contains("office saved this item", problem.GetProperty("detail").GetString());
        var kept = await w.Get<ItemDetail>(w.Office, $"/api/items/{opened.Id}");
        Assert.True(kept.IsKey);
        Assert.Equal(["urgent"], kept.Tags);
    }

    [Fact]
    public async Task A_co_signer_taken_off_a_draft_no_longer_sees_it_and_can_be_added_back()
    {
        var w = _w;
        var draft = await w.DraftAsync();
        Assert.Contains(draft.Signers, s => s.DeputyId == w.CoSignerId);

        var edited = await w.Ok(w.Deputy, HttpMethod.Put, $"/api/items/{draft.Id}", new
        {
            title = draft.Title, body = draft.Body, express = false, coSignerIds = Array.Empty<int>(), version = draft.Version,
        });
        Assert.DoesNotContain(edited.Signers, s => s.DeputyId == w.CoSignerId);
        Assert.Equal(HttpStatusCode.NotFound, (await w.CoSigner.GetAsync($"/api/items/{draft.Id}")).StatusCode);
        Assert.True(await w.App.WithDb(db => db.ItemSigners.IgnoreQueryFilters().AnyAsync(s => s.DeputyId == w.CoSignerId && s.WithdrawnAtUtc != null)));

        var back = await w.Ok(w.Deputy, HttpMethod.Put, $"/api/items/{draft.Id}", new
        {
            title = draft.Title, body = draft.Body, express = false, coSignerIds = new[] { w.CoSignerId }, version = edited.Version,
        });
        Assert.Contains(back.Signers, s => s.DeputyId == w.CoSignerId && !s.Confirmed);
        Assert.Equal(HttpStatusCode.OK, (await w.CoSigner.GetAsync($"/api/items/{draft.Id}")).StatusCode);
    }

    [Fact]
    public async Task The_audit_trail_shows_who_did_what_to_the_item_to_its_units_and_the_office_only()
    {
        var w = _w;
        var item = await w.SignedAsync();

        var trail = await w.Get<AuditDto[]>(w.Office, $"/api/items/{item.Id}/audit");

        Assert.Contains(trail, a => a.Actor == "office" && a.EntityType == "Assignment" && a.Action == "Added");
        Assert.Contains(trail, a => a.Actor == "lead" && a.EntityType == "Assignment" && a.Action == "Modified" && a.After!.Contains("SignedForAtUtc"));
        Assert.Contains(trail, a => a.Actor == "deputy" && a.EntityType == "Item" && a.Action == "Added");
        Assert.Equal(HttpStatusCode.NotFound, (await w.Deputy.GetAsync($"/api/items/{item.Id}/audit")).StatusCode);
    }
}
