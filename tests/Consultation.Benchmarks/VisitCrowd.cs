using System.Diagnostics;
using Consultation.Accounts;
using Consultation.Data;
using Consultation.Deputies;
using Consultation.Items;
using Consultation.Units;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Consultation.Benchmarks;

/// <summary>
/// The people and items that many visits at about the same time need. A person is in one visit at a time and the
/// lead-unit handler who schedules a visit always takes part in it, so visits that overlap need as many handlers and
/// deputies: <c>people</c> handlers (a hundred to a unit) and as many deputies with accounts, and one item per visit,
/// in handling, with the handler's unit as its signed-for lead unit and the deputy as its submitter. Visit i is
/// item i, scheduled by handler i mod people with deputy i mod people. Written through the app's EF model into a
/// seeded database, in batches. Every account gets the same password hash, made once by Identity's own hasher with
/// the server's options: a sign-in verifies it like any other and does not rehash it, and the generator does not
/// spend minutes hashing 2 × people passwords.
/// </summary>
public sealed class VisitCrowd(string databaseFile, int people, int visits)
{
    public const string Password = "Visit2468";
    private const int BatchSize = 1_000;
    private const int HandlersPerUnit = 100;

    /// <summary>Visit i is on <c>Items[i]</c>, scheduled by <c>Handlers[i % Handlers.Length]</c>.</summary>
    public sealed record Plan(string[] Handlers, int[] Items, int Units, TimeSpan Took);

    public async Task<Plan> GenerateAsync()
    {
        var clock = Stopwatch.StartNew();
        var options = new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={databaseFile}").Options;
        await using var db = new AppDbContext(options, TimeProvider.System, new BenchmarkActor());
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var now = DateTime.UtcNow;
        var roles = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id);
        var hash = new PasswordHasher<User>().HashPassword(null!, Password);

        var units = Enumerable.Range(1, (people + HandlersPerUnit - 1) / HandlersPerUnit)
            .Select(k => new HandlerUnit { Name = $"第{k}街道办事处", ShortName = $"第{k}街道", Level = UnitLevel.District }).ToList();
        await SaveAsync(db, units);
        var deputies = Enumerable.Range(1, people)
            .Select(k => new Deputy { Name = $"代表{k:00000}", Body = DeputyBody.PeoplesCongress, Delegation = "街道代表团" }).ToList();
        await SaveAsync(db, deputies);

        var handlers = Enumerable.Range(0, people)
            .Select(k => Account($"visits.handler{k + 1}", $"经办人{k + 1:00000}", hash, now, unitId: units[k / HandlersPerUnit].Id)).ToList();
        var deputyAccounts = deputies.Select((d, k) => Account($"visits.deputy{k + 1}", d.Name, hash, now, deputyId: d.Id)).ToList();
        await SaveAsync(db, handlers.Concat(deputyAccounts).ToList());
        await SaveAsync(db, handlers.Select(u => new IdentityUserRole<int> { UserId = u.Id, RoleId = roles[Roles.Handler] })
            .Concat(deputyAccounts.Select(u => new IdentityUserRole<int> { UserId = u.Id, RoleId = roles[Roles.Deputy] })).ToList());

        var session = await db.Sessions.SingleAsync(s => s.IsCurrent);
        var sequence = await db.Items.Where(i => i.SessionId == session.Id && i.Kind == ItemKind.Suggestion).MaxAsync(i => i.Sequence) ?? 0;
        var items = Enumerable.Range(0, visits).Select(i =>
        {
            var handler = handlers[i % people];
            return NewItem(session, ++sequence, deputies[i % people].Id, handler.UnitId!.Value, now);
        }).ToList();
        await SaveAsync(db, items);
        return new Plan(handlers.Select(h => h.UserName!).ToArray(), items.Select(i => i.Id).ToArray(), units.Count, clock.Elapsed);
    }

    private static User Account(string userName, string name, string hash, DateTime now, int? unitId = null, int? deputyId = null) => new()
    {
        UserName = userName, NormalizedUserName = userName.ToUpperInvariant(), DisplayName = name, UnitId = unitId, DeputyId = deputyId,
        PasswordHash = hash, SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString(),
        LockoutEnabled = true, NotifyByEmail = false, CreatedAtUtc = now,
    };

    private static Item NewItem(Session session, int sequence, int deputyId, int unitId, DateTime now)
    {
        var assigned = now.AddDays(-20);
        var due = new DeadlineSettings().DueFor(ItemKind.Suggestion, AssignmentRole.Lead, assigned);
        return new Item
        {
            SessionId = session.Id, Kind = ItemKind.Suggestion, Level = ItemLevel.District, State = ItemState.InHandling,
            Sequence = sequence, Number = Item.FormatNumber(session.Year, ItemKind.Suggestion, sequence),
            Title = "关于加快老旧小区加装电梯的建议",
            Body = "老旧小区老年居民上下楼困难，加装电梯进展不一。建议简化审批、明确补贴标准、协调低层住户意见，定期公布进展。",
            CreatedAtUtc = assigned.AddDays(-10), SubmittedAtUtc = assigned.AddDays(-9), RegisteredAtUtc = assigned.AddDays(-3),
            Signers = [new ItemSigner { DeputyId = deputyId, Role = SignerRole.Submitter, ConfirmedAtUtc = assigned.AddDays(-9) }],
            Assignments =
            [
                new Assignment
                {
                    UnitId = unitId, Role = AssignmentRole.Lead, State = AssignmentState.Active, AssignedAtUtc = assigned,
                    SignedForAtUtc = assigned.AddDays(1), DueAtUtc = due, OriginalDueAtUtc = due,
                },
            ],
        };
    }

    private static async Task SaveAsync<T>(AppDbContext db, List<T> rows) where T : class
    {
        foreach (var batch in rows.Chunk(BatchSize))
        {
            db.AddRange(batch);
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
    }
}
