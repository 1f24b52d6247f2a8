using System.Diagnostics;
using Consultation.Data;
using Consultation.Deputies;
using Consultation.Items;
using Microsoft.EntityFrameworkCore;

namespace Consultation.Benchmarks;

/// <summary>
/// Fills a seeded database with <c>count</c> more items, written through the app's own EF model (so rows,
/// versions and audit entries are as the app writes them), in batches. Four sessions (the demo's current and
/// previous ones and two older ones), states and assignments in the proportions of a city office's year:
/// the current session mostly in handling, older ones closed. Numbers continue each session's and kind's sequence.
/// </summary>
public sealed class ItemGenerator(string databaseFile, int count, int seed = 20260101)
{
    private const int BatchSize = 500;

    private static readonly string[] Topics =
    [
        "缓解学校周边停车难", "优化公交线路和站点设置", "加快老旧小区加装电梯", "规范共享单车停放", "增设社区老年助餐点",
        "治理雨季道路积水", "推进垃圾分类", "加强食品安全监管", "完善中小学课后服务", "提升基层医疗服务能力",
        "加强历史文化街区保护", "推进农贸市场标准化改造", "增加公共充电桩", "规范外卖电动自行车管理", "优化营商环境",
        "减轻小微企业负担", "完善养老服务体系", "加强社区心理健康服务", "整治占道经营", "改善背街小巷环境",
        "增加城市口袋公园", "推进雨污分流改造", "加强校园周边交通安全", "优化政务服务流程", "发展夜间经济",
        "完善无障碍设施", "加强物业服务管理", "保障菜篮子供应", "促进高校毕业生就业", "加强燃气安全管理",
        "治理噪声扰民", "推进智慧停车建设", "完善社区卫生服务站布局", "加强河道综合治理", "改善地铁换乘条件",
        "规范养犬管理", "推进老旧管网改造", "加强文物建筑活化利用", "完善托育服务", "缓解医院周边交通拥堵",
    ];

    private static readonly string[] ExpressProblems =
        ["路灯损坏", "井盖缺失", "候车亭破损", "人行道塌陷", "垃圾清运不及时", "电子站牌黑屏", "护栏损坏", "排水口堵塞"];

    private static readonly string[] Places = ["建设路", "光明街", "和平里", "胡同口", "学院路", "东大桥", "南池子", "西直门"];

    private readonly Random random = new(seed);

    public sealed record Summary(int Items, TimeSpan Took, IReadOnlyDictionary<ItemState, int> ByState, string SearchTerm);

    /// <summary>A word in about one title in twenty, to search for.</summary>
    public const string SearchTerm = "停车";

    public async Task<Summary> GenerateAsync(TextWriter? progress = null)
    {
        var clock = Stopwatch.StartNew();
        var options = new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={databaseFile}").Options;
        await using var db = new AppDbContext(options, TimeProvider.System, new BenchmarkActor());
        var now = DateTime.UtcNow;

        var units = await db.Units.Where(u => u.IsActive).Select(u => u.Id).ToArrayAsync();
        var deputies = await db.Deputies.Where(d => d.IsActive).ToListAsync();
        var congress = deputies.Where(d => d.Body == DeputyBody.PeoplesCongress).Select(d => d.Id).ToArray();
        var cppcc = deputies.Where(d => d.Body == DeputyBody.Cppcc).Select(d => d.Id).ToArray();
        var sessions = await SessionsAsync(db);
        var last = await db.Items.Where(i => i.Sequence != null)
            .GroupBy(i => new { i.SessionId, i.Kind })
            .Select(g => new { g.Key.SessionId, g.Key.Kind, Last = g.Max(i => i.Sequence) ?? 0 })
            .ToDictionaryAsync(g => (g.SessionId, g.Kind), g => g.Last);

        // 40 % this year's session, 30 % last year's, 15 % each for the two before.
        var plan = new (Session Session, int Count)[]
        {
            (sessions[0], count * 40 / 100), (sessions[1], count * 30 / 100), (sessions[2], count * 15 / 100),
            (sessions[3], count - count * 40 / 100 - count * 30 / 100 - count * 15 / 100),
        };
        var byState = new Dictionary<ItemState, int>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var batch = new List<Item>(BatchSize);
        foreach (var (session, howMany) in plan)
        {
            var current = session.IsCurrent;
            for (var n = 0; n < howMany; n++)
            {
                var item = NewItem(session, current, now, units, congress, cppcc, last);
                byState[item.State] = byState.GetValueOrDefault(item.State) + 1;
                batch.Add(item);
                if (batch.Count < BatchSize)
                    continue;
                await SaveAsync(db, batch);
                progress?.Write($"\r   {byState.Values.Sum():N0} of {count:N0} items, {clock.Elapsed.TotalSeconds:0} s ");
            }
        }
        await SaveAsync(db, batch);
        return new Summary(count, clock.Elapsed, byState, SearchTerm);
    }

    private static async Task SaveAsync(AppDbContext db, List<Item> batch)
    {
        if (batch.Count == 0)
            return;
        db.Items.AddRange(batch);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        batch.Clear();
    }

    /// <summary>The current and previous demo sessions, and two older ones made here.</summary>
    private static async Task<Session[]> SessionsAsync(AppDbContext db)
    {
        var current = await db.Sessions.SingleAsync(s => s.IsCurrent);
        for (var back = 1; back <= 3; back++)
        {
            var year = current.Year - back;
            if (!await db.Sessions.AnyAsync(s => s.Year == year))
                db.Sessions.Add(new Session { Year = year, Name = $"{year} 年人代会 / 政协全会" });
        }
        await db.SaveChangesAsync();
        return await db.Sessions.OrderByDescending(s => s.Year).Take(4).ToArrayAsync();
    }

    private Item NewItem(Session session, bool current, DateTime now, int[] units, int[] congress, int[] cppcc,
        Dictionary<(int, ItemKind), int> last)
    {
        var kind = Pick((ItemKind.Suggestion, 52), (ItemKind.Proposal, 43), (ItemKind.Express, 5));
        var state = current
            ? Pick((ItemState.Submitted, 3), (ItemState.Rejected, 2), (ItemState.Registered, 3), (ItemState.Assigned, 8),
                (ItemState.InHandling, 44), (ItemState.Answered, 15), (ItemState.Evaluated, 12), (ItemState.ReHandling, 3),
                (ItemState.Closed, 10))
            : Pick((ItemState.Rejected, 4), (ItemState.Evaluated, 6), (ItemState.Closed, 90));
        var topic = Topics[random.Next(Topics.Length)];
        var title = kind switch
        {
            ItemKind.Express => $"关于{Places[random.Next(Places.Length)]}{ExpressProblems[random.Next(ExpressProblems.Length)]}的督办直通车",
            ItemKind.Proposal => $"关于{topic}的提案",
            _ => $"关于{topic}的建议",
        };

        // This year's items were submitted over the last five months: new ones in the last ten days, those still in
        // handling mostly within the three-month answer period (about one in eight overdue), answered ones earlier.
        // Older sessions' items in the first quarter of their year.
        var daysAgo = state switch
        {
            ItemState.Submitted => random.Next(0, 10),
            ItemState.Registered or ItemState.Assigned or ItemState.InHandling => random.Next(12, 115),
            ItemState.Rejected => random.Next(12, 160),
            _ => random.Next(40, 160),
        };
        var submitted = current
            ? now.AddDays(-daysAgo).AddMinutes(-random.Next(0, 600))
            : new DateTime(session.Year, 1, 10, 1, 0, 0, DateTimeKind.Utc).AddDays(random.Next(0, 80)).AddMinutes(random.Next(0, 600));
        var item = new Item
        {
            SessionId = session.Id, Kind = kind, Level = random.Next(10) == 0 ? ItemLevel.District : ItemLevel.City, State = state,
            Title = title,
            Body = $"{topic}是群众反映集中的问题。近年来有关部门做了大量工作，但仍存在统筹不够、标准不一、投入不足等情况，"
                   + "群众获得感还不够强。建议进一步摸清底数，明确责任分工，加大投入力度，建立长效机制，定期向社会公布进展。",
            Problem = $"{topic}方面统筹不够、投入不足。",
            Requests = "一是摸清底数；二是明确责任；三是加大投入；四是建立长效机制。",
            CreatedAtUtc = submitted.AddDays(-1), SubmittedAtUtc = submitted,
            IsUrgent = Chance(8), IsTroublesome = Chance(8), IsDifficult = Chance(4), IsLongOverdue = Chance(2),
        };
        var body = kind == ItemKind.Proposal ? cppcc : congress;
        var submitter = body[random.Next(body.Length)];
        item.Signers.Add(new ItemSigner { DeputyId = submitter, Role = SignerRole.Submitter, ConfirmedAtUtc = submitted });
        var coSigners = Chance(60) ? random.Next(1, 4) : 0;
        foreach (var deputy in body.Where(d => d != submitter).OrderBy(_ => random.Next()).Take(coSigners))
            item.Signers.Add(new ItemSigner { DeputyId = deputy, Role = SignerRole.CoSigner, ConfirmedAtUtc = submitted.AddDays(1) });

        if (state == ItemState.Rejected)
        {
            (item.RejectedAtUtc, item.RejectionReason) = (submitted.AddDays(4), "不属于本市人民政府职权范围，不予立案。");
            return item;
        }
        if (state == ItemState.Submitted)
            return item;

        var registered = Before(submitted.AddDays(random.Next(3, 10)), now);
        var sequence = last.GetValueOrDefault((session.Id, kind)) + 1;
        last[(session.Id, kind)] = sequence;
        (item.Sequence, item.Number, item.RegisteredAtUtc) = (sequence, Item.FormatNumber(session.Year, kind, sequence), registered);
        if (Chance(4))
            (item.IsKey, item.HandlingPlan) = (true, "牵头单位成立工作专班，分阶段推进：一个月内完成调研，两个月内形成方案并组织实施。");
        if (state == ItemState.Registered)
            return item;

        Assign(item, units, Before(registered.AddDays(random.Next(2, 7)), now), state, now);
        if (state == ItemState.Closed)
            (item.ClosedAtUtc, item.UnderTracking) = (Before(registered.AddDays(120), now), Chance(15));
        return item;
    }

    /// <summary>One lead unit with any co-handling units (most items), or two separate units; an express item goes to one.</summary>
    private void Assign(Item item, int[] units, DateTime assigned, ItemState state, DateTime now)
    {
        var deadlines = new DeadlineSettings();
        var chosen = units.OrderBy(_ => random.Next()).ToArray();
        var separate = item.Kind != ItemKind.Express && Chance(8);
        var roles = separate
            ? [AssignmentRole.Separate, AssignmentRole.Separate]
            : new[] { AssignmentRole.Lead }.Concat(Enumerable.Repeat(AssignmentRole.Co, item.Kind == ItemKind.Express || !Chance(50) ? 0 : random.Next(1, 3))).ToArray();
        for (var i = 0; i < roles.Length; i++)
        {
            var due = deadlines.DueFor(item.Kind, roles[i], assigned);
            var assignment = new Assignment
            {
                UnitId = chosen[i], Role = roles[i], State = AssignmentState.Active, AssignedAtUtc = assigned,
                SignedForAtUtc = state == ItemState.Assigned ? null : assigned.AddDays(1), DueAtUtc = due, OriginalDueAtUtc = due,
            };
            // Re-handling: the answer is due again a month after the dissatisfied evaluation.
            if (state == ItemState.ReHandling && roles[i] != AssignmentRole.Co)
                assignment.DueAtUtc = now.AddDays(random.Next(1, 30));
            item.Assignments.Add(assignment);
        }
    }

    private bool Chance(int percent) => random.Chance(percent);

    private T Pick<T>(params (T Value, int Weight)[] choices) => random.Pick(choices);

    private static DateTime Before(DateTime at, DateTime now) => Draws.Before(at, now);
}
