using Consultation.Accounts;
using Consultation.Calls;
using Consultation.Deputies;
using Consultation.Items;
using Consultation.Outcomes;
using Consultation.Units;
using Consultation.Visits;

namespace Consultation.Data;

internal static partial class DemoData
{
    /// <summary>One item's story, told step by step in the order it happened; each step sets the state it leads to.</summary>
    private sealed class Plot(Demo demo, Item item, Deputy submitter)
    {
        private Assignment? _lead;
        private Response? _answer;
        private Evaluation? _evaluation;
        private string? _decisionNote;
        private ReHandling? _reHandling;
        private bool _contacted;

        public Item Item => item;
        public ReturnVisit? LastVisit { get; private set; }

        private Assignment Lead => _lead ?? throw new InvalidOperationException($"'{item.Title}' has no lead unit yet.");
        private IEnumerable<Assignment> Active => item.Assignments.Where(a => a.State == AssignmentState.Active);

        public Plot Drafted(int day)
        {
            item.CreatedAtUtc = demo.Day(day, 20, 30);
            foreach (var signer in item.Signers)
                signer.ConfirmedAtUtc = signer.Role == SignerRole.Submitter ? item.CreatedAtUtc : null;
            return this;
        }

        public Plot Submitted(int day) => Submitted(demo.Day(day, 9, 20));

        public Plot Submitted(DateTime at)
        {
            item.CreatedAtUtc = at.AddDays(-1);
            // Co-signers confirm in their own accounts before the submitter sends the item.
            foreach (var signer in item.Signers)
                signer.ConfirmedAtUtc = signer.Role == SignerRole.Submitter ? item.CreatedAtUtc : item.CreatedAtUtc.AddHours(5);
            item.SubmittedAtUtc = at;
            item.State = ItemState.Submitted;
            return this;
        }

        public Plot Unconfirmed(string coSigner)
        {
            item.Signers.Single(s => s.DeputyId == demo.Deputies[coSigner].Id).ConfirmedAtUtc = null;
            return this;
        }

        public Plot Rejected(int day, string reason)
        {
            item.RejectedAtUtc = demo.Day(day, 15);
            item.RejectionReason = reason;
            item.State = ItemState.Rejected;
            return this;
        }

        public Plot Registered(int day)
        {
            item.RegisteredAtUtc = demo.Day(day, 14);
            item.State = ItemState.Registered;
            return this;
        }

        /// <summary>Registered by the office from a paper submission, for a deputy who does not sign in.</summary>
        public Plot ImportedAs(string key)
        {
            item.ImportKey = key;
            return this;
        }

        public Plot Tagged(bool urgent = false, bool troublesome = false, bool difficult = false, bool longOverdue = false)
        {
            (item.IsUrgent, item.IsTroublesome, item.IsDifficult, item.IsLongOverdue) = (urgent, troublesome, difficult, longOverdue);
            return this;
        }

        public Plot Key(string handlingPlan)
        {
            item.IsKey = true;
            item.HandlingPlan = handlingPlan;
            return this;
        }

        public Plot District()
        {
            item.Level = ItemLevel.District;
            return this;
        }

        public Plot Assigned(int day, string lead, params string[] co) => Assigned(demo.Day(day, 9, 30), lead, co);

        /// <summary>Assigned so that the answer falls due <paramref name="dueDay"/> days from today.</summary>
        public Plot AssignedDueIn(int dueDay, string lead, params string[] co)
        {
            var due = demo.Day(dueDay, 9, 30);
            return Assigned(item.Kind == ItemKind.Express
                ? due.AddDays(-demo.Deadlines.ExpressDays)
                : due.AddMonths(-demo.Deadlines.AnswerMonths), lead, co);
        }

        public Plot Assigned(DateTime at, string lead, params string[] co)
        {
            _lead = NewAssignment(at, lead, AssignmentRole.Lead);
            foreach (var unit in co)
                NewAssignment(at, unit, AssignmentRole.Co);
            item.State = ItemState.Assigned;
            return this;
        }

        /// <summary>Each unit answers its own part (分办); the first one hosts the visits.</summary>
        /// <summary>Each unit answers its own part (分办); the first one hosts the visits.</summary>
        public Plot AssignedSeparately(int day, params string[] units)
        {
            _lead = units.Select(unit => NewAssignment(demo.Day(day, 9, 30), unit, AssignmentRole.Separate)).ToList()[0];
            item.State = ItemState.Assigned;
            return this;
        }

        private Assignment NewAssignment(DateTime at, string unit, AssignmentRole role)
        {
            var due = role == AssignmentRole.Co ? at.AddMonths(demo.Deadlines.CoOpinionMonths)
                : item.Kind == ItemKind.Express ? at.AddDays(demo.Deadlines.ExpressDays)
                : at.AddMonths(demo.Deadlines.AnswerMonths);
            var assignment = new Assignment
            {
                UnitId = demo.Units[unit].Id, Role = role, State = AssignmentState.Active,
                AssignedAtUtc = at, DueAtUtc = due, OriginalDueAtUtc = due,
            };
            item.Assignments.Add(assignment);
            return assignment;
        }

        public Plot SignedFor(int day)
        {
            foreach (var assignment in Active)
                assignment.SignedForAtUtc = demo.Day(assignment.Role == AssignmentRole.Co && day < -1 ? day + 1 : day, 11);
            item.State = ItemState.InHandling;
            return this;
        }

        /// <summary>The lead unit asks to give the item back within the return window; the office decides or not yet.</summary>
        public Plot AsksToReturn(int day, string reason, int? approvedDay = null)
        {
            var lead = Lead;
            var request = new ReturnRequest
            {
                Reason = reason, State = RequestState.Pending, RequestedAtUtc = demo.Day(day, 16),
                RequestedById = demo.HandlerOf(lead.UnitId).Id,
            };
            if (request.RequestedAtUtc > lead.AssignedAtUtc.AddDays(demo.Deadlines.ReturnWindowDays))
                throw new InvalidOperationException($"'{item.Title}': a return is asked for within the return window.");
            if (approvedDay is { } approved)
            {
                (request.State, request.DecidedById, request.DecidedAtUtc) = (RequestState.Approved, demo.Office.Id, demo.Day(approved, 10));
                request.DecisionNote = _decisionNote = "同意退回，由督查处重新交办。";
                (lead.State, lead.ReturnedAtUtc) = (AssignmentState.Returned, request.DecidedAtUtc);
                _lead = null;
                item.State = ItemState.Registered;
            }
            demo.Add(request, () => (request.ItemId, request.AssignmentId) = (item.Id, lead.Id), item);
            return this;
        }

        /// <summary>An extension to <paramref name="months"/> after assignment; approved moves the deadline.</summary>
        public Plot AsksForExtension(int day, int months, string reason, int? approvedDay = null)
        {
            var lead = Lead;
            var due = lead.AssignedAtUtc.AddMonths(months);
            if (due > lead.AssignedAtUtc.AddMonths(demo.Deadlines.ExtensionCapMonths))
                throw new InvalidOperationException($"'{item.Title}': an extension never reaches past the cap.");
            var request = new ExtensionRequest
            {
                RequestedDueAtUtc = due, Reason = reason, State = RequestState.Pending, RequestedAtUtc = demo.Day(day, 16),
                RequestedById = demo.HandlerOf(lead.UnitId).Id,
            };
            if (approvedDay is { } approved)
            {
                (request.State, request.DecidedById, request.DecidedAtUtc) = (RequestState.Approved, demo.Office.Id, demo.Day(approved, 11));
                request.DecisionNote = _decisionNote = "同意延期。请加快协调进度，并及时向代表说明延期原因。";
                lead.DueAtUtc = due;
            }
            demo.Add(request, () => (request.ItemId, request.AssignmentId) = (item.Id, lead.Id), item);
            return this;
        }

        public Plot Progress(int day, string text, string? unit = null, int hour = 16)
        {
            var unitId = unit is null ? Lead.UnitId : demo.Units[unit].Id;
            var entry = new ProgressEntry { UnitId = unitId, AuthorId = demo.HandlerOf(unitId).Id, AtUtc = demo.Day(day, hour), Text = text };
            demo.Add(entry, () => entry.ItemId = item.Id, item);
            return this;
        }

        public Plot CoOpinion(int day, string unit, string text)
        {
            var assignment = Active.Single(a => a.Role == AssignmentRole.Co && a.UnitId == demo.Units[unit].Id);
            var opinion = new CoHandlerOpinion
            {
                UnitId = assignment.UnitId, AuthorId = demo.HandlerOf(assignment.UnitId).Id, SubmittedAtUtc = demo.Day(day, 17), Text = text,
            };
            demo.Add(opinion, () => (opinion.ItemId, opinion.AssignmentId) = (item.Id, assignment.Id), item);
            return this;
        }

        /// <summary>A visit as scheduled; <see cref="Held"/>, <see cref="NoShow"/> or <see cref="CancelledBecause"/> may follow.</summary>
        public Plot Visit(DateTime start, int minutes, VisitPhase phase, VisitMethod method, string agenda,
            bool coSigners = false, bool office = false, string? extraStaff = null)
        {
            var host = demo.HandlerOf(Lead.UnitId);
            var visit = new ReturnVisit
            {
                LeadUnitId = Lead.UnitId, Phase = phase, Method = method, State = VisitState.Scheduled,
                StartUtc = start, DurationMinutes = minutes, EndUtc = start.AddMinutes(minutes), Agenda = agenda,
                Location = method == VisitMethod.InPerson ? $"{demo.Units.Values.Single(u => u.Id == Lead.UnitId).Name}会议室" : null,
                ScheduledById = host.Id,
                ScheduledAtUtc = start.AddDays(-4) < demo.Now ? start.AddDays(-4) : demo.Day(-1, 17),
            };
            visit.Participants.Add(Person(submitter, ParticipantRole.Submitter));
            if (coSigners)
                foreach (var signer in item.Signers.Where(s => s.Role == SignerRole.CoSigner && s.ConfirmedAtUtc is not null))
                    visit.Participants.Add(Person(demo.Deputies.Values.Single(d => d.Id == signer.DeputyId), ParticipantRole.CoSigner));
            visit.Participants.Add(Staff(host, ParticipantRole.LeadUnit));
            if (extraStaff is not null)
                visit.Participants.Add(Staff(demo.Users[extraStaff], ParticipantRole.LeadUnit));
            foreach (var co in Active.Where(a => a.Role == AssignmentRole.Co))
                visit.Participants.Add(Staff(demo.HandlerOf(co.UnitId), ParticipantRole.CoUnit));
            if (office)
                visit.Participants.Add(Staff(demo.Office, ParticipantRole.Office));

            demo.Add(visit, () => visit.ItemId = item.Id, item);
            demo.Later(() => RecordAttendance(visit), visit);
            LastVisit = visit;
            return this;
        }

        /// <summary>A contact before the answer: a short held visit with confirmed minutes.</summary>
        public Plot Contacted(int day, VisitMethod method, string deputyOpinion) =>
            Visit(demo.Day(day, 15), 30, VisitPhase.BeforeAnswer, method, "就办理情况和拟答复意见与代表沟通")
                .Held(new Minutes(deputyOpinion, "承办单位介绍了办理过程、采取的措施和拟答复意见，并听取代表意见。"));

        public Plot Held(Minutes? minutes = null)
        {
            var visit = LastVisit!;
            (visit.State, visit.ClosedAtUtc) = (VisitState.Held, visit.EndUtc.AddMinutes(10));
            _contacted |= visit.Phase is VisitPhase.BeforeAnswer or VisitPhase.DuringHandling;
            if (minutes is null)
                return this;
            var record = new VisitRecord
            {
                AuthorId = visit.ScheduledById, MethodUsed = visit.Method, State = RecordState.Confirmed,
                Participants = string.Join("、", visit.Participants.Select(Describe)),
                DeputyOpinion = minutes.DeputyOpinion, Explained = minutes.Explained,
                WrittenAtUtc = visit.EndUtc.AddHours(2),
                ConfirmedAtUtc = visit.EndUtc.AddDays(1) < demo.Now ? visit.EndUtc.AddDays(1) : demo.Now.AddHours(-1),
            };
            foreach (var promise in minutes.Commitments)
                record.Commitments.Add(new Commitment
                {
                    OwnerUnitId = promise.Unit is null ? visit.LeadUnitId : demo.Units[promise.Unit].Id, Text = promise.Text,
                    DueAtUtc = demo.Day(promise.DueDay, 18), DoneAtUtc = promise.DoneDay is { } done ? demo.Day(done, 16) : null,
                });
            demo.Add(record, () =>
            {
                (record.VisitId, record.ItemId) = (visit.Id, item.Id);
                record.Commitments.ForEach(c => c.ItemId = item.Id);
            }, visit);
            return this;
        }

        public Plot NoShow()
        {
            var visit = LastVisit!;
            (visit.State, visit.ClosedAtUtc) = (VisitState.NoShow, visit.StartUtc.AddMinutes(15));
            visit.Participants.Where(p => p.Role == ParticipantRole.Submitter).ToList().ForEach(p => p.NoShow = true);
            return this;
        }

        public Plot CancelledBecause(string reason)
        {
            var visit = LastVisit!;
            (visit.State, visit.CancellationReason) = (VisitState.Cancelled, reason);
            // The cancellation went out as a new revision of the invitation.
            visit.Sequence = 1;
            return this;
        }

        private void RecordAttendance(ReturnVisit visit)
        {
            if (visit.Method != VisitMethod.Video || visit.State is not (VisitState.Held or VisitState.NoShow))
                return;
            var present = visit.Participants.Where(p => !p.NoShow).ToList();
            for (var i = 0; i < present.Count; i++)
                demo.Db.Attendance.Add(new AttendanceEntry
                {
                    VisitId = visit.Id, ParticipantId = present[i].Id, JoinedAtUtc = visit.StartUtc.AddMinutes(i - present.Count),
                    LeftAtUtc = visit.State == VisitState.Held ? visit.EndUtc : visit.ClosedAtUtc,
                });
        }

        private VisitParticipant Person(Deputy deputy, ParticipantRole role) =>
            new() { DeputyId = deputy.Id, UserId = demo.AccountOf(deputy)?.Id, Role = role, DisplayName = deputy.Name };

        private static VisitParticipant Staff(User user, ParticipantRole role) =>
            new() { UserId = user.Id, UnitId = user.UnitId, Role = role, DisplayName = user.DisplayName };

        public Plot Notifies(string userName, string kind, int day, bool read = false)
        {
            demo.Notify(userName, kind, this, demo.Day(day, 17), read, extra: ExtraFor(kind));
            return this;
        }

        /// <summary>The values the server saves with each kind (HandlingApi, OfficeApi, EvaluationApi), from the story so far.</summary>
        private object? ExtraFor(string kind) => kind switch
        {
            "answered" or "follow-up" when _answer is { } a => new { unit = UnitName(a.UnitId), category = a.Category },
            "evaluated" or "rehandling" when _evaluation is { } e => new { work = e.Work, result = e.Result },
            "return-requested" or "extension-requested" or "opinion" when _lead is { } l => new { unit = UnitName(l.UnitId) },
            "return-approved" or "return-refused" or "extension-approved" or "extension-refused" => new { note = _decisionNote },
            _ => null,
        };

        private string UnitName(int unitId) => demo.Units.Values.Single(u => u.Id == unitId).Name;

        /// <summary>Tells someone about the last visit, by default the invitation sent when it was scheduled.</summary>
        public Plot NotifiesOfVisit(string userName, string kind = VisitMessage.Invited, bool read = false, int? day = null)
        {
            var visit = LastVisit!;
            demo.Notify(userName, kind, this, day is { } d ? demo.Day(d, 17) : visit.ScheduledAtUtc.AddMinutes(1), read, visit);
            return this;
        }

        private string Describe(VisitParticipant p) => p.Role switch
        {
            ParticipantRole.Submitter or ParticipantRole.CoSigner =>
                p.DisplayName + (demo.Deputies.Values.Single(d => d.Id == p.DeputyId).Body == DeputyBody.Cppcc ? "委员" : "代表"),
            ParticipantRole.Office => "市政府办公室" + p.DisplayName,
            _ => demo.Units.Values.Single(u => u.Id == p.UnitId).ShortName + p.DisplayName,
        };

        public Plot Answered(int day, ResponseCategory category, string text, string? unit = null)
        {
            if (!_contacted)
                throw new InvalidOperationException($"'{item.Title}': an answer needs a contact with the deputy first.");
            var unitId = unit is null ? Lead.UnitId : demo.Units[unit].Id;
            var response = new Response
            {
                UnitId = unitId, AuthorId = demo.HandlerOf(unitId).Id, Category = category, Text = text, AnsweredAtUtc = demo.Day(day, 15),
            };
            if (_reHandling is { } reHandling)
            {
                demo.Add(response, () => (response.ItemId, response.ReHandlingId) = (item.Id, reHandling.Id), reHandling);
                demo.Later(() => (reHandling.ResponseId, reHandling.AnsweredAtUtc) = (response.Id, response.AnsweredAtUtc), response);
                _reHandling = null;
            }
            else
                demo.Add(response, () => response.ItemId = item.Id, item);
            _answer = response;
            item.State = ItemState.Answered;
            return this;
        }

        /// <summary>The submitter's verdict; a dissatisfied one reopens the item with its own one-month deadline.</summary>
        public Plot Evaluated(int day, Satisfaction work, Satisfaction result, string? comment = null)
        {
            var answer = _answer ?? throw new InvalidOperationException($"'{item.Title}' is evaluated only after an answer.");
            var evaluation = new Evaluation
            {
                DeputyId = submitter.Id, Work = work, Result = result, Comment = comment, EvaluatedAtUtc = demo.Day(day, 20),
            };
            demo.Add(evaluation, () => (evaluation.ItemId, evaluation.ResponseId) = (item.Id, answer.Id), answer);
            _evaluation = evaluation;
            item.State = ItemState.Evaluated;
            if (work != Satisfaction.Dissatisfied && result != Satisfaction.Dissatisfied)
                return this;

            if (string.IsNullOrEmpty(comment))
                throw new InvalidOperationException($"'{item.Title}': a dissatisfied evaluation needs a comment.");
            var reHandling = new ReHandling
            {
                OpenedAtUtc = evaluation.EvaluatedAtUtc,
                DueAtUtc = evaluation.EvaluatedAtUtc.AddMonths(demo.Deadlines.ReHandlingMonths),
            };
            demo.Add(reHandling, () => (reHandling.ItemId, reHandling.EvaluationId) = (item.Id, evaluation.Id), evaluation);
            // The lead unit's deadline is now the re-handling one, so the deadline watch sees it.
            Lead.DueAtUtc = reHandling.DueAtUtc;
            _reHandling = reHandling;
            _contacted = false;
            item.State = ItemState.ReHandling;
            return this;
        }

        public Plot Closed(int day)
        {
            item.ClosedAtUtc = demo.Day(day, 11);
            item.UnderTracking = _answer?.Category is ResponseCategory.B or ResponseCategory.C;
            item.State = ItemState.Closed;
            return this;
        }

        /// <summary>The later answer to a B/C item under tracking; it ends the tracking.</summary>
        public Plot FollowedUp(int day, ResponseCategory category, string text)
        {
            var response = new Response
            {
                UnitId = Lead.UnitId, AuthorId = demo.HandlerOf(Lead.UnitId).Id, Category = category, Text = text,
                AnsweredAtUtc = demo.Day(day, 15), IsFollowUp = true,
            };
            demo.Add(response, () => response.ItemId = item.Id, item);
            item.UnderTracking = false;
            return this;
        }
    }
}
