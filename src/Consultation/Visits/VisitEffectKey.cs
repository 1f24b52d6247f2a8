using System.Globalization;

namespace Consultation.Visits;

/// <summary>
/// The ledger key of an effect of a visit: the visit, its version (<see cref="ReturnVisit.Sequence"/>), what is told and
/// to whom (the ledger adds the channel), e.g. "visit:42:s1:FirstReminder:user:7". Written and read here only, so that
/// a message sent again can be checked against the version of the visit it was composed for.
/// </summary>
public static class VisitEffectKey
{
    public static string Of(int visitId, int sequence, string what, string recipient) => $"visit:{visitId}:s{sequence}:{what}:{recipient}";

    /// <summary>The visit and its version a key was written for; null for the key of anything else.</summary>
    public static (int VisitId, int Sequence)? Read(string key) =>
        key.Split(':', 4) is ["visit", var visit, ['s', .. var sequence], _]
        && int.TryParse(visit, NumberStyles.None, CultureInfo.InvariantCulture, out var visitId)
        && int.TryParse(sequence, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? (visitId, number)
            : null;
}
