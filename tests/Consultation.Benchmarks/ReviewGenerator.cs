using System.Diagnostics;
using Consultation.Data;
using Consultation.Items;
using Consultation.Outcomes;
using Consultation.Visits;
using Microsoft.EntityFrameworkCore;

namespace Consultation.Benchmarks;

/// <summary>
/// Gives the items of a generated year (see <see cref="ItemGenerator"/>) their outcomes and visits, written through
/// the app's EF model in batches of items, in proportions of a city office's year: first answers A 45 %, B 30 %,
/// C 15 %, D 10 %, about one in six late, some after an approved extension; evaluations mostly satisfied, one in
/// twelve dissatisfied and re-handled (answered again and evaluated again when the item is closed); return visits
/// spread over the answering items (video, phone, in person; held, missed, cancelled, still to come); records of
/// held visits (confirmed, awaiting confirmation, drafts, some amended) with commitments, some past due and not done.
/// </summary>
public sealed class ReviewGenerator(string databaseFile, int visitCount, int seed = 20260102)
{
    private const int BatchSize = 1_000;
    private static readonly ItemState[] Answered = [ItemState.Answered, ItemState.Evaluated, ItemState.ReHandling, ItemState.Closed];

    private readonly Random random = new(seed);

    public sealed record Summary(TimeSpan Took, IReadOnlyDictionary<string, int> Rows);

    private sealed record Duty(int Id, int UnitId, AssignmentRole Role, DateTime AssignedAtUtc, DateTime DueAtUtc);

    private sealed record Work(int Id, ItemState State, DateTime? ClosedAtUtc, int Submitter, Duty[] Duties);

    private readonly Dictionary<string, int> rows = [];

    public async Task<Summary> GenerateAsync(TextWriter progress)
    {
        var clock = Stopwatch.StartNew();
        var options = new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={databaseFile}").Options;
        await using var db = new AppDbContext(options, TimeProvider.System, new BenchmarkActor());
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var now = DateTime.UtcNow;
        var staff = await db.Users.Where(u => u.UnitId != null).GroupBy(u => u.UnitId!.Value)
            .Select(g => new { Unit = g.Key, User = g.Min(u => u.Id) }).ToDictionaryAsync(x => x.Unit, x => x.User);
        var anyone = await db.Users.MinAsync(u => u.Id);
        // Only items without outcomes yet: the demo data's own items keep theirs.
        var answering = db.Items.AsNoTracking().Where(i => i.Assignments.Any() && !db.Responses.Any(r => r.ItemId == i.Id)
                                                           && !db.Visits.Any(v => v.ItemId == i.Id));
        var total = await answering.CountAsync();
        var visitsLeft = visitCount;
        var itemsLeft = total;
        var lastId = 0;
        while (true)
        {
            var batch = await answering.Where(i => i.Id > lastId).OrderBy(i => i.Id).Take(BatchSize)
                .Select(i => new Work(i.Id, i.State, i.ClosedAtUtc,
                    i.Signers.Where(s => s.Role == SignerRole.Submitter).Select(s => s.DeputyId).First(),
                    i.Assignments.Where(a => a.State == AssignmentState.Active && a.Role != AssignmentRole.Co)
                        .Select(a => new Duty(a.Id, a.UnitId, a.Role, a.AssignedAtUtc, a.DueAtUtc)).ToArray()))
                .ToListAsync();
            if (batch.Count == 0)
                break;
            lastId = batch[^1].Id;
            var visits = new List<ReturnVisit>();
            var answers = new List<(Work Work, Response Answer)>();
            foreach (var work in batch)
            {
                // Visits are shared out evenly over the items still to come, so that the total is exact.
                var share = (int)Math.Round((double)visitsLeft / itemsLeft-- + (random.NextDouble() - 0.5));
                share = Math.Clamp(share, 0, visitsLeft);
                visitsLeft -= share;
                answers.AddRange(Answer(db, work, now, staff, anyone));
                visits.AddRange(Visit(work, share, now, staff, anyone));
            }
            db.Visits.AddRange(visits);
            db.VisitRecords.AddRange(records);
            await SaveAsync(db);
            Evaluate(db, answers, now, staff, anyone);
            Amend(db, now);
            await SaveAsync(db);
            await AnswerAgainAsync(db, now, staff, anyone);
            progress.Write($"\r   {total - itemsLeft:N0} of {total:N0} items, {visitCount - visitsLeft:N0} visits, {clock.Elapsed.TotalSeconds:0} s ");
        }
        progress.WriteLine();
        return new Summary(clock.Elapsed, rows);
    }

    private void Count(string what, int n = 1) => rows[what] = rows.GetValueOrDefault(what) + n;

    private static async Task SaveAsync(AppDbContext db)
    {
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }

    /// <summary>The first answer of every answering unit of an item past handling, some after an approved extension.</summary>
    private IEnumerable<(Work, Response)> Answer(AppDbContext db, Work work, DateTime now, Dictionary<int, int> staff, int anyone)
    {
        var answered = Answered.Contains(work.State);
        foreach (var duty in work.Duties)
        {
            var deadline = duty.DueAtUtc;
            if (Chance(5))
            {
                var approved = Chance(70);
                deadline = approved ? duty.DueAtUtc.AddDays(30) : deadline;
                db.ExtensionRequests.Add(new ExtensionRequest
                {
                    ItemId = work.Id, AssignmentId = duty.Id, RequestedDueAtUtc = duty.DueAtUtc.AddDays(30), Reason = "需协调多个部门，申请延期一个月答复。",
                    State = approved ? RequestState.Approved : RequestState.Refused, RequestedById = staff.GetValueOrDefault(duty.UnitId, anyone),
                    RequestedAtUtc = duty.DueAtUtc.AddDays(-10), DecidedById = anyone, DecidedAtUtc = duty.DueAtUtc.AddDays(-8),
                });
                Count("extension requests");
            }
            if (!answered)
                continue;
            // One in six late: past the deadline by up to three weeks; the rest a few days to two months before it.
            var at = Chance(16) ? deadline.AddDays(random.Next(1, 21)) : deadline.AddDays(-random.Next(3, 60));
            at = at < duty.AssignedAtUtc ? duty.AssignedAtUtc.AddDays(10) : at;
            var answer = new Response
            {
                ItemId = work.Id, UnitId = duty.UnitId, AuthorId = staff.GetValueOrDefault(duty.UnitId, anyone),
                Category = Pick((ResponseCategory.A, 45), (ResponseCategory.B, 30), (ResponseCategory.C, 15), (ResponseCategory.D, 10)),
                Text = "经认真研究，现答复如下：已会同有关部门制定工作方案，明确责任分工和完成时限，并将定期向代表委员通报进展。",
                AnsweredAtUtc = at < now ? at : now.AddHours(-2),
            };
            db.Responses.Add(answer);
            Count("answers");
            yield return (work, answer);
        }
    }

    /// <summary>The submitter's evaluation of the lead answer; a dissatisfied one opens a re-handling, answered and evaluated again once closed.</summary>
    private void Evaluate(AppDbContext db, List<(Work Work, Response Answer)> answers, DateTime now, Dictionary<int, int> staff, int anyone)
    {
        foreach (var (work, answer) in answers.DistinctBy(a => a.Work.Id))
        {
            if (work.State == ItemState.Answered || (work.State == ItemState.Closed && !Chance(85)))
                continue;
            var dissatisfied = work.State == ItemState.ReHandling || (work.State == ItemState.Closed && Chance(8));
            var at = Before(answer.AnsweredAtUtc.AddDays(random.Next(3, 25)), now);
            var evaluation = NewEvaluation(work, answer, at, dissatisfied);
            db.Evaluations.Add(evaluation);
            Count("evaluations");
            if (!dissatisfied)
                continue;
            var reHandling = new ReHandling { ItemId = work.Id, Evaluation = evaluation, OpenedAtUtc = at, DueAtUtc = at.AddDays(30) };
            db.ReHandlings.Add(reHandling);
            Count("re-handlings");
            if (work.State == ItemState.Closed)
                reHandled.Add((work, answer.UnitId, reHandling));
        }
    }

    private readonly List<(Work Work, int UnitId, ReHandling ReHandling)> reHandled = [];

    /// <summary>The answers that close the re-handlings of closed items (saved after the re-handling, which then names them), evaluated again.</summary>
    private async Task AnswerAgainAsync(AppDbContext db, DateTime now, Dictionary<int, int> staff, int anyone)
    {
        var answers = reHandled.Select(r => new Response
        {
            ItemId = r.Work.Id, UnitId = r.UnitId, AuthorId = staff.GetValueOrDefault(r.UnitId, anyone), Category = ResponseCategory.A,
            Text = "根据代表委员意见重新办理，问题已基本解决。", AnsweredAtUtc = Before(r.ReHandling.OpenedAtUtc.AddDays(random.Next(10, 30)), now),
            ReHandlingId = r.ReHandling.Id,
        }).ToArray();
        db.Responses.AddRange(answers);
        await SaveAsync(db);
        foreach (var ((work, _, reHandling), answer) in reHandled.Zip(answers))
        {
            db.ReHandlings.Attach(reHandling);
            (reHandling.ResponseId, reHandling.AnsweredAtUtc) = (answer.Id, answer.AnsweredAtUtc);
            db.Evaluations.Add(NewEvaluation(work, answer, Before(answer.AnsweredAtUtc.AddDays(7), now), dissatisfied: false));
            Count("answers");
            Count("evaluations");
        }
        reHandled.Clear();
        await SaveAsync(db);
    }

    private Evaluation NewEvaluation(Work work, Response answer, DateTime at, bool dissatisfied)
    {
        var (workVerdict, result) = dissatisfied
            ? (Pick((Satisfaction.BasicallySatisfied, 50), (Satisfaction.Dissatisfied, 50)), Satisfaction.Dissatisfied)
            : (Pick((Satisfaction.Satisfied, 75), (Satisfaction.BasicallySatisfied, 25)), Pick((Satisfaction.Satisfied, 65), (Satisfaction.BasicallySatisfied, 35)));
        return new Evaluation { ItemId = work.Id, ResponseId = answer.Id, DeputyId = work.Submitter, Work = workVerdict, Result = result, EvaluatedAtUtc = at };
    }

    /// <summary>Visits of one item over its handling: before the answer, during handling, after it, follow-ups.</summary>
    private IEnumerable<ReturnVisit> Visit(Work work, int count, DateTime now, Dictionary<int, int> staff, int anyone)
    {
        var lead = work.Duties.FirstOrDefault() ?? throw new InvalidOperationException($"Item {work.Id} has no answering unit.");
        var from = lead.AssignedAtUtc.AddDays(5);
        var until = work.ClosedAtUtc ?? now.AddDays(20);
        var span = Math.Max(1, (int)(until - from).TotalDays);
        for (var n = 0; n < count; n++)
        {
            var start = from.AddDays(span * (n + random.NextDouble()) / Math.Max(count, 1)).Date.AddHours(random.Next(1, 9));
            var past = start.AddHours(1) < now;
            var state = !past ? VisitState.Scheduled
                : Pick((VisitState.Held, 80), (VisitState.NoShow, 8), (VisitState.Cancelled, 12));
            var method = Pick((VisitMethod.Video, 60), (VisitMethod.Phone, 25), (VisitMethod.InPerson, 15));
            var phase = n == 0 ? VisitPhase.BeforeAnswer
                : Answered.Contains(work.State) && n >= count / 2 ? (n == count - 1 && count > 2 ? VisitPhase.FollowUp : VisitPhase.AfterAnswer)
                : VisitPhase.DuringHandling;
            var author = staff.GetValueOrDefault(lead.UnitId, anyone);
            var visit = new ReturnVisit
            {
                ItemId = work.Id, LeadUnitId = lead.UnitId, Phase = phase, Method = method, State = state, StartUtc = start,
                DurationMinutes = 45, EndUtc = start.AddMinutes(45), ScheduledById = author, ScheduledAtUtc = start.AddDays(-random.Next(3, 14)),
                Agenda = "听取代表委员对办理工作的意见建议", Location = method == VisitMethod.InPerson ? "市政府第三会议室" : null,
                CancellationReason = state == VisitState.Cancelled ? "代表临时有公务，另行安排时间。" : null,
                ClosedAtUtc = past ? start.AddMinutes(60) : null,
            };
            Count($"visits {state.ToString().ToLowerInvariant()}");
            if (state == VisitState.Held && Chance(85))
                records.Add(Record(visit, work, lead.UnitId, author, now));
            yield return visit;
        }
    }

    private readonly List<VisitRecord> records = [];

    /// <summary>The minutes of a held visit: confirmed mostly, some awaiting the deputy, a few drafts; half with commitments.</summary>
    private VisitRecord Record(ReturnVisit visit, Work work, int unit, int author, DateTime now)
    {
        var written = visit.EndUtc.AddHours(random.Next(1, 48));
        var state = Pick((RecordState.Confirmed, 80), (RecordState.Submitted, 12), (RecordState.Draft, 8));
        var record = new VisitRecord
        {
            Visit = visit, ItemId = work.Id, AuthorId = author, MethodUsed = visit.Method, State = state,
            Participants = "代表本人；承办单位分管负责同志、经办人", DeputyOpinion = "对办理工作表示认可，希望加快推进并及时通报进展。",
            WrittenAtUtc = Before(written, now),
            SubmittedAtUtc = state == RecordState.Draft ? null : Before(written.AddHours(2), now),
            ConfirmedAtUtc = state == RecordState.Confirmed ? Before(written.AddDays(2), now) : null,
        };
        Count($"records {state.ToString().ToLowerInvariant()}");
        var promised = Chance(50) ? random.Next(1, 3) : 0;
        for (var c = 0; c < promised; c++)
        {
            var due = visit.StartUtc.AddDays(random.Next(20, 90));
            // Done by most units in time; the rest still open, and past due when the date has gone by.
            var done = due < now && Chance(75) ? due.AddDays(-random.Next(0, 15)) : (DateTime?)null;
            record.Commitments.Add(new Commitment
            {
                ItemId = work.Id, OwnerUnitId = unit, Text = "一个月内完成现场调研并反馈整改方案。", DueAtUtc = due,
                DoneAtUtc = done is { } d && d < now ? d : null, DoneById = done is null ? null : author,
            });
            Count(done is null && due < now ? "commitments overdue" : "commitments");
        }
        return record;
    }

    /// <summary>One confirmed record in twenty is amended: the deputy has confirmed the amendment or is asked to.</summary>
    private void Amend(AppDbContext db, DateTime now)
    {
        foreach (var record in records.Where(r => r.State == RecordState.Confirmed && Chance(5)))
        {
            var confirmed = Chance(70);
            var amendment = new VisitRecord
            {
                VisitId = record.Visit!.Id, ItemId = record.ItemId, AuthorId = record.AuthorId, MethodUsed = record.MethodUsed,
                State = confirmed ? RecordState.Confirmed : RecordState.Submitted, AmendsRecordId = record.Id,
                Participants = record.Participants, DeputyOpinion = record.DeputyOpinion + "（补充：代表希望每季度通报一次进展。）",
                WrittenAtUtc = Before(record.ConfirmedAtUtc!.Value.AddDays(3), now), SubmittedAtUtc = Before(record.ConfirmedAtUtc.Value.AddDays(3), now),
                ConfirmedAtUtc = confirmed ? Before(record.ConfirmedAtUtc.Value.AddDays(5), now) : null,
            };
            foreach (var c in record.Commitments)
                amendment.Commitments.Add(new Commitment
                {
                    ItemId = c.ItemId, OwnerUnitId = c.OwnerUnitId, Text = c.Text, DueAtUtc = c.DueAtUtc.AddDays(30), DoneAtUtc = c.DoneAtUtc,
                    DoneById = c.DoneById, CopiedFromId = c.Id,
                });
            db.VisitRecords.Add(amendment);
            Count("records amended");
        }
        records.Clear();
    }

    private bool Chance(int percent) => random.Chance(percent);

    private T Pick<T>(params (T Value, int Weight)[] choices) => random.Pick(choices);

    private static DateTime Before(DateTime at, DateTime now) => Draws.Before(at, now);
}
