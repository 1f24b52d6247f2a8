using Consultation.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Consultation.Visits;

/// <summary>The checks a record's form passes before it is saved, and how it is written into the record.</summary>
internal static class RecordForm
{
    /// <param name="existing">The commitments a form may refer to by id: the draft's own, or those of the record it amends.</param>
    public static ValidationProblem? Check(RecordScope scope, WriteRecord body, DateTime now, IEnumerable<Commitment> existing)
    {
        var errors = new Dictionary<string, string[]>();
        if (scope.Visit is { Method: VisitMethod.Video, State: VisitState.NoShow } && body.MethodUsed == VisitMethod.Video)
            errors["methodUsed"] = ["The video visit did not take place: record the phone call or meeting that completed it, with its method."];
        var known = existing.Where(c => c.WithdrawnAtUtc is null).ToDictionary(c => c.Id);
        var owners = scope.OwnerUnits;
        var inputs = body.Commitments ?? [];
        for (var i = 0; i < inputs.Length; i++)
        {
            var c = inputs[i];
            var field = $"commitments[{i}]";
            if (c.Text is not { } text || text.Trim().Length is < 2 or > 2_000)
                errors[$"{field}.text"] = ["Say what was promised (2 to 2,000 characters)."];
            if (!owners.ContainsKey(c.OwnerUnitId))
                errors[$"{field}.ownerUnitId"] = ["Choose the lead unit or a co-handling unit of this item as the owner."];
            Commitment? before = null;
            if (c.Id is { } id && !known.TryGetValue(id, out before))
                errors[$"{field}.id"] = ["This commitment is not in the record being written: reload the record and try again."];
            // A commitment carried forward unchanged keeps its date, even a past one; a new or moved date lies ahead.
            if (Utc(c.DueAtUtc) <= now && before?.DueAtUtc != Utc(c.DueAtUtc))
                errors[$"{field}.dueAtUtc"] = ["Choose a due date in the future."];
        }
        if (inputs.Select(c => c.Id).OfType<int>().GroupBy(id => id).Any(g => g.Count() > 1))
            errors["commitments"] = ["Each commitment appears once."];
        return errors.Count == 0 ? null
            : TypedResults.ValidationProblem(errors, extensions: new Dictionary<string, object?> { ["code"] = "invalid" });
    }

    /// <param name="carriedFrom">For an amendment: the amended record's commitments, copied with their done marks.</param>
    public static void Apply(VisitRecord record, WriteRecord body, DateTime now, List<Commitment>? carriedFrom = null)
    {
        record.MethodUsed = body.MethodUsed!.Value;
        record.Participants = body.Participants.Trim();
        record.DeputyOpinion = body.DeputyOpinion.Trim();
        record.Explained = string.IsNullOrWhiteSpace(body.Explained) ? null : body.Explained.Trim();
        var inputs = body.Commitments ?? [];
        if (carriedFrom is null)
        {
            var kept = inputs.Select(c => c.Id).OfType<int>().ToHashSet();
            foreach (var gone in record.Commitments.Where(c => c.WithdrawnAtUtc is null && !kept.Contains(c.Id)))
                gone.WithdrawnAtUtc = now;
        }
        foreach (var input in inputs)
        {
            var own = carriedFrom is null && input.Id is { } id ? record.Commitments.Single(c => c.Id == id) : null;
            var original = carriedFrom is not null && input.Id is { } from ? carriedFrom.Single(c => c.Id == from) : null;
            var commitment = own ?? new Commitment
            {
                ItemId = record.ItemId, Text = "", CopiedFromId = original?.Id, DoneAtUtc = original?.DoneAtUtc, DoneById = original?.DoneById,
            };
            (commitment.Text, commitment.OwnerUnitId, commitment.DueAtUtc) = (input.Text!.Trim(), input.OwnerUnitId, Utc(input.DueAtUtc));
            if (own is null)
                record.Commitments.Add(commitment);
        }
    }

    public static DateTime Utc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };
}
