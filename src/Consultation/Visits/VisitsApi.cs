using Consultation.Accounts;
using Consultation.Data;
using Consultation.Items;
using Consultation.Jobs;
using Consultation.Notifications;
using Consultation.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Consultation.Visits;

/// <summary>Scheduling return visits: a lead-unit handler schedules, moves and cancels; participants see theirs.</summary>
public static class VisitsApi
{
    public static void MapVisits(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/items/{id:int}/visits", Schedule).WithTags("Visits").RequireAuthorization(Roles.Handler).WithValidation();
        app.MapGet("/api/items/{id:int}/visit-staff", Staff).WithTags("Visits").RequireAuthorization(Roles.Handler);
        var visits = app.MapGroup("/api/visits").WithTags("Visits").RequireAuthorization().WithValidation();
        visits.MapGet("/{id:int}", Get);
        visits.MapGet("/{id:int}/calendar.ics", Calendar);
        visits.MapPut("/{id:int}/schedule", Reschedule).RequireAuthorization(Roles.Handler);
        visits.MapPost("/{id:int}/cancel", Cancel).RequireAuthorization(Roles.Handler);
        visits.MapPost("/{id:int}/outcome", RecordOutcome).RequireAuthorization(Roles.Handler);
        visits.MapGet("/agenda", Agenda).RequireAuthorization(p => p.RequireRole(Roles.Handler, Roles.Office));
        app.MapGet("/api/my/visits", Mine).WithTags("Visits").RequireAuthorization();
    }

    private static async Task<Results<Created<VisitDto>, ProblemHttpResult, ValidationProblem>> Schedule(
        int id, ScheduleVisit request, ItemDesk desk, JobScheduler jobs, IOptions<VisitSettings> settings)
    {
        if (await desk.LoadAsync(id) is not { } work)
            return Problems.NotFound("The item");
        if (work.Rules.RecordContact() is { } refusal)
            return refusal.ToProblem();
        var item = work.Item;
        var mine = work.Rules.Mine!;
        var start = Utc(request.StartUtc);
        if (start <= desk.Now)
            return Problems.Invalid("startUtc", "Choose a start time in the future.");

        var submitter = item.Signers.Single(s => s.Role == SignerRole.Submitter);
        var coSigners = item.Signers.Where(s => s.Role == SignerRole.CoSigner && s.ConfirmedAtUtc != null).ToList();
        var chosenCoSigners = (request.CoSignerIds ?? []).Distinct().ToArray();
        if (chosenCoSigners.Any(c => coSigners.All(s => s.DeputyId != c)))
            return Problems.Invalid("coSignerIds", "Invite only co-signers who confirmed their co-signature of this item.");
        var units = item.Assignments.Where(a => a.State == AssignmentState.Active).ToDictionary(a => a.UnitId, a => a.Role);
        var staffIds = (request.StaffUserIds ?? []).Append(desk.Me.Id).Distinct().ToArray();
        var officeIds = desk.Db.InRole(Roles.Office);
        var staff = await (from u in desk.Db.Users
                           where staffIds.Contains(u.Id)
                           select new { u.Id, u.DisplayName, u.UnitId, Office = officeIds.Contains(u.Id) }).ToListAsync();
        if (staff.Count != staffIds.Length || staff.Any(s => !s.Office && (s.UnitId is null || !units.ContainsKey(s.UnitId.Value))))
            return Problems.Invalid("staffUserIds", "Invite staff of the units handling this item, or office staff.");

        var visit = new ReturnVisit
        {
            ItemId = id, LeadUnitId = mine.UnitId, Phase = request.Phase!.Value, Method = request.Method!.Value, State = VisitState.Scheduled,
            StartUtc = start, DurationMinutes = request.DurationMinutes, EndUtc = start.AddMinutes(request.DurationMinutes),
            Location = request.Location?.Trim(), Agenda = request.Agenda?.Trim(), ScheduledById = desk.Me.Id, ScheduledAtUtc = desk.Now,
            Participants =
            [
                new VisitParticipant { DeputyId = submitter.DeputyId, Role = ParticipantRole.Submitter, DisplayName = submitter.Deputy!.Name },
                .. coSigners.Where(s => chosenCoSigners.Contains(s.DeputyId)).Select(s =>
                    new VisitParticipant { DeputyId = s.DeputyId, Role = ParticipantRole.CoSigner, DisplayName = s.Deputy!.Name }),
                .. staff.Select(s => new VisitParticipant
                {
                    UserId = s.Id, UnitId = s.UnitId, DisplayName = s.DisplayName,
                    Role = s.Office ? ParticipantRole.Office : s.UnitId == mine.UnitId ? ParticipantRole.LeadUnit : ParticipantRole.CoUnit,
                }),
            ],
        };
        ReturnVisit? replaced = null;
        if (request.Replaces is { } replaces)
        {
            if (!await desk.Db.Visits.AnyAsync(v => v.Id == replaces.VisitId && v.ItemId == id))
                return Problems.Invalid("replaces", "The visit to replace is not a visit of this item.");
            if ((replaced = await LoadOwnAsync(desk, replaces.VisitId, replaces.Version)) is null)
                return await Refusal(desk, replaces.VisitId, replaces.Version);
        }
        if (await ClashAsync(desk, visit, settings.Value, except: replaced?.Id) is { } clash)
            return clash;
        desk.Db.Visits.Add(visit);
        if (replaced is not null)
        {
            Cancelled(desk, replaced, request.Replaces!.Reason);
            desk.AfterSave(() => jobs.SyncVisitAsync(replaced.Id));
        }
        if (request.RequestId is { } requestId)
        {
            var asked = await desk.Db.VisitRequests.SingleOrDefaultAsync(r => r.Id == requestId && r.ItemId == id && r.State == RequestState.Pending);
            if (asked is null)
                return Problems.Invalid("requestId", "That consultation request is not waiting on this item.");
            (asked.State, asked.AnsweredById, asked.AnsweredAtUtc, asked.Visit) = (RequestState.Approved, desk.Me.Id, desk.Now, visit);
        }
        desk.AfterSave(() => jobs.SyncVisitAsync(visit.Id));
        await desk.SaveAsync();
        return TypedResults.Created($"/api/visits/{visit.Id}", await DtoAsync(desk, visit.Id, settings.Value));
    }

    /// <summary>The people a lead-unit handler may invite besides the deputies: staff of the item's units and the office.</summary>
    private static async Task<Results<Ok<StaffCandidate[]>, ProblemHttpResult>> Staff(int id, ItemDesk desk)
    {
        if (await desk.LoadAsync(id) is not { } work)
            return Problems.NotFound("The item");
        if (work.Rules.RecordContact() is { } refusal)
            return refusal.ToProblem();
        var lead = work.Rules.Mine!.UnitId;
        var units = work.Item.Assignments.Where(a => a.State == AssignmentState.Active).Select(a => a.UnitId).ToArray();
        var office = desk.Db.InRole(Roles.Office);
        var people = await (from u in desk.Db.Users
                            where (u.UnitId != null && units.Contains(u.UnitId.Value)) || office.Contains(u.Id)
                            join unit in desk.Db.Units on u.UnitId equals unit.Id into found
                            from unit in found.DefaultIfEmpty()
                            orderby u.UnitId == lead descending, u.UnitId == null, u.UnitId, u.DisplayName
                            select new { u.Id, u.DisplayName, u.UnitId, UnitName = unit == null ? null : unit.Name }).ToListAsync();
        return TypedResults.Ok(people.Select(p => new StaffCandidate(p.Id, p.DisplayName, p.UnitId, p.UnitName,
            p.UnitId is null ? ParticipantRole.Office : p.UnitId == lead ? ParticipantRole.LeadUnit : ParticipantRole.CoUnit)).ToArray());
    }

    private static async Task<Results<Ok<VisitDto>, ProblemHttpResult>> Get(int id, ItemDesk desk, IOptions<VisitSettings> settings) =>
        await desk.Db.Visits.VisibleTo(desk.Db, desk.Me).AnyAsync(v => v.Id == id)
            ? TypedResults.Ok(await DtoAsync(desk, id, settings.Value))
            : Problems.NotFound("The visit");

    private static async Task<Results<Ok<VisitDto>, ProblemHttpResult, ValidationProblem>> Reschedule(
        int id, RescheduleVisit request, ItemDesk desk, JobScheduler jobs, IOptions<VisitSettings> settings)
    {
        if (await LoadOwnAsync(desk, id, request.Version) is not { } visit)
            return await Refusal(desk, id, request.Version);
        var start = Utc(request.StartUtc);
        if (start <= desk.Now)
            return Problems.Invalid("startUtc", "Choose a start time in the future.");
        (visit.StartUtc, visit.DurationMinutes, visit.EndUtc) = (start, request.DurationMinutes, start.AddMinutes(request.DurationMinutes));
        if (await ClashAsync(desk, visit, settings.Value) is { } clash)
            return clash;
        visit.Sequence++;
        visit.ScheduledAtUtc = desk.Now;
        visit.CancellationReason = request.Reason.Trim();
        visit.Participants.ForEach(p => p.NoShow = false);
        desk.AfterSave(() => jobs.SyncVisitAsync(id));
        await desk.SaveAsync();
        return TypedResults.Ok(await DtoAsync(desk, id, settings.Value));
    }

    private static async Task<Results<Ok<VisitDto>, ProblemHttpResult>> Cancel(
        int id, CancelVisit request, ItemDesk desk, JobScheduler jobs, IOptions<VisitSettings> settings)
    {
        if (await LoadOwnAsync(desk, id, request.Version) is not { } visit)
            return await Refusal(desk, id, request.Version);
        Cancelled(desk, visit, request.Reason);
        desk.AfterSave(() => jobs.SyncVisitAsync(id));
        await desk.SaveAsync();
        return TypedResults.Ok(await DtoAsync(desk, id, settings.Value));
    }

    private static void Cancelled(ItemDesk desk, ReturnVisit visit, string reason)
    {
        visit.State = VisitState.Cancelled;
        visit.CancellationReason = reason.Trim();
        visit.Sequence++;
        visit.ScheduledAtUtc = desk.Now;
    }

    /// <summary>After a phone or in-person visit (or a video visit that never connected) the lead unit says whether it took place.</summary>
    private static async Task<Results<Ok<VisitDto>, ProblemHttpResult>> RecordOutcome(
        int id, VisitOutcome request, ItemDesk desk, JobScheduler jobs, IOptions<VisitSettings> settings)
    {
        var visit = await desk.Db.Visits.Include(v => v.Participants).SingleOrDefaultAsync(v => v.Id == id && v.LeadUnitId == desk.Me.UnitId);
        if (visit is null)
            return await desk.Db.Visits.VisibleTo(desk.Db, desk.Me).AnyAsync(v => v.Id == id)
                ? Items.Refusal.Who("lead_unit_only", "Only the lead unit records how a visit went.").ToProblem()
                : Problems.NotFound("The visit");
        if (visit.State is VisitState.Cancelled || visit.StartUtc > desk.Now)
            return Items.Refusal.When("visit_not_started", "Record the outcome once the visit has started.").ToProblem();
        visit.State = request.Held == true ? VisitState.Held : VisitState.NoShow;
        visit.ClosedAtUtc ??= desk.Now;
        desk.AfterSave(() => jobs.SyncVisitAsync(id));
        await desk.SaveAsync();
        return TypedResults.Ok(await DtoAsync(desk, id, settings.Value));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Calendar(
        int id, ItemDesk desk, IVisitCalendar calendar, VisitEvents events)
    {
        var visit = await desk.Db.Visits.VisibleTo(desk.Db, desk.Me).Include(v => v.Participants).SingleOrDefaultAsync(v => v.Id == id);
        if (visit is null)
            return Problems.NotFound("The visit");
        var item = await desk.Db.Items.SingleAsync(i => i.Id == visit.ItemId);
        var e = await events.OfAsync(visit, item, visit.Participants.Select(p => (p.DisplayName, (string?)null)));
        var file = visit.State == VisitState.Cancelled ? calendar.Cancel(e) : calendar.Request(e);
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(file.Content), "text/calendar; charset=utf-8", $"visit-{visit.Id}.ics");
    }

    private static async Task<Ok<VisitDto[]>> Mine(ItemDesk desk, IOptions<VisitSettings> settings, bool past = false)
    {
        var me = desk.Me.UserId ?? -1;
        var deputy = desk.Me.IsInRole(Roles.Deputy) ? desk.Me.DeputyId ?? -1 : -1;
        var now = desk.Now;
        var mine = desk.Db.Visits.Where(v => v.Participants.Any(p => p.UserId == me || p.DeputyId == deputy));
        // Upcoming: the next first. Past: the latest first.
        var ids = await (past
                ? mine.Where(v => v.EndUtc <= now).OrderByDescending(v => v.StartUtc)
                : mine.Where(v => v.EndUtc > now && v.State != VisitState.Cancelled).OrderBy(v => v.StartUtc))
            .Select(v => v.Id).Take(100).ToListAsync();
        var dtos = new List<VisitDto>();
        foreach (var id in ids)
            dtos.Add(await DtoAsync(desk, id, settings.Value));
        return TypedResults.Ok(dtos.ToArray());
    }

    /// <summary>Each person's visits on one day (in the office's time zone), for the scheduling dialog.</summary>
    private static async Task<Results<Ok<PersonAgenda[]>, ValidationProblem>> Agenda(
        ItemDesk desk, IOptions<VisitSettings> settings, DateOnly day, string? deputyIds, string? userIds)
    {
        var deputies = Ids(deputyIds);
        var users = Ids(userIds);
        if (deputies is null || users is null)
            return Problems.Invalid("deputyIds", "Give the ids as a comma-separated list of numbers.");
        var zone = TimeZoneInfo.FindSystemTimeZoneById(settings.Value.TimeZone);
        var dayStart = TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), zone);
        var dayEnd = dayStart.AddDays(1);
        var rows = await (from p in desk.Db.VisitParticipants
                          join v in desk.Db.Visits on p.VisitId equals v.Id
                          join i in desk.Db.Items on v.ItemId equals i.Id
                          where v.State == VisitState.Scheduled && v.StartUtc < dayEnd && v.EndUtc > dayStart
                                && ((p.DeputyId != null && deputies.Contains(p.DeputyId.Value)) || (p.UserId != null && users.Contains(p.UserId.Value)))
                          select new { p.DeputyId, p.UserId, p.DisplayName, v.Id, v.StartUtc, v.EndUtc, i.Number }).ToListAsync();
        var named = await VisibleAsync(desk, rows.Select(r => r.Id));
        var people = deputies.Select(d => $"deputy:{d}").Concat(users.Select(u => $"user:{u}"));
        return TypedResults.Ok(people.Select(person =>
        {
            var mine = rows.Where(r => person == (r.DeputyId is { } d ? $"deputy:{d}" : $"user:{r.UserId}")).ToList();
            return new PersonAgenda(person, mine.FirstOrDefault()?.DisplayName ?? "",
                mine.OrderBy(r => r.StartUtc).Select(r => new AgendaEntry(r.Id, r.StartUtc, r.EndUtc, named.Contains(r.Id) ? r.Number : null)).ToArray());
        }).ToArray());
    }

    /// <summary>
    /// A person can be in one visit at a time: the first overlap found is named, with its item only to someone who
    /// may see that visit.
    /// </summary>
    private static async Task<ProblemHttpResult?> ClashAsync(ItemDesk desk, ReturnVisit visit, VisitSettings settings, int? except = null)
    {
        var db = desk.Db;
        var deputies = visit.Participants.Where(p => p.DeputyId != null).Select(p => p.DeputyId!.Value).ToArray();
        var users = visit.Participants.Where(p => p.UserId != null).Select(p => p.UserId!.Value).ToArray();
        var found = await (from p in db.VisitParticipants
                           join v in db.Visits on p.VisitId equals v.Id
                           join i in db.Items on v.ItemId equals i.Id
                           where v.Id != visit.Id && v.Id != except && v.State == VisitState.Scheduled && v.StartUtc < visit.EndUtc && v.EndUtc > visit.StartUtc
                                 && ((p.DeputyId != null && deputies.Contains(p.DeputyId.Value)) || (p.UserId != null && users.Contains(p.UserId.Value)))
                           orderby v.StartUtc
                           select new { v.Id, Clash = new Clash(p.DisplayName, v.StartUtc, v.EndUtc, i.Number) }).FirstOrDefaultAsync();
        if (found is null)
            return null;
        var clash = (await VisibleAsync(desk, [found.Id])).Count > 0 ? found.Clash : found.Clash with { ItemNumber = null };
        var zone = settings.TimeZone;
        return Problems.Of(StatusCodes.Status409Conflict, "visit_clash",
            $"{clash.Name} already has a visit from {MessageTexts.Time(clash.StartUtc, zone)} to {MessageTexts.Time(clash.EndUtc, zone)[11..]} ({zone})" +
            $"{(clash.ItemNumber is null ? "" : $" for {clash.ItemNumber}")}: choose another time.",
            new Dictionary<string, object?> { ["clash"] = clash });
    }

    /// <summary>Which of these visits the caller may see, and so may be told their item.</summary>
    private static Task<List<int>> VisibleAsync(ItemDesk desk, IEnumerable<int> visitIds)
    {
        var ids = visitIds.Distinct().ToArray();
        return desk.Db.Visits.VisibleTo(desk.Db, desk.Me).Where(v => ids.Contains(v.Id)).Select(v => v.Id).ToListAsync();
    }

    private static async Task<ReturnVisit?> LoadOwnAsync(ItemDesk desk, int id, Guid version)
    {
        var visit = await desk.Db.Visits.Include(v => v.Participants)
            .SingleOrDefaultAsync(v => v.Id == id && v.LeadUnitId == desk.Me.UnitId && v.State == VisitState.Scheduled);
        if (visit is null || visit.Version != version)
            return null;
        desk.Db.Entry(visit).Property(v => v.Version).OriginalValue = version;
        return visit;
    }

    private static async Task<ProblemHttpResult> Refusal(ItemDesk desk, int id, Guid version)
    {
        var visit = await desk.Db.Visits.VisibleTo(desk.Db, desk.Me).SingleOrDefaultAsync(v => v.Id == id);
        return visit is null ? Problems.NotFound("The visit")
            : visit.LeadUnitId != desk.Me.UnitId ? Items.Refusal.Who("lead_unit_only", "Only the lead unit moves or cancels its visits.").ToProblem()
            : visit.State != VisitState.Scheduled ? Items.Refusal.When("visit_not_scheduled",
                $"The visit is {visit.State.ToString().ToLowerInvariant()}: it can no longer be moved or cancelled.", new { state = visit.State }).ToProblem()
            : Problems.Conflict("edit_conflict", "Someone changed this visit after you opened it: reload it, then try again.");
    }

    private static async Task<VisitDto> DtoAsync(ItemDesk desk, int id, VisitSettings settings)
    {
        var visit = await desk.Db.Visits.AsNoTracking().Include(v => v.Participants).SingleAsync(v => v.Id == id);
        var item = await desk.Db.Items.AsNoTracking().Where(i => i.Id == visit.ItemId).Select(i => new { i.Number, i.Title }).SingleAsync();
        var lead = desk.Me.IsInRole(Roles.Handler) && desk.Me.UnitId == visit.LeadUnitId;
        var participant = visit.Participants.Any(p => p.UserId == desk.Me.UserId || (desk.Me.DeputyId != null && p.DeputyId == desk.Me.DeputyId));
        var open = visit.State == VisitState.Scheduled;
        string[] actions =
        [
            .. lead && open ? ["reschedule", "cancel"] : Array.Empty<string>(),
            .. lead && visit.StartUtc <= desk.Now && visit.State is VisitState.Scheduled or VisitState.NoShow ? ["outcome"] : Array.Empty<string>(),
            .. participant && open && visit.Method == VisitMethod.Video ? ["join"] : Array.Empty<string>(),
        ];
        return new VisitDto(visit.Id, visit.ItemId, item.Number, item.Title, visit.Phase, visit.Method, visit.State, visit.StartUtc,
            visit.EndUtc, visit.DurationMinutes, VisitPlan.RoomOpensAt(visit, settings), visit.Location, visit.Agenda,
            visit.CancellationReason, visit.Sequence,
            visit.Participants.Select(p => new ParticipantDto(p.Id, p.DisplayName, p.Role, p.UserId, p.DeputyId, p.NoShow)).ToArray(),
            actions, visit.Version, desk.Now);
    }

    private static DateTime Utc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };

    private static int[]? Ids(string? list)
    {
        if (string.IsNullOrWhiteSpace(list))
            return [];
        var parts = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var ids = parts.Select(p => int.TryParse(p, out var n) ? n : (int?)null).ToArray();
        return ids.Any(i => i is null) ? null : ids.Select(i => i!.Value).ToArray();
    }
}
