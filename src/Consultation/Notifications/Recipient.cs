using Consultation.Data;
using Consultation.Visits;
using Microsoft.EntityFrameworkCore;

namespace Consultation.Notifications;

/// <summary>
/// Someone to tell, with how to reach them: an account (in-app, and the channels they chose) or a deputy's
/// record without an account (only the e-mail address or phone number on the record).
/// </summary>
public sealed record Recipient(string Key, int? UserId, string Name, string? Email, string? Phone, bool ByEmail, bool BySms, string TimeZone)
{
    /// <summary>Their place among a visit's participants, when they were found as one.</summary>
    public int? ParticipantId { get; init; }
}

public static class Recipients
{
    public static async Task<List<Recipient>> OfVisitAsync(AppDbContext db, ReturnVisit visit)
    {
        var userIds = visit.Participants.Where(p => p.UserId != null).Select(p => p.UserId!.Value).ToList();
        var deputyIds = visit.Participants.Where(p => p.UserId == null && p.DeputyId != null).Select(p => p.DeputyId!.Value).ToList();
        // A deputy with an account is reached through it.
        var accounts = await db.Users.Where(u => userIds.Contains(u.Id) || (u.DeputyId != null && deputyIds.Contains(u.DeputyId.Value)))
            .ToListAsync();
        var withAccount = accounts.Where(u => u.DeputyId != null).Select(u => u.DeputyId!.Value).ToHashSet();
        var records = await db.Deputies.Where(d => deputyIds.Contains(d.Id) && !withAccount.Contains(d.Id)).ToListAsync();
        int? ParticipantOf(int? userId, int? deputyId) =>
            visit.Participants.FirstOrDefault(p => (p.UserId != null && p.UserId == userId) || (p.DeputyId != null && p.DeputyId == deputyId))?.Id;
        return
        [
            .. accounts.Select(u => OfUser(u) with { ParticipantId = ParticipantOf(u.Id, u.DeputyId) }),
            .. records.Select(d => new Recipient($"deputy:{d.Id}", null, d.Name, d.Email, d.Phone, d.Email != null, false, "Asia/Shanghai")
                { ParticipantId = ParticipantOf(null, d.Id) }),
        ];
    }

    public static Task<List<Recipient>> OfUsersAsync(AppDbContext db, IQueryable<int> userIds) =>
        db.Users.Where(u => userIds.Contains(u.Id)).Select(u => OfUser(u)).ToListAsync();

    private static Recipient OfUser(Accounts.User u) =>
        new($"user:{u.Id}", u.Id, u.DisplayName, u.Email, u.PhoneNumber, u.NotifyByEmail && u.Email != null, u.NotifyBySms && u.PhoneNumber != null, u.TimeZone);
}
