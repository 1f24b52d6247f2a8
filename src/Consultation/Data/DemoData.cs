using System.Text.Json;
using Consultation.Accounts;
using Consultation.Deputies;
using Consultation.Items;
using Consultation.Notifications;
using Consultation.Units;
using Consultation.Visits;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Consultation.Data;

/// <summary>
/// A believable city office for Development: units, deputies and their accounts, and items in every state with
/// deadlines and visits placed around "now", so there is always something due soon, overdue and coming up.
/// </summary>
internal static partial class DemoData
{
    public const string Password = "Demo1234";

    public static async Task SeedAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<AppDbContext>();
        if (await db.Sessions.AnyAsync())
            return;
        var users = services.GetRequiredService<UserManager<User>>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var deadlines = services.GetService<IOptions<DeadlineSettings>>()?.Value ?? new DeadlineSettings();

        // One transaction, so a seed that fails half-way leaves nothing behind and the next start tries again.
        var strategy = db.Database.CreateExecutionStrategy();
        var items = await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var demo = new Demo(db, now, deadlines);
            await AddPeopleAsync(demo, users);
            AddCurrentItems(demo);
            AddLastYearItems(demo);
            var count = await demo.SaveAsync();
            await MarkPastWorkDoneAsync(db, services, now);
            await transaction.CommitAsync();
            return count;
        });
        services.GetService<ILoggerFactory>()?.CreateLogger(typeof(DemoData))
            .LogInformation("Seeded demo data: {Items} items; the demo accounts are listed in README.md", items);
    }

    /// <summary>
    /// The demo's history already tells people about its visits; the scheduled work whose time has passed is
    /// recorded as done, so the first start does not announce it again. Work still ahead is planned as usual.
    /// </summary>
    private static async Task MarkPastWorkDoneAsync(AppDbContext db, IServiceProvider services, DateTime now)
    {
        var settings = services.GetService<IOptions<Visits.VisitSettings>>()?.Value ?? new Visits.VisitSettings();
        foreach (var visit in await db.Visits.AsNoTracking().ToListAsync())
            foreach (var (kind, due) in Visits.VisitPlan.For(visit, settings).Where(p => p.DueAtUtc <= now))
                db.ScheduledJobs.Add(new Visits.ScheduledJob
                {
                    Key = Visits.VisitPlan.JobKey(visit.Id, kind), Kind = kind.ToString(), VisitId = visit.Id, Sequence = visit.Sequence,
                    DueAtUtc = due, HangfireJobId = "demo", ScheduledAtUtc = now, CompletedAtUtc = now,
                });
        await db.SaveChangesAsync();
    }

    private static async Task AddPeopleAsync(Demo demo, UserManager<User> users)
    {
        (string Key, string Name, string ShortName, UnitLevel Level)[] units =
        [
            ("transport", "市交通运输局", "市交通局", UnitLevel.City),
            ("education", "市教育局", "市教育局", UnitLevel.City),
            ("culture", "市文物局", "市文物局", UnitLevel.City),
            ("commerce", "市商务局", "市商务局", UnitLevel.City),
            ("tax", "市税务局", "市税务局", UnitLevel.City),
            ("housing", "市住房和城乡建设委员会", "市住建委", UnitLevel.City),
            ("police", "市公安局交通管理局", "市交管局", UnitLevel.City),
            ("district", "东城区人民政府", "东城区政府", UnitLevel.District),
        ];
        foreach (var (key, name, shortName, level) in units)
            demo.Units[key] = new HandlerUnit { Name = name, ShortName = shortName, Level = level };

        (string Key, string Name, DeputyBody Body, string Delegation)[] deputies =
        [
            ("li", "李建国", DeputyBody.PeoplesCongress, "东城区代表团"),
            ("zhang", "张秀英", DeputyBody.PeoplesCongress, "西城区代表团"),
            ("chen", "陈志强", DeputyBody.PeoplesCongress, "朝阳区代表团"),
            ("liu", "刘洋", DeputyBody.PeoplesCongress, "东城区代表团"),
            ("wang", "王海燕", DeputyBody.PeoplesCongress, "海淀区代表团"),
            ("zhou", "周明", DeputyBody.PeoplesCongress, "丰台区代表团"),
            ("wu", "吴桂芳", DeputyBody.PeoplesCongress, "西城区代表团"),
            ("zhao", "赵文华", DeputyBody.Cppcc, "经济界"),
            ("sun", "孙丽萍", DeputyBody.Cppcc, "医药卫生界"),
            ("zheng", "郑立新", DeputyBody.Cppcc, "工商联界"),
            ("huang", "黄晓东", DeputyBody.Cppcc, "文化艺术界"),
            ("ma", "马静", DeputyBody.Cppcc, "社会福利和社会保障界"),
        ];
        var phone = 13800138001;
        foreach (var (key, name, body, delegation) in deputies)
            demo.Deputies[key] = new Deputy
            {
                Name = name, Body = body, Delegation = delegation, Phone = (phone++).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Email = $"{key}@deputies.example.org",
            };

        var year = (demo.Now + TimeSpan.FromHours(8)).Year;
        demo.Current = new Session { Year = year, Name = "市十六届人大五次会议 / 市政协十四届五次会议", IsCurrent = true };
        demo.Previous = new Session { Year = year - 1, Name = "市十六届人大四次会议 / 市政协十四届四次会议" };
        demo.Db.AddRange(demo.Units.Values);
        demo.Db.AddRange(demo.Deputies.Values);
        demo.Db.AddRange(demo.Previous, demo.Current);
        await demo.Db.SaveChangesAsync();

        (string UserName, string Role, string DisplayName, string? Unit, string? Deputy)[] accounts =
        [
            ("admin", Roles.Admin, "系统管理员", null, null),
            ("office", Roles.Office, "王敏", null, null),
            ("handler.transport", Roles.Handler, "刘伟", "transport", null),
            ("handler.transport2", Roles.Handler, "陈静", "transport", null),
            ("handler.education", Roles.Handler, "杨帆", "education", null),
            ("handler.culture", Roles.Handler, "许文博", "culture", null),
            ("handler.commerce", Roles.Handler, "何丽", "commerce", null),
            ("handler.tax", Roles.Handler, "郭涛", "tax", null),
            ("handler.housing", Roles.Handler, "林峰", "housing", null),
            ("handler.police", Roles.Handler, "高翔", "police", null),
            ("handler.district", Roles.Handler, "宋佳", "district", null),
            ("deputy.li", Roles.Deputy, "李建国", null, "li"),
            ("deputy.zhang", Roles.Deputy, "张秀英", null, "zhang"),
            ("deputy.chen", Roles.Deputy, "陈志强", null, "chen"),
            ("member.zhao", Roles.Deputy, "赵文华", null, "zhao"),
            ("member.sun", Roles.Deputy, "孙丽萍", null, "sun"),
        ];
        foreach (var (userName, role, displayName, unit, deputy) in accounts)
        {
            var user = new User
            {
                UserName = userName, DisplayName = displayName, Email = $"{userName}@demo.example.org", EmailConfirmed = true,
                UnitId = unit is null ? null : demo.Units[unit].Id, DeputyId = deputy is null ? null : demo.Deputies[deputy].Id,
                CreatedAtUtc = demo.Day(-400, 9),
            };
            Check(await users.CreateAsync(user, Password), userName);
            Check(await users.AddToRoleAsync(user, role), userName);
            demo.AddAccount(user);
        }
    }

    private static void Check(IdentityResult result, string userName)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException(
                $"Demo account '{userName}': {string.Join(" ", result.Errors.Select(e => e.Description))}");
    }

    private sealed record Text(string Title, string Body, string Problem, string Requests);

    private sealed record Minutes(string DeputyOpinion, string Explained, params Promise[] Commitments);

    /// <summary>Something promised in a visit, due <see cref="DueDay"/> days from today, owned by the lead unit unless named.</summary>
    private sealed record Promise(string Text, int DueDay, int? DoneDay = null, string? Unit = null);

    /// <summary>
    /// The demo world being built. Most rows point at others only by id, and ids exist only once saved, so a row
    /// is queued in a round after the rows it points to; <see cref="SaveAsync"/> saves round by round.
    /// </summary>
    private sealed class Demo(AppDbContext db, DateTime now, DeadlineSettings deadlines)
    {
        // China Standard Time has no daylight saving: a fixed offset is exact.
        private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

        private readonly List<Item> _items = [];
        private readonly SortedDictionary<int, List<Action>> _rounds = [];
        private readonly Dictionary<object, int> _roundOf = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<int, User> _handlerOf = [];
        private readonly List<string> _digestsFor = [];

        public AppDbContext Db => db;
        public DateTime Now => now;
        public DeadlineSettings Deadlines => deadlines;
        public Dictionary<string, HandlerUnit> Units { get; } = [];
        public Dictionary<string, Deputy> Deputies { get; } = [];
        public Dictionary<string, User> Users { get; } = [];
        public Session Current { get; set; } = null!;
        public Session Previous { get; set; } = null!;
        /// <summary>The session new items go into.</summary>
        public Session Session { get; set; } = null!;
        public User Office => Users["office"];

        /// <summary>A wall-clock time in Shanghai, <paramref name="days"/> from today, as UTC.</summary>
        public DateTime Day(int days, int hour = 10, int minute = 0) => DateTime.SpecifyKind(
            (now + Shanghai).Date.AddDays(days).AddHours(hour).AddMinutes(minute) - Shanghai, DateTimeKind.Utc);

        /// <summary>A whole minute <paramref name="minutes"/> from now.</summary>
        public DateTime Soon(int minutes) =>
            new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc).AddMinutes(minutes);

        public void AddAccount(User user)
        {
            Users[user.UserName!] = user;
            if (user.UnitId is { } unit)
                _handlerOf.TryAdd(unit, user);
        }

        /// <summary>The first handler account of a unit: the one who signs for, writes and schedules.</summary>
        public User HandlerOf(int unitId) => _handlerOf[unitId];

        public User? AccountOf(Deputy deputy) => Users.Values.FirstOrDefault(u => u.DeputyId == deputy.Id);

        public Plot Item(ItemKind kind, Text text, string submitter, params string[] coSigners)
        {
            var item = new Item
            {
                Session = Session, Kind = kind, Title = text.Title, Body = text.Body, Problem = text.Problem,
                Requests = text.Requests, State = ItemState.Draft,
            };
            item.Signers.Add(new ItemSigner { DeputyId = Deputies[submitter].Id, Role = SignerRole.Submitter });
            foreach (var key in coSigners)
                item.Signers.Add(new ItemSigner { DeputyId = Deputies[key].Id, Role = SignerRole.CoSigner });
            _items.Add(item);
            return new Plot(this, item, Deputies[submitter]);
        }

        /// <summary>Queues <paramref name="row"/> for the round after <paramref name="after"/>; <paramref name="link"/> copies their ids in.</summary>
        public void Add(object row, Action link, params object[] after) =>
            _roundOf[row] = Later(() => { link(); db.Add(row); }, after);

        public int Later(Action step, params object[] after)
        {
            // Rows not queued here (items, people) are saved first, in round 0.
            var round = 1 + after.Max(o => _roundOf.GetValueOrDefault(o));
            if (!_rounds.TryGetValue(round, out var steps))
                _rounds[round] = steps = [];
            steps.Add(step);
            return round;
        }

        /// <summary>
        /// A notification with the data the server saves for its kind: an item's number, title and the kind's
        /// <paramref name="extra"/> values (Notifier), or a visit's time, method and reason (VisitJobs).
        /// </summary>
        public void Notify(string userName, string kind, Plot plot, DateTime at, bool read, ReturnVisit? visit = null, object? extra = null)
        {
            var notification = new Notification { UserId = Users[userName].Id, Kind = kind, CreatedAtUtc = at, ReadAtUtc = ReadAt(at, read) };
            Add(notification, () =>
            {
                notification.ItemId = plot.Item.Id;
                notification.VisitId = visit?.Id;
                object data = visit is null
                    ? new { number = plot.Item.Number, title = plot.Item.Title, extra }
                    : new
                    {
                        number = plot.Item.Number, title = plot.Item.Title, startUtc = visit.StartUtc, method = visit.Method,
                        reason = visit.CancellationReason,
                    };
                notification.Data = JsonSerializer.Serialize(data, NotificationJson.Options);
            }, visit ?? (object)plot.Item);
        }

        /// <summary>This morning's deadline digest (ItemJobs.WatchDeadlinesAsync), for a unit's handler or the office.</summary>
        public void MorningDigestFor(params string[] userNames) => _digestsFor.AddRange(userNames);

        private DateTime? ReadAt(DateTime at, bool read) => !read ? null : at.AddHours(2) < now ? at.AddHours(2) : now;

        public async Task<int> SaveAsync()
        {
            NumberRegisteredItems();
            db.Items.AddRange(_items);
            await db.SaveChangesAsync();
            foreach (var steps in _rounds.Values)
            {
                foreach (var step in steps)
                    step();
                await db.SaveChangesAsync();
            }
            await AddDigestsAsync();
            return _items.Count;
        }

        /// <summary>The digests as the deadline watch sent them at 08:00, counted from the saved items like it counts.</summary>
        private async Task AddDigestsAsync()
        {
            if (_digestsFor.Count == 0)
                return;
            var at = Day(0, 8) <= now ? Day(0, 8) : Day(-1, 8);
            var digest = await DeadlineDigest.ComputeAsync(db, at, deadlines, "Asia/Shanghai");
            foreach (var user in _digestsFor.Select(name => Users[name]))
            {
                var data = user.UnitId is { } unit ? digest.ForUnit(unit) : digest.ForOffice();
                db.Notifications.Add(new Notification
                {
                    UserId = user.Id, Kind = user.UnitId is null ? "office-digest" : "deadline-digest", CreatedAtUtc = at,
                    Data = JsonSerializer.Serialize(data, NotificationJson.Options),
                });
            }
            await db.SaveChangesAsync();
        }

        /// <summary>Numbers are given at registration, in registration order, per session and kind.</summary>
        private void NumberRegisteredItems()
        {
            foreach (var group in _items.Where(i => i.RegisteredAtUtc is not null).GroupBy(i => (i.Session!.Year, i.Kind)))
            {
                var sequence = 0;
                foreach (var item in group.OrderBy(i => i.RegisteredAtUtc))
                {
                    item.Sequence = ++sequence;
                    item.Number = Items.Item.FormatNumber(group.Key.Year, group.Key.Kind, sequence);
                }
            }
        }
    }
}
