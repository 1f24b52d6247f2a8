using Consultation.Accounts;
using Consultation.Data;
using Consultation.Items;
using Consultation.Visits;
using Consultation.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Consultation.Calls;

/// <summary>What happened in a visit's video room, for the units handling its item and the office.</summary>
public sealed record CallReport(CallPresence[] Participants, ChatLine[] Chat);

/// <summary>
/// One participant's part: each stay in the room (a stay without its leave ended when the server stopped, or still
/// goes on if <see cref="InCallNow"/>), the time in the room (overlapping stays, e.g. two devices, counted once), and
/// the last call-quality summary their browser stored.
/// </summary>
public sealed record CallPresence(
    int ParticipantId, string DisplayName, ParticipantRole Role, CallStay[] Stays, int SecondsInCall, bool InCallNow, CallQualityView? Quality);

public sealed record CallStay(DateTime JoinedAtUtc, DateTime? LeftAtUtc);

public sealed record CallQualityView(
    DateTime ReportedAtUtc, int DurationSeconds, double? RoundTripMs, double? PacketLossPercent, double? BitrateKbps, bool Relayed);

public static class CallReportApi
{
    public static void MapCallReport(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/visits/{id:int}/call", Get).WithTags("Calls").RequireAuthorization(p => p.RequireRole(Roles.Handler, Roles.Office));

    /// <summary>A line said in a visit's room: kept with the visit, then sent to everyone in the room.</summary>
    public static async Task<ChatLine> SayAsync(AppDbContext db, IVisitClient room, int visitId, int participantId, string name, string text,
        DateTime now)
    {
        var message = new ChatMessage { VisitId = visitId, ParticipantId = participantId, Text = text, SentAtUtc = now };
        db.ChatMessages.Add(message);
        await db.SaveChangesAsync();
        var line = new ChatLine(message.Id, participantId, name, text, now);
        await room.Chat(line);
        return line;
    }

    /// <summary>The chat of a visit's room, oldest first, each line with its writer's name.</summary>
    public static IQueryable<ChatLine> ChatOf(AppDbContext db, int visitId) =>
        db.ChatMessages.AsNoTracking().Where(m => m.VisitId == visitId).OrderBy(m => m.Id)
            .Join(db.VisitParticipants, m => m.ParticipantId, p => p.Id,
                (m, p) => new ChatLine(m.Id, m.ParticipantId, p.DisplayName, m.Text, m.SentAtUtc));

    private static async Task<Results<Ok<CallReport>, ProblemHttpResult>> Get(int id, ItemDesk desk, RoomRegistry rooms, IOptions<VisitSettings> settings)
    {
        var db = desk.Db;
        var visit = await db.Visits.VisibleTo(db, desk.Me).AsNoTracking().Include(v => v.Participants).SingleOrDefaultAsync(v => v.Id == id);
        if (visit is null)
            return Problems.NotFound("The visit");
        var stays = await db.Attendance.AsNoTracking().Where(a => a.VisitId == id).OrderBy(a => a.JoinedAtUtc).ToListAsync();
        var reports = await db.CallQuality.AsNoTracking().Where(q => q.VisitId == id).ToListAsync();
        var live = await rooms.ReadAsync(id);
        // An open stay counts until now, or until the room closed if it did without its leave written.
        var cutoff = Min(desk.Now, visit.ClosedAtUtc ?? RoomWindow.Closes(visit, settings.Value));
        var people = visit.Participants.OrderBy(p => p.Role).ThenBy(p => p.Id).Select(p =>
        {
            var mine = stays.Where(s => s.ParticipantId == p.Id).ToList();
            var last = reports.Where(q => q.ParticipantId == p.Id).OrderBy(q => q.ReportedAtUtc).ThenBy(q => q.Id).LastOrDefault();
            return new CallPresence(p.Id, p.DisplayName, p.Role,
                mine.Select(s => new CallStay(s.JoinedAtUtc, s.LeftAtUtc)).ToArray(),
                SecondsIn(mine.Select(s => (s.JoinedAtUtc, Min(s.LeftAtUtc ?? cutoff, cutoff)))),
                live?.Find(p.Id) is not null,
                last is null ? null : new CallQualityView(last.ReportedAtUtc, last.DurationSeconds, last.RoundTripMs, last.PacketLossPercent,
                    last.BitrateKbps, last.Relayed));
        }).ToArray();
        return TypedResults.Ok(new CallReport(people, await ChatOf(db, id).ToArrayAsync()));
    }

    /// <summary>The seconds covered by the stays, each moment once (stays ordered by their start).</summary>
    private static int SecondsIn(IEnumerable<(DateTime From, DateTime To)> stays)
    {
        var total = TimeSpan.Zero;
        var coveredUntil = DateTime.MinValue;
        foreach (var (from, to) in stays)
        {
            var start = from > coveredUntil ? from : coveredUntil;
            if (to > start)
                total += to - start;
            if (to > coveredUntil)
                coveredUntil = to;
        }
        return (int)total.TotalSeconds;
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
