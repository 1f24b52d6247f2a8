using Consultation.Accounts;

namespace Consultation.Items;

/// <summary>
/// "May this user see this item?" as part of every query: the office sees every submitted item, a handler
/// the items assigned to their unit, a deputy the items they submitted or co-signed. Everyone else: none.
/// </summary>
public static class ItemAccess
{
    public static IQueryable<Item> VisibleTo(this IQueryable<Item> items, CurrentUser me)
    {
        var office = me.IsInRole(Roles.Office);
        var unit = me.IsInRole(Roles.Handler) ? me.UnitId ?? -1 : -1;
        var deputy = me.IsInRole(Roles.Deputy) ? me.DeputyId ?? -1 : -1;
        return items.Where(i => (office && i.State != ItemState.Draft)
                                || i.Assignments.Any(a => a.UnitId == unit)
                                || i.Signers.Any(s => s.DeputyId == deputy));
    }

    /// <summary>The office and the item's units see its internal side: audit trail, opinions, requests.</summary>
    public static IQueryable<Item> HandledBy(this IQueryable<Item> items, CurrentUser me)
    {
        var office = me.IsInRole(Roles.Office);
        var unit = me.IsInRole(Roles.Handler) ? me.UnitId ?? -1 : -1;
        return items.Where(i => (office && i.State != ItemState.Draft) || i.Assignments.Any(a => a.UnitId == unit));
    }
}
