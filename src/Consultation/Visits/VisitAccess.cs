using Consultation.Accounts;
using Consultation.Data;

namespace Consultation.Visits;

/// <summary>Who sees a visit: its participants, the office, and the handlers of the units on its item.</summary>
public static class VisitAccess
{
    public static IQueryable<ReturnVisit> VisibleTo(this IQueryable<ReturnVisit> visits, AppDbContext db, CurrentUser me)
    {
        var office = me.IsInRole(Roles.Office);
        var user = me.UserId ?? -1;
        var deputy = me.IsInRole(Roles.Deputy) ? me.DeputyId ?? -1 : -1;
        var unit = me.IsInRole(Roles.Handler) ? me.UnitId ?? -1 : -1;
        return visits.Where(v => office
                                 || v.Participants.Any(p => p.UserId == user || p.DeputyId == deputy)
                                 || db.Assignments.Any(a => a.ItemId == v.ItemId && a.UnitId == unit));
    }
}
