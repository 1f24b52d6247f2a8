using System.Net;
using Consultation.Items;

namespace Consultation.Tests.Items;

/// <summary>The lists of items (the office's list, a unit's inbox, a deputy's own) and the deputy directory: by role, and nothing of others.</summary>
public sealed class ListAccessTests(ListAccessTests.World fixture) : IClassFixture<ListAccessTests.World>
{
    public sealed class World : IAsyncLifetime
    {
        public ItemWorld W { get; private set; } = null!;
        public ItemDetail Item { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            W = await ItemWorld.CreateAsync();
            Item = await W.SignedAsync();
        }

        public async Task DisposeAsync() => await W.DisposeAsync();
    }

    public static TheoryData<string, string> Lists => new()
    {
        { "/api/items", "office" },
        { "/api/inbox", "lead,co,otherUnit" },
        { "/api/my/items", "deputy,cosigner,otherDeputy" },
        { "/api/deputies/directory", "deputy,cosigner,otherDeputy,office" },
        { "/api/sessions", "lead,co,otherUnit,office" },
        { "/api/home", "deputy,cosigner,otherDeputy,lead,co,otherUnit,office,admin" },
    };

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task Each_list_answers_its_roles_and_refuses_everyone_else_with_a_problem(string path, string allowed)
    {
        var w = fixture.W;
        var mayRead = allowed.Split(',');
        foreach (var who in People.Everyone)
        {
            var response = await w.As(who).GetAsync(path);
            if (mayRead.Contains(who))
                Assert.True(response.IsSuccessStatusCode, $"{who} may read {path}: {(int)response.StatusCode}");
            else
                await People.DeniedAsync(response, who, $"read {path}");
        }
    }

    [Fact]
    public async Task An_unrelated_unit_and_deputy_find_nothing_of_the_item_in_their_lists()
    {
        var w = fixture.W;
        var id = fixture.Item.Id;

        Assert.DoesNotContain(await w.Get<InboxRow[]>(w.OtherUnit, "/api/inbox"), r => r.Item.Id == id);
        Assert.DoesNotContain(await w.Get<MyItemRow[]>(w.OtherDeputy, "/api/my/items"), r => r.Item.Id == id);
        Assert.Contains(await w.Get<InboxRow[]>(w.Co, "/api/inbox"), r => r.Item.Id == id);
        Assert.Contains(await w.Get<MyItemRow[]>(w.CoSigner, "/api/my/items"), r => r.Item.Id == id);
        foreach (var who in new[] { "otherUnit", "otherDeputy" })
        {
            var home = await w.As(who).GetStringAsync("/api/home");
            Assert.DoesNotContain(fixture.Item.Number!, home);
            Assert.DoesNotContain(fixture.Item.Title, home);
        }
    }
}
