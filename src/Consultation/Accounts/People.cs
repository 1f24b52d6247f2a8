using Consultation.Data;

namespace Consultation.Accounts;

/// <summary>The account ids behind the groups people are told or invited as: a role, a unit's handlers.</summary>
public static class People
{
    public static IQueryable<int> InRole(this AppDbContext db, string role) =>
        from ur in db.UserRoles
        join r in db.Roles on ur.RoleId equals r.Id
        where r.Name == role
        select ur.UserId;

    public static IQueryable<int> HandlersOf(this AppDbContext db, params int[] unitIds) =>
        db.Users.Where(u => u.UnitId != null && unitIds.Contains(u.UnitId.Value)).Select(u => u.Id);
}
