using System.Net;
using Consultation.Tests.Items;
using Consultation.Visits;
using Microsoft.EntityFrameworkCore;
using static Consultation.Tests.Visits.RecordWorld;

namespace Consultation.Tests.Visits;

/// <summary>Visit-record writes with one bad field, a stale version or at the wrong step: a problem naming what to do, and nothing changed.</summary>
public sealed class RecordBadInputTests : IAsyncLifetime
{
    private ItemWorld _w = null!;

    public async Task InitializeAsync() => _w = await ItemWorld.CreateAsync();
    public async Task DisposeAsync() => await _w.DisposeAsync();

    /// <summary>Every record's state and version, every commitment's, and the audit and notification counts.</summary>
    private Task<string> Fingerprint() => _w.App.WithDb(async db => string.Join(";",
        string.Join(",", await db.VisitRecords.OrderBy(r => r.Id).Select(r => new { r.Id, r.State, r.Version }).ToListAsync()),
        string.Join(",", await db.Commitments.OrderBy(c => c.Id).Select(c => new { c.Id, c.DoneAtUtc, c.Version }).ToListAsync()),
        await db.AuditEntries.CountAsync(), await db.Notifications.CountAsync()));

    private async Task Refused(HttpClient who, HttpMethod method, string path, object body, HttpStatusCode status, string expect)
    {
        var before = await Fingerprint();
        var problem = await _w.Refused(who, method, path, body, status);
        Assert.True(problem.Errors.ContainsKey(expect) || problem.Reason == expect || problem.Code == expect,
            $"expected {expect}, got code {problem.Code}, reason {problem.Reason}, fields {string.Join(", ", problem.Errors.Keys)}");
        Assert.False(string.IsNullOrWhiteSpace(problem.Detail ?? problem.Errors.Values.FirstOrDefault()?.FirstOrDefault()));
        Assert.Equal(before, await Fingerprint());
    }

    [Fact]
    public async Task A_record_without_its_method_or_edited_from_a_stale_copy_is_refused()
    {
        var (_, visit) = await _w.HeldVideoVisitAsync();
        await Refused(_w.Lead, HttpMethod.Post, $"/api/visits/{visit.Id}/records",
            new { participants = "李建国、lead", deputyOpinion = "希望尽快增加临时停车位。" }, HttpStatusCode.BadRequest, "methodUsed");

        var draft = (await _w.WriteAsync(visit.Id, Body([]))).Records.Single();
        await Refused(_w.Lead, HttpMethod.Put, $"/api/records/{draft.Id}", Body([], opinion: "改写后的意见", version: Guid.NewGuid()), HttpStatusCode.Conflict, "edit_conflict");
        await Refused(_w.Lead, HttpMethod.Post, $"/api/records/{draft.Id}/amendment", Body([], opinion: "补充。"), HttpStatusCode.Conflict, "record_not_confirmed");
    }

    [Fact]
    public async Task A_stale_or_overlong_confirmation_and_a_second_done_are_refused()
    {
        var (_, visit) = await _w.HeldVideoVisitAsync();
        var draft = (await _w.WriteAsync(visit.Id, Body([Commitment(_w.CoUnitId, _w.Now.AddDays(10))]))).Records.Single();
        var submitted = (await _w.SubmitAsync(draft)).Records.Single();
        var confirm = $"/api/records/{submitted.Id}/confirm";

        await Refused(_w.Deputy, HttpMethod.Post, confirm, new { remark = new string('好', 4_001), version = submitted.Version }, HttpStatusCode.BadRequest, "remark");
        await Refused(_w.Deputy, HttpMethod.Post, confirm, new { version = Guid.NewGuid() }, HttpStatusCode.Conflict, "edit_conflict");

        var commitment = submitted.Commitments.Single();
        var done = await _w.Ok<VisitRecords>(_w.Co, HttpMethod.Post, $"/api/commitments/{commitment.Id}/done", new { version = commitment.Version });
        var now = done.Records.Single().Commitments.Single();
        Assert.NotNull(now.DoneAtUtc);
        await Refused(_w.Co, HttpMethod.Post, $"/api/commitments/{commitment.Id}/done", new { version = now.Version }, HttpStatusCode.Conflict, "commitment_done");
    }
}
