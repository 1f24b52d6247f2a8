using Consultation.Data;
using Consultation.Notifications;
using Consultation.Visits;
using Microsoft.EntityFrameworkCore;

namespace Consultation.Items;

/// <summary>
/// What the morning deadline watch says at one instant: each unit's due-soon and overdue items and overdue visit
/// commitments, and the office's digest of them all. The watch sends it; the demo data shows the one sent this morning.
/// </summary>
public sealed class DeadlineDigest
{
    private sealed record Due(int UnitId, string? Number);
    private sealed record Promise(int OwnerUnitId, int ItemId, string? Number, string Text, DateTime DueAtUtc);

    private List<Due> _dueSoon = [];
    private List<Due> _overdue = [];
    private List<Promise> _commitments = [];

    /// <summary>The office's calendar day the digest is for, "yyyy-MM-dd".</summary>
    public string Day { get; private init; } = "";

    public static async Task<DeadlineDigest> ComputeAsync(AppDbContext db, DateTime now, DeadlineSettings deadlines, string timeZone)
    {
        var answering = db.Assignments.Answering();
        return new DeadlineDigest
        {
            Day = MessageTexts.Time(now, timeZone)[..10],
            _dueSoon = await answering.DueSoon(now, deadlines).Select(a => new Due(a.UnitId, a.Item!.Number)).ToListAsync(),
            _overdue = await answering.Overdue(now).Select(a => new Due(a.UnitId, a.Item!.Number)).ToListAsync(),
            _commitments = await db.Commitments.Overdue(now).OrderBy(c => c.DueAtUtc)
                .Join(db.Items, c => c.ItemId, i => i.Id, (c, i) => new Promise(c.OwnerUnitId, c.ItemId, i.Number, c.Text, c.DueAtUtc))
                .ToListAsync(),
        };
    }

    /// <summary>The units with something to hear about.</summary>
    public IEnumerable<int> Units =>
        _dueSoon.Select(d => d.UnitId).Concat(_overdue.Select(o => o.UnitId)).Concat(_commitments.Select(c => c.OwnerUnitId)).Distinct();

    public object ForUnit(int unit) => new
    {
        day = Day,
        dueSoon = _dueSoon.Where(d => d.UnitId == unit).Select(d => d.Number).ToArray(),
        overdue = _overdue.Where(o => o.UnitId == unit).Select(o => o.Number).ToArray(),
        overdueCommitments = Listed(_commitments.Where(c => c.OwnerUnitId == unit)),
    };

    public object ForOffice() => new
    {
        day = Day,
        overdue = _overdue.Select(o => o.Number).Distinct().ToArray(),
        dueSoon = _dueSoon.Select(d => d.Number).Distinct().Count(),
        overdueCommitments = Listed(_commitments),
    };

    private static object[] Listed(IEnumerable<Promise> commitments) =>
        commitments.Select(c => new { c.ItemId, c.Number, c.Text, c.DueAtUtc }).ToArray<object>();
}
