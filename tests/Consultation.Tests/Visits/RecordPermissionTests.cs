using System.Net;
using Consultation.Tests.Items;
using Consultation.Visits;
using Microsoft.EntityFrameworkCore;
using static Consultation.Tests.Visits.RecordWorld;

namespace Consultation.Tests.Visits;

/// <summary>
/// Every visit-record endpoint, called by every kind of person: only the people the rules allow succeed; everyone
/// else gets 401, 403 or 404 and nothing changes (no audit entry, no notification).
/// </summary>
public sealed class RecordPermissionTests(RecordPermissionTests.World fixture) : IClassFixture<RecordPermissionTests.World>
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

    public sealed record Case(string Name, string State, string Method, string Path, string Body, string[] Allowed)
    {
        public override string ToString() => Name;
    }

    // The co-signer was not invited to the visit, so it is not theirs to see.
    public static TheoryData<Case> Cases => new()
    {
        new("read a visit's records", "submitted", "GET", "/api/visits/{visit}/records", "", ["deputy", "lead", "co", "office"]),
        new("read an item's records", "submitted", "GET", "/api/items/{item}/records", "", ["deputy", "cosigner", "lead", "co", "office"]),
        new("write a record", "held", "POST", "/api/visits/{visit}/records", "write", ["lead"]),
        new("edit a draft", "draft", "PUT", "/api/records/{record}", "edit", ["lead"]),
        new("submit a draft", "draft", "POST", "/api/records/{record}/submit", "version", ["lead"]),
        new("confirm a record", "submitted", "POST", "/api/records/{record}/confirm", "remark", ["deputy"]),
        new("amend a record", "confirmed", "POST", "/api/records/{record}/amendment", "amend", ["lead"]),
        new("mark a commitment done", "submitted", "POST", "/api/commitments/{commitment}/done", "commitment", ["co"]),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Only_the_people_the_rules_allow_can_do_it(Case c)
    {
        var w = fixture.W;
        var (item, visit, records) = await Arrange(c.State);
        var record = records?.Records.Last();
        var path = c.Path.Replace("{item}", item.ToString()).Replace("{visit}", visit.ToString())
            .Replace("{record}", record?.Id.ToString()).Replace("{commitment}", record?.Commitments.FirstOrDefault()?.Id.ToString());
        object? body = c.Body switch
        {
            "write" => Body([Commitment(w.CoUnitId, w.Now.AddDays(10))]),
            "edit" => Body([], opinion: "改写后的意见", version: record!.Version),
            "amend" => Body([], opinion: "补充：代表希望年内完成。"),
            "remark" => new { remark = "请按期落实。", version = record!.Version },
            "version" => new { version = record!.Version },
            "commitment" => new { version = record!.Commitments[0].Version },
            _ => null,
        };

        foreach (var who in Everyone.Except(c.Allowed))
        {
            var before = await Fingerprint();
            var response = await w.Send(Client(who), new HttpMethod(c.Method), path, body);
            Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound,
                $"{who} may not {c.Name}, yet got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            Assert.Equal(before, await Fingerprint());
        }
        foreach (var who in c.Allowed.Take(c.Method == "GET" ? c.Allowed.Length : 1))
        {
            var allowed = await w.Send(Client(who), new HttpMethod(c.Method), path, body);
            Assert.True(allowed.IsSuccessStatusCode, $"{who} may {c.Name}: {(int)allowed.StatusCode} {await allowed.Content.ReadAsStringAsync()}");
        }
    }

    [Fact]
    public async Task A_draft_is_the_units_working_paper_deputies_neither_see_nor_confirm_it()
    {
        var w = fixture.W;
        var (_, visit, records) = await Arrange("draft");
        var draft = records!.Records.Single();

        Assert.Empty((await w.RecordsAsync(w.Deputy, visit)).Records);
        Assert.Single((await w.RecordsAsync(w.Co, visit)).Records);
        var confirm = await w.Refused(w.Deputy, HttpMethod.Post, $"/api/records/{draft.Id}/confirm", new { version = draft.Version }, HttpStatusCode.NotFound);
        Assert.Equal("not_found", confirm.Code);
        var co = await w.Refused(w.Co, HttpMethod.Put, $"/api/records/{draft.Id}", Body([], version: draft.Version), HttpStatusCode.Forbidden);
        Assert.Equal("lead_unit_only", co.Reason);
    }

    private async Task<(int Item, int Visit, VisitRecords? Records)> Arrange(string state)
    {
        var w = fixture.W;
        var (item, visit) = await w.HeldVideoVisitAsync();
        if (state == "held")
            return (item.Id, visit.Id, null);
        var records = await w.WriteAsync(visit.Id, Body([Commitment(w.CoUnitId, w.Now.AddDays(10))]));
        if (state != "draft")
            records = await w.SubmitAsync(records.Records.Single());
        if (state == "confirmed")
            records = await w.ConfirmAsync(records.Records.Single());
        return (item.Id, visit.Id, records);
    }

    private Task<(int, int)> Fingerprint() =>
        fixture.W.App.WithDb(async db => (await db.AuditEntries.CountAsync(), await db.Notifications.CountAsync()));
}
