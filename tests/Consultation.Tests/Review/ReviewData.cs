using Consultation.Data;
using Consultation.Items;
using Consultation.Outcomes;
using Consultation.Tests.Items;
using Consultation.Visits;

namespace Consultation.Tests.Review;

/// <summary>
/// A small, hand-made year for the review figures, written straight into the database so that every date is
/// chosen. The clock of <see cref="ItemWorld"/> stands at 2026-03-10 01:00 UTC. The lead unit (L) answers I1–I3,
/// the other unit (O) leads I4 and I5 (with the co-handling unit on I5); I6 is registered but not yet assigned,
/// I7 is a draft and I8 belongs to last year's session.
///
/// I1 suggestion, urgent: answered A on 2026-02-01 (due 04-01), video contact on 01-20 before it, satisfied.
/// I2 suggestion: due 2026-01-01, extension approved to 02-15, answered B on 02-10 (on time), phone contact only
///    after the answer (02-11), basically satisfied.
/// I3 proposal: due 2026-01-01, answered C on 01-20 (late) after an in-person contact on 01-10; dissatisfied on
///    01-25, re-handled and answered again on 02-20, then satisfied on 03-01.
/// I4 proposal, difficult and long overdue: due 2026-02-01, still in handling (overdue); a video visit missed
///    (no-show) and a phone visit cancelled.
/// I5 suggestion: assigned 2026-03-01, due 06-01; a video visit scheduled for 03-20. Received 2026-02-28 17:00
///    UTC, which is 03-01 in the office's zone.
/// Commitments of L: one due 03-01 not done (overdue), one due 04-01; of O: one done; an amended record's
/// overdue commitment, which no longer counts.
/// </summary>
public sealed class ReviewData
{
    public required int Session2026 { get; init; }
    public required int Session2025 { get; init; }
    public required Dictionary<string, int> Items { get; init; }
    public required Dictionary<string, string> Numbers { get; init; }

    private static DateTime D(int year, int month, int day, int hour = 2) => new(year, month, day, hour, 0, 0, DateTimeKind.Utc);

    public static async Task<ReviewData> CreateAsync(ItemWorld world)
    {
        var L = world.LeadUnitId;
        var O = world.OtherUnitId;
        var deputy = world.DeputyId;
        return await world.App.WithDb(async db =>
        {
            var s2026 = db.Sessions.Single(s => s.Year == 2026);
            var s2025 = new Session { Year = 2025, Name = "市十六届人大四次会议" };
            db.Sessions.Add(s2025);
            await db.SaveChangesAsync();
            var items = new Dictionary<string, Item>();

            Item Add(string key, Session session, ItemKind kind, ItemState state, DateTime received, bool registered = true)
            {
                var number = registered ? Item.FormatNumber(session.Year, kind, items.Count + 1) : null;
                var item = new Item
                {
                    SessionId = session.Id, Kind = kind, State = state, Number = number, Sequence = registered ? items.Count + 1 : null,
                    Title = $"测试{key}", Body = "用于统计的测试件。", CreatedAtUtc = received, SubmittedAtUtc = registered ? received : null,
                    RegisteredAtUtc = registered ? received : null, Version = Guid.NewGuid(),
                    Signers = [new ItemSigner { DeputyId = deputy, Role = SignerRole.Submitter, ConfirmedAtUtc = received }],
                };
                db.Items.Add(item);
                items[key] = item;
                return item;
            }

            Assignment Duty(Item item, int unit, DateTime assigned, DateTime due, AssignmentRole role = AssignmentRole.Lead)
            {
                var a = new Assignment
                {
                    Item = item, UnitId = unit, Role = role, State = AssignmentState.Active, AssignedAtUtc = assigned, SignedForAtUtc = assigned,
                    DueAtUtc = due, OriginalDueAtUtc = due, Version = Guid.NewGuid(),
                };
                item.Assignments.Add(a);
                return a;
            }

            Response Answer(Item item, int unit, DateTime at, ResponseCategory category, ReHandling? reHandling = null)
            {
                var r = new Response
                {
                    ItemId = item.Id, UnitId = unit, AuthorId = 1, Category = category, Text = "答复全文。", AnsweredAtUtc = at,
                    ReHandling = reHandling, Version = Guid.NewGuid(),
                };
                db.Responses.Add(r);
                return r;
            }

            Evaluation Evaluate(Item item, Response response, DateTime at, Satisfaction work, Satisfaction result)
            {
                var e = new Evaluation { ItemId = item.Id, ResponseId = response.Id, DeputyId = deputy, Work = work, Result = result, EvaluatedAtUtc = at };
                db.Evaluations.Add(e);
                return e;
            }

            ReturnVisit Visit(Item item, int unit, VisitPhase phase, VisitMethod method, VisitState state, DateTime start)
            {
                var v = new ReturnVisit
                {
                    ItemId = item.Id, LeadUnitId = unit, Phase = phase, Method = method, State = state, StartUtc = start,
                    DurationMinutes = 30, EndUtc = start.AddMinutes(30), ScheduledById = 1, ScheduledAtUtc = start.AddDays(-3),
                    Version = Guid.NewGuid(),
                };
                db.Visits.Add(v);
                return v;
            }

            var i1 = Add("I1", s2026, ItemKind.Suggestion, ItemState.Evaluated, D(2025, 12, 20));
            i1.IsUrgent = true;
            var i2 = Add("I2", s2026, ItemKind.Suggestion, ItemState.Evaluated, D(2025, 9, 20));
            var i3 = Add("I3", s2026, ItemKind.Proposal, ItemState.Evaluated, D(2025, 9, 25));
            var i4 = Add("I4", s2026, ItemKind.Proposal, ItemState.InHandling, D(2025, 10, 25));
            i4.IsDifficult = i4.IsLongOverdue = true;
            var i5 = Add("I5", s2026, ItemKind.Suggestion, ItemState.InHandling, D(2026, 2, 28, 17));
            Add("I6", s2026, ItemKind.Suggestion, ItemState.Registered, D(2026, 3, 5));
            Add("I7", s2026, ItemKind.Suggestion, ItemState.Draft, D(2026, 3, 6), registered: false);
            var i8 = Add("I8", s2025, ItemKind.Suggestion, ItemState.Closed, D(2025, 3, 1));
            Duty(i1, L, D(2026, 1, 1), D(2026, 4, 1));
            var a2 = Duty(i2, L, D(2025, 10, 1), D(2026, 1, 1));
            Duty(i3, L, D(2025, 10, 1), D(2026, 1, 1));
            Duty(i4, O, D(2025, 11, 1), D(2026, 2, 1));
            Duty(i5, O, D(2026, 3, 1), D(2026, 6, 1));
            Duty(i5, world.CoUnitId, D(2026, 3, 1), D(2026, 4, 1), AssignmentRole.Co);
            Duty(i8, L, D(2025, 3, 5), D(2025, 6, 5));
            await db.SaveChangesAsync();

            db.ExtensionRequests.Add(new ExtensionRequest
            {
                ItemId = i2.Id, AssignmentId = a2.Id, RequestedDueAtUtc = D(2026, 2, 15), Reason = "需要协调资金。",
                State = RequestState.Approved, RequestedAtUtc = D(2025, 12, 20), DecidedAtUtc = D(2025, 12, 21),
            });
            var r1 = Answer(i1, L, D(2026, 2, 1), ResponseCategory.A);
            var r2 = Answer(i2, L, D(2026, 2, 10), ResponseCategory.B);
            var r3 = Answer(i3, L, D(2026, 1, 20), ResponseCategory.C);
            var r8 = Answer(i8, L, D(2025, 4, 1), ResponseCategory.A);
            await db.SaveChangesAsync();
            Evaluate(i1, r1, D(2026, 2, 5), Satisfaction.Satisfied, Satisfaction.Satisfied);
            Evaluate(i2, r2, D(2026, 2, 12), Satisfaction.Satisfied, Satisfaction.BasicallySatisfied);
            var e3 = Evaluate(i3, r3, D(2026, 1, 25), Satisfaction.BasicallySatisfied, Satisfaction.Dissatisfied);
            Evaluate(i8, r8, D(2025, 4, 5), Satisfaction.Satisfied, Satisfaction.Satisfied);
            await db.SaveChangesAsync();
            var reHandling = new ReHandling { ItemId = i3.Id, Evaluation = e3, OpenedAtUtc = D(2026, 1, 25), DueAtUtc = D(2026, 2, 25), AnsweredAtUtc = D(2026, 2, 20) };
            db.ReHandlings.Add(reHandling);
            var r3b = Answer(i3, L, D(2026, 2, 20), ResponseCategory.A, reHandling);
            await db.SaveChangesAsync();
            Evaluate(i3, r3b, D(2026, 3, 1), Satisfaction.Satisfied, Satisfaction.Satisfied);

            var v1 = Visit(i1, L, VisitPhase.BeforeAnswer, VisitMethod.Video, VisitState.Held, D(2026, 1, 20));
            Visit(i2, L, VisitPhase.DuringHandling, VisitMethod.Phone, VisitState.Held, D(2026, 2, 11));
            var v3 = Visit(i3, L, VisitPhase.BeforeAnswer, VisitMethod.InPerson, VisitState.Held, D(2026, 1, 10));
            Visit(i4, O, VisitPhase.BeforeAnswer, VisitMethod.Video, VisitState.NoShow, D(2026, 1, 15));
            Visit(i4, O, VisitPhase.DuringHandling, VisitMethod.Phone, VisitState.Cancelled, D(2026, 2, 15));
            Visit(i5, O, VisitPhase.BeforeAnswer, VisitMethod.Video, VisitState.Scheduled, D(2026, 3, 20));
            Visit(i8, L, VisitPhase.BeforeAnswer, VisitMethod.Video, VisitState.Held, D(2025, 3, 20));
            await db.SaveChangesAsync();

            VisitRecord Record(ReturnVisit visit, params Commitment[] commitments) => new()
            {
                VisitId = visit.Id, ItemId = visit.ItemId, AuthorId = 1, MethodUsed = visit.Method, Participants = "代表、承办人",
                DeputyOpinion = "希望尽快落实。", State = RecordState.Confirmed, WrittenAtUtc = visit.EndUtc, Version = Guid.NewGuid(),
                Commitments = commitments.ToList(),
            };
            Commitment Promise(Item item, int unit, DateTime due, DateTime? done = null) =>
                new() { ItemId = item.Id, OwnerUnitId = unit, Text = "落实承诺。", DueAtUtc = due, DoneAtUtc = done, Version = Guid.NewGuid() };
            db.VisitRecords.Add(Record(v1, Promise(i1, L, D(2026, 3, 1)), Promise(i1, L, D(2026, 4, 1)), Promise(i1, O, D(2026, 2, 1), D(2026, 2, 2))));
            var amended = Record(v3, Promise(i3, L, D(2026, 2, 1)));
            db.VisitRecords.Add(amended);
            await db.SaveChangesAsync();
            var amendment = Record(v3, Promise(i3, L, D(2026, 5, 1)));
            amendment.AmendsRecordId = amended.Id;
            db.VisitRecords.Add(amendment);
            await db.SaveChangesAsync();
            return new ReviewData
            {
                Session2026 = s2026.Id, Session2025 = s2025.Id,
                Items = items.ToDictionary(p => p.Key, p => p.Value.Id),
                Numbers = items.Where(p => p.Value.Number != null).ToDictionary(p => p.Key, p => p.Value.Number!),
            };
        });
    }
}
