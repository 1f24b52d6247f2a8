using Consultation.Calls;
using Consultation.Items;
using Consultation.Tests.Items;
using Consultation.Visits;
using Microsoft.Extensions.DependencyInjection;

namespace Consultation.Tests.Visits;

/// <summary>Helpers for visit-record tests: a visit that took place (or failed), record bodies, the deadline watch.</summary>
public static class RecordWorld
{
    /// <summary>A video visit on a signed item that both sides joined, closed by its job three hours later.</summary>
    public static async Task<(ItemDetail Item, VisitDto Visit)> HeldVideoVisitAsync(this ItemWorld w, bool anyoneJoined = true)
    {
        var item = await w.SignedAsync();
        var visit = await w.ScheduleAsync(item.Id, w.Now.AddHours(1));
        if (anyoneJoined)
            await w.App.WithDb(async db =>
            {
                foreach (var p in visit.Participants)
                    db.Attendance.Add(new AttendanceEntry { VisitId = visit.Id, ParticipantId = p.Id, JoinedAtUtc = visit.StartUtc });
                return await db.SaveChangesAsync();
            });
        w.Advance(TimeSpan.FromHours(3));
        await w.RunVisitJobAsync(visit.Id, VisitJobKind.AutoClose);
        return (item, visit);
    }

    public static object Commitment(int ownerUnitId, DateTime dueAtUtc, string text = "一个月内完成学校周边停车位施划", int? id = null) =>
        new { id, text, ownerUnitId, dueAtUtc };

    public static object Body(object[] commitments, string method = "Video", string? opinion = "希望尽快增加学校周边临时停车位。",
        Guid? version = null) => new
    {
        methodUsed = method, participants = "李建国、lead (市交通运输局)", deputyOpinion = opinion,
        explained = "介绍了错峰共享停车的试点安排。", commitments, version,
    };

    public static Task<VisitRecords> RecordsAsync(this ItemWorld w, HttpClient who, int visitId) =>
        w.Get<VisitRecords>(who, $"/api/visits/{visitId}/records");

    public static Task<VisitRecords> WriteAsync(this ItemWorld w, int visitId, object body) =>
        w.Ok<VisitRecords>(w.Lead, HttpMethod.Post, $"/api/visits/{visitId}/records", body);

    public static Task<VisitRecords> SubmitAsync(this ItemWorld w, RecordDto record) =>
        w.Ok<VisitRecords>(w.Lead, HttpMethod.Post, $"/api/records/{record.Id}/submit", new { version = record.Version });

    public static Task<VisitRecords> ConfirmAsync(this ItemWorld w, RecordDto record, string? remark = null) =>
        w.Ok<VisitRecords>(w.Deputy, HttpMethod.Post, $"/api/records/{record.Id}/confirm", new { remark, version = record.Version });

    /// <summary>A held visit whose record, with one commitment owned by the co-handling unit, the deputy has confirmed.</summary>
    public static async Task<(ItemDetail Item, VisitRecords Records)> ConfirmedRecordAsync(this ItemWorld w, TimeSpan due)
    {
        var (item, visit) = await w.HeldVideoVisitAsync();
        var draft = await w.WriteAsync(visit.Id, Body([Commitment(w.CoUnitId, w.Now + due)]));
        var submitted = await w.SubmitAsync(draft.Records.Single());
        return (item, await w.ConfirmAsync(submitted.Records.Single()));
    }

    public static async Task WatchDeadlinesAsync(this ItemWorld w)
    {
        await using var scope = w.App.Services.CreateAsyncScope();
        await ActivatorUtilities.CreateInstance<ItemJobs>(scope.ServiceProvider).WatchDeadlinesAsync();
    }
}
