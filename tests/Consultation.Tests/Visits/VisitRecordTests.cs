using System.Net;
using Consultation.Items;
using Consultation.Tests.Items;
using Consultation.Visits;
using Microsoft.EntityFrameworkCore;
using static Consultation.Tests.Visits.RecordWorld;

namespace Consultation.Tests.Visits;

public sealed class VisitRecordTests : IAsyncLifetime
{
    private ItemWorld _w = null!;

    public async Task InitializeAsync() => _w = await ItemWorld.CreateAsync();
    public async Task DisposeAsync() => await _w.DisposeAsync();

    [Fact]
    public async Task A_record_goes_from_draft_to_the_deputy_to_confirmed_and_changes_only_by_a_confirmed_amendment()
    {
        var w = _w;
        var (item, visit) = await w.HeldVideoVisitAsync();

        var blank = await w.RecordsAsync(w.Lead, visit.Id);
        Assert.Contains("write", blank.Actions);
        Assert.Contains("李建国", blank.Draft!.People);
        Assert.Contains(blank.Draft.People, p => p.StartsWith("lead (市交通运输局", StringComparison.Ordinal));
        Assert.Equal(VisitMethod.Video, blank.Draft.MethodUsed);

        var draft = (await w.WriteAsync(visit.Id, Body([Commitment(w.CoUnitId, w.Now.AddDays(20))]))).Records.Single();
        Assert.Equal(RecordState.Draft, draft.State);
        Assert.Equal(["edit", "submit"], draft.Actions);
        Assert.Empty((await w.RecordsAsync(w.Deputy, visit.Id)).Records);

        var edited = (await w.Ok<VisitRecords>(w.Lead, HttpMethod.Put, $"/api/records/{draft.Id}", Body(
            [Commitment(w.CoUnitId, w.Now.AddDays(30), "调整信号灯配时", draft.Commitments[0].Id), Commitment(w.LeadUnitId, w.Now.AddDays(10), "答复前再次电话沟通")],
            opinion: "希望增加临时停车位，并调整信号灯配时。", version: draft.Version))).Records.Single();
        Assert.Equal(["答复前再次电话沟通", "调整信号灯配时"], edited.Commitments.Select(c => c.Text));
        Assert.All(edited.Commitments, c => Assert.False(c.Tracked));

        var sent = (await w.SubmitAsync(edited)).Records.Single();
        Assert.Equal(RecordState.Submitted, sent.State);
        Assert.Empty(sent.Actions);
        var toDeputy = (await w.RecordsAsync(w.Deputy, visit.Id)).Records.Single();
        Assert.Equal(["confirm"], toDeputy.Actions);
        Assert.Equal(1, await w.App.WithDb(db => db.Notifications.CountAsync(n => n.ItemId == item.Id && n.Kind == "visit-record-submitted")));

        var confirmed = (await w.ConfirmAsync(toDeputy)).Records.Single();
        Assert.Equal(RecordState.Confirmed, confirmed.State);
        Assert.Equal("deputy", confirmed.ConfirmedByName);
        Assert.Null(confirmed.DeputyRemark);
        Assert.Equal(["amend"], (await w.RecordsAsync(w.Lead, visit.Id)).Records.Single().Actions);

        var amendment = (await w.Ok<VisitRecords>(w.Lead, HttpMethod.Post, $"/api/records/{confirmed.Id}/amendment", Body(
            [.. confirmed.Commitments.Select(c => Commitment(c.OwnerUnitId, c.DueAtUtc, c.Text, c.Id)), Commitment(w.CoUnitId, w.Now.AddDays(40), "增设潮汐车道")],
            opinion: "希望增加临时停车位、调整信号灯配时，并增设潮汐车道。"))).Records[1];
        Assert.Equal(confirmed.Id, amendment.AmendsRecordId);
        Assert.Equal(RecordState.Draft, amendment.State);
        Assert.Equal(3, amendment.Commitments.Length);
        // Until the deputy confirms the amendment, the confirmed record stays the one that counts.
        Assert.Equal(RecordState.Confirmed, (await w.RecordsAsync(w.Office, visit.Id)).Records[0].State);
        Assert.All((await w.RecordsAsync(w.Office, visit.Id)).Records[0].Commitments, c => Assert.True(c.Tracked));

        var pending = (await w.SubmitAsync(amendment)).Records[1];
        var remarked = (await w.ConfirmAsync(pending, "潮汐车道请先征求沿线居民意见。")).Records;

        var office = await w.RecordsAsync(w.Office, visit.Id);
        Assert.Equal([RecordState.Confirmed, RecordState.Confirmed], office.Records.Select(r => r.State));
        Assert.Equal("潮汐车道请先征求沿线居民意见。", office.Records[1].DeputyRemark);
        Assert.All(office.Records[0].Commitments, c => Assert.False(c.Tracked));
        Assert.All(office.Records[1].Commitments, c => Assert.True(c.Tracked));
        Assert.Equal(remarked[1].Version, office.Records[1].Version);
        Assert.Equal("希望增加临时停车位、调整信号灯配时，并增设潮汐车道。",
            (await w.Get<ItemDetail>(w.Deputy, $"/api/items/{item.Id}")).Visits.Single().Summary);
        Assert.Equal(["lead", "office"], await w.App.WithDb(db => db.Notifications.Where(n => n.ItemId == item.Id && n.Kind == "visit-record-remarked")
            .Join(db.Users, n => n.UserId, u => u.Id, (n, u) => u.UserName!).OrderBy(n => n).ToListAsync()));

        var audit = await w.Get<AuditDto[]>(w.Office, $"/api/items/{item.Id}/audit");
        var amendmentAdded = Assert.Single(audit, a => a.EntityType == nameof(VisitRecord) && a.EntityId == amendment.Id.ToString() && a.Action == "Added");
        Assert.Contains($"\"AmendsRecordId\":{confirmed.Id}", amendmentAdded.After);
        Assert.Contains(audit, a => a.EntityType == nameof(VisitRecord) && a.EntityId == amendment.Id.ToString() && a.After!.Contains("潮汐车道请先征求"));
    }

    [Fact]
    public async Task A_confirmed_record_cannot_be_edited_submitted_or_written_again()
    {
        var w = _w;
        var (_, records) = await w.ConfirmedRecordAsync(TimeSpan.FromDays(20));
        var confirmed = records.Records.Single();

        var edit = await w.Refused(w.Lead, HttpMethod.Put, $"/api/records/{confirmed.Id}",
            Body([], opinion: "改写后的意见", version: confirmed.Version), HttpStatusCode.Conflict);
        Assert.Equal(("not_now", "record_confirmed"), (edit.Code, edit.Reason));
        Assert.Contains("write an amendment", edit.Detail);
        var submit = await w.Refused(w.Lead, HttpMethod.Post, $"/api/records/{confirmed.Id}/submit", new { version = confirmed.Version }, HttpStatusCode.Conflict);
        Assert.Equal("record_confirmed", submit.Reason);
        var again = await w.Refused(w.Deputy, HttpMethod.Post, $"/api/records/{confirmed.Id}/confirm", new { remark = "再确认", version = confirmed.Version }, HttpStatusCode.Conflict);
        Assert.Equal("record_confirmed", again.Reason);
        var second = await w.Refused(w.Lead, HttpMethod.Post, $"/api/visits/{records.VisitId}/records", Body([]), HttpStatusCode.Conflict);
        Assert.Equal("record_exists", second.Reason);

        var stored = (await w.RecordsAsync(w.Office, records.VisitId)).Records.Single();
        Assert.Equal((confirmed.DeputyOpinion, confirmed.Version, (string?)null), (stored.DeputyOpinion, stored.Version, stored.DeputyRemark));
    }

    [Fact]
    public async Task A_failed_video_visit_completed_by_phone_is_recorded_and_the_item_goes_on_to_answer_and_evaluation()
    {
        var w = _w;
        var (item, visit) = await w.HeldVideoVisitAsync(anyoneJoined: false);
        Assert.Equal(VisitState.NoShow, (await w.Get<VisitDto>(w.Lead, $"/api/visits/{visit.Id}")).State);

        var blank = await w.RecordsAsync(w.Lead, visit.Id);
        Assert.True(blank.Draft!.VideoFailed);
        Assert.Equal(VisitMethod.Phone, blank.Draft.MethodUsed);
        var video = await w.Refused(w.Lead, HttpMethod.Post, $"/api/visits/{visit.Id}/records", Body([], method: "Video"), HttpStatusCode.BadRequest);
        Assert.Contains("methodUsed", video.Errors.Keys);

        var draft = (await w.WriteAsync(visit.Id, Body([], method: "Phone"))).Records.Single();
        Assert.DoesNotContain("answer", (await w.Get<ItemDetail>(w.Lead, $"/api/items/{item.Id}")).Actions);
        var sent = (await w.SubmitAsync(draft)).Records.Single();

        Assert.Equal(VisitMethod.Phone, sent.MethodUsed);
        var held = await w.Get<VisitDto>(w.Lead, $"/api/visits/{visit.Id}");
        Assert.Equal((VisitState.Held, VisitMethod.Video), (held.State, held.Method));
        Assert.Contains("answer", (await w.Get<ItemDetail>(w.Lead, $"/api/items/{item.Id}")).Actions);
        await w.Ok(w.Lead, HttpMethod.Post, $"/api/items/{item.Id}/answer", new { category = "B", text = "已列入年度停车位建设计划，年内完成施划。" });
        var evaluated = await w.Ok(w.Deputy, HttpMethod.Post, $"/api/items/{item.Id}/evaluation", new { work = "Satisfied", result = "BasicallySatisfied" });
        Assert.Equal(ItemState.Evaluated, evaluated.State);
    }

    [Fact]
    public async Task An_overdue_commitment_shows_on_the_item_and_in_the_deadline_watch_once_a_day_until_done()
    {
        var w = _w;
        var (item, records) = await w.ConfirmedRecordAsync(TimeSpan.FromDays(2));
        await w.WatchDeadlinesAsync();
        Assert.Equal(0, await Digests("co"));
        Assert.False((await ItemCommitment(w.Co)).Overdue);

        w.Advance(TimeSpan.FromDays(3));
        await w.WatchDeadlinesAsync();
        await w.WatchDeadlinesAsync();

        Assert.Equal(1, await Digests("co"));
        Assert.Equal(1, await Digests("office"));
        Assert.Equal(0, await Digests("other.unit"));
        Assert.Contains("一个月内完成学校周边停车位施划", await LastDigest("co"));
        Assert.Contains("一个月内完成学校周边停车位施划", await LastDigest("office"));
        var overdue = await ItemCommitment(w.Deputy);
        Assert.True(overdue.Overdue);
        Assert.Empty(overdue.Actions);
        Assert.Equal(["done"], (await ItemCommitment(w.Co)).Actions);

        var notOwner = await w.Refused(w.Lead, HttpMethod.Post, $"/api/commitments/{overdue.Id}/done", new { version = overdue.Version }, HttpStatusCode.Forbidden);
        Assert.Equal("owner_unit_only", notOwner.Reason);
        await w.Ok<VisitRecords>(w.Co, HttpMethod.Post, $"/api/commitments/{overdue.Id}/done", new { version = overdue.Version });
        var done = await ItemCommitment(w.Office);
        Assert.False(done.Overdue);
        Assert.NotNull(done.DoneAtUtc);

        w.Advance(TimeSpan.FromDays(1));
        await w.WatchDeadlinesAsync();
        Assert.DoesNotContain("一个月内完成", await LastDigest("office"));
        Assert.Equal(records.VisitId, (await w.Get<VisitRecords[]>(w.Office, $"/api/items/{item.Id}/records")).Single().VisitId);

        Task<int> Digests(string user) => w.App.WithDb(db => db.Notifications.CountAsync(n =>
            n.Kind.EndsWith("digest") && db.Users.Any(u => u.Id == n.UserId && u.UserName == user) && n.Data!.Contains("overdueCommitments\":[{")));
        Task<string> LastDigest(string user) => w.App.WithDb(db => db.Notifications.Where(n =>
            n.Kind.EndsWith("digest") && db.Users.Any(u => u.Id == n.UserId && u.UserName == user)).OrderBy(n => n.Id).Select(n => n.Data!).LastAsync());
        async Task<CommitmentDto> ItemCommitment(HttpClient who) =>
            (await w.Get<VisitRecords[]>(who, $"/api/items/{item.Id}/records")).Single().Records.Single().Commitments.Single();
    }

    [Fact]
    public async Task A_record_without_the_deputys_opinion_with_a_past_due_date_or_a_unit_not_on_the_item_is_refused_and_nothing_saved()
    {
        var w = _w;
        var (_, visit) = await w.HeldVideoVisitAsync();

        var noOpinion = await w.Refused(w.Lead, HttpMethod.Post, $"/api/visits/{visit.Id}/records", Body([], opinion: null), HttpStatusCode.BadRequest);
        Assert.Equal("invalid", noOpinion.Code);
        Assert.Contains("deputyOpinion", noOpinion.Errors.Keys);
        var past = await w.Refused(w.Lead, HttpMethod.Post, $"/api/visits/{visit.Id}/records",
            Body([Commitment(w.LeadUnitId, w.Now.AddDays(-1))]), HttpStatusCode.BadRequest);
        Assert.Equal(["Choose a due date in the future."], past.Errors["commitments[0].dueAtUtc"]);
        var stranger = await w.Refused(w.Lead, HttpMethod.Post, $"/api/visits/{visit.Id}/records",
            Body([Commitment(w.LeadUnitId, w.Now.AddDays(5)), Commitment(w.OtherUnitId, w.Now.AddDays(5))]), HttpStatusCode.BadRequest);
        Assert.Equal(["commitments[1].ownerUnitId"], stranger.Errors.Keys);

        Assert.Equal(0, await w.App.WithDb(db => db.VisitRecords.CountAsync()));
        Assert.Equal(0, await w.App.WithDb(db => db.Commitments.CountAsync()));
    }

    [Fact]
    public async Task A_record_waits_for_the_visit_to_start_and_a_cancelled_visit_has_none()
    {
        var w = _w;
        var item = await w.SignedAsync();
        var later = await w.ScheduleAsync(item.Id, w.Now.AddHours(2));
        var early = await w.Refused(w.Lead, HttpMethod.Post, $"/api/visits/{later.Id}/records", Body([]), HttpStatusCode.Conflict);
        Assert.Equal("visit_not_started", early.Reason);

        await w.Ok<VisitDto>(w.Lead, HttpMethod.Post, $"/api/visits/{later.Id}/cancel", new { reason = "代表临时出差。", version = later.Version });
        w.Advance(TimeSpan.FromHours(3));
        var cancelled = await w.Refused(w.Lead, HttpMethod.Post, $"/api/visits/{later.Id}/records", Body([], method: "Phone"), HttpStatusCode.Conflict);
        Assert.Equal("visit_cancelled", cancelled.Reason);
    }
}
