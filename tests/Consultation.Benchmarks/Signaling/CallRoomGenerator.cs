using Consultation.Accounts;
using Consultation.Data;
using Consultation.Deputies;
using Consultation.Items;
using Consultation.Units;
using Consultation.Visits;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Consultation.Benchmarks.Signaling;

/// <summary>One video visit as the load generator sees it: who signs in, and which participant each one is.</summary>
public sealed record CallRoom(int VisitId, CallSeat[] Seats);

public sealed record CallSeat(string UserName, int ParticipantId);

/// <summary>
/// Writes, through the app's EF model into a migrated database, the people and visits of the signaling benchmark:
/// a session and ten units; per account set a deputy (with the deputy record), an item of theirs in handling, a
/// handler of its lead unit, a handler of its co-handling unit and an office clerk, all with the same password; then
/// video visits in a window that is open now, each with those four as submitter, lead unit, co-handling unit and
/// office. Visit <c>v</c> uses account set <c>v % sets</c>.
/// </summary>
public sealed class CallRoomGenerator(string databaseFile)
{
    public const string Password = "Bench1234";

    public async Task<CallRoom[]> GenerateAsync(int accountSets, int visits)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={databaseFile}").Options;
        await using var db = new AppDbContext(options, TimeProvider.System, new BenchmarkActor());
        var now = DateTime.UtcNow;
        var session = new Session { Year = now.Year, Name = $"{now.Year} 年人代会 / 政协全会", IsCurrent = true };
        var units = Enumerable.Range(1, 10).Select(n => new HandlerUnit { Name = $"压测承办单位{n:00}", ShortName = $"单位{n:00}" }).ToArray();
        db.Sessions.Add(session);
        db.Units.AddRange(units);
        await db.SaveChangesAsync();
        var roles = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id);
        var hash = new PasswordHasher<User>().HashPassword(null!, Password);

        var sets = new List<(User Deputy, User Lead, User Co, User Office, int ItemId, int LeadUnit)>();
        for (var s = 0; s < accountSets; s++)
        {
            var (lead, co) = (units[s % units.Length].Id, units[(s + 1) % units.Length].Id);
            var deputy = new Deputy { Name = $"压测代表{s:000}", Body = DeputyBody.PeoplesCongress, Delegation = "压测代表团" };
            db.Deputies.Add(deputy);
            await db.SaveChangesAsync();
            var item = Item(session.Id, deputy.Id, lead, co, s, now);
            db.Items.Add(item);
            await db.SaveChangesAsync();
            var set = (Account($"bench.deputy{s:000}", $"压测代表{s:000}", hash, deputyId: deputy.Id),
                Account($"bench.lead{s:000}", $"主办经办人{s:000}", hash, unitId: lead),
                Account($"bench.co{s:000}", $"协办经办人{s:000}", hash, unitId: co),
                Account($"bench.office{s:000}", $"督办人员{s:000}", hash), item.Id, lead);
            db.Users.AddRange(set.Item1, set.Item2, set.Item3, set.Item4);
            await db.SaveChangesAsync();
            db.UserRoles.AddRange(
                new IdentityUserRole<int> { UserId = set.Item1.Id, RoleId = roles[Roles.Deputy] },
                new IdentityUserRole<int> { UserId = set.Item2.Id, RoleId = roles[Roles.Handler] },
                new IdentityUserRole<int> { UserId = set.Item3.Id, RoleId = roles[Roles.Handler] },
                new IdentityUserRole<int> { UserId = set.Item4.Id, RoleId = roles[Roles.Office] });
            sets.Add(set);
        }
        await db.SaveChangesAsync();

        var made = new List<ReturnVisit>();
        for (var v = 0; v < visits; v++)
        {
            var (deputy, lead, co, office, itemId, leadUnit) = sets[v % sets.Count];
            var visit = new ReturnVisit
            {
                ItemId = itemId, LeadUnitId = leadUnit, Phase = VisitPhase.DuringHandling, Method = VisitMethod.Video,
                State = VisitState.Scheduled, StartUtc = now.AddMinutes(-10), DurationMinutes = 120, EndUtc = now.AddMinutes(110),
                Agenda = "信令压测", ScheduledById = lead.Id, ScheduledAtUtc = now.AddDays(-1),
                Participants =
                [
                    new() { UserId = deputy.Id, DeputyId = deputy.DeputyId, Role = ParticipantRole.Submitter, DisplayName = deputy.DisplayName },
                    new() { UserId = lead.Id, UnitId = lead.UnitId, Role = ParticipantRole.LeadUnit, DisplayName = lead.DisplayName },
                    new() { UserId = co.Id, UnitId = co.UnitId, Role = ParticipantRole.CoUnit, DisplayName = co.DisplayName },
                    new() { UserId = office.Id, Role = ParticipantRole.Office, DisplayName = office.DisplayName },
                ],
            };
            db.Visits.Add(visit);
            made.Add(visit);
        }
        await db.SaveChangesAsync();

        var names = sets.SelectMany(s => new[] { s.Deputy, s.Lead, s.Co, s.Office }).ToDictionary(u => u.Id, u => u.UserName!);
        return made.Select(v => new CallRoom(v.Id, v.Participants.Select(p => new CallSeat(names[p.UserId!.Value], p.Id)).ToArray())).ToArray();
    }

    /// <summary>An item in handling, submitted by the deputy, with a lead and a co-handling unit.</summary>
    private static Item Item(int sessionId, int deputyId, int leadUnit, int coUnit, int n, DateTime now)
    {
        var (assigned, due) = (now.AddDays(-20), now.AddMonths(3).AddDays(-20));
        return new Item
        {
            SessionId = sessionId, Kind = ItemKind.Suggestion, State = ItemState.InHandling, Title = $"关于信令压测的建议（第 {n} 件）",
            Body = "压测数据：用于视频回访信令中继的基准测试。", CreatedAtUtc = now.AddDays(-30), SubmittedAtUtc = now.AddDays(-30),
            RegisteredAtUtc = now.AddDays(-25),
            Signers = [new ItemSigner { DeputyId = deputyId, Role = SignerRole.Submitter, ConfirmedAtUtc = now.AddDays(-30) }],
            Assignments =
            [
                new Assignment { UnitId = leadUnit, Role = AssignmentRole.Lead, State = AssignmentState.Active, AssignedAtUtc = assigned, SignedForAtUtc = assigned, DueAtUtc = due, OriginalDueAtUtc = due },
                new Assignment { UnitId = coUnit, Role = AssignmentRole.Co, State = AssignmentState.Active, AssignedAtUtc = assigned, SignedForAtUtc = assigned, DueAtUtc = due, OriginalDueAtUtc = due },
            ],
        };
    }

    private static User Account(string userName, string displayName, string passwordHash, int? unitId = null, int? deputyId = null) => new()
    {
        UserName = userName, NormalizedUserName = userName.ToUpperInvariant(), DisplayName = displayName,
        Email = $"{userName}@bench.example.org", NormalizedEmail = $"{userName}@bench.example.org".ToUpperInvariant(), EmailConfirmed = true,
        PasswordHash = passwordHash, SecurityStamp = Guid.NewGuid().ToString("N"), LockoutEnabled = true,
        UnitId = unitId, DeputyId = deputyId, CreatedAtUtc = DateTime.UtcNow,
    };
}
