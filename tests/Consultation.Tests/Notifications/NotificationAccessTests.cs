using System.Net;
using System.Text;
using Consultation.Notifications;
using Consultation.Tests.Infrastructure;
using Consultation.Tests.Items;
using Microsoft.EntityFrameworkCore;

namespace Consultation.Tests.Notifications;

/// <summary>Each person's notifications are their own; the office alone sets the notification policy, and only to what it says.</summary>
public sealed class NotificationAccessTests : IAsyncLifetime
{
    private ItemWorld _w = null!;

    public async Task InitializeAsync() => _w = await ItemWorld.CreateAsync();
    public async Task DisposeAsync() => await _w.DisposeAsync();

    private Task<int> LeadsUnread() => _w.App.WithDb(db =>
        db.Notifications.CountAsync(n => n.ReadAtUtc == null && db.Users.Any(u => u.Id == n.UserId && u.UserName == "lead")));

    [Fact]
    public async Task Nobody_lists_or_marks_read_another_persons_notifications()
    {
        await _w.AssignedItemAsync();
        var unread = await LeadsUnread();
        Assert.True(unread > 0);

        Assert.Empty((await _w.Get<NotificationPage>(_w.OtherUnit, "/api/notifications")).Items);
        Assert.Equal(HttpStatusCode.NoContent, (await _w.Send(_w.OtherUnit, HttpMethod.Post, "/api/notifications/read-all")).StatusCode);
        Assert.Equal(unread, await LeadsUnread());
        foreach (var (method, path) in new[] { ("GET", "/api/notifications"), ("POST", "/api/notifications/read-all"), ("POST", "/api/notifications/1/read") })
            await People.DeniedAsync(await _w.Send(_w.App.Anonymous(), new HttpMethod(method), path), "anonymous", $"{method} {path}");
        Assert.Equal(unread, await LeadsUnread());
    }

    private Task<bool> SmsRequired() => _w.App.WithDb(db => db.NotificationPolicy.AnyAsync(p => p.RequireSmsForReminders));

    [Fact]
    public async Task Only_the_office_reads_and_sets_the_notification_policy()
    {
        await _w.Ok<PolicyDto>(_w.Office, HttpMethod.Put, "/api/office/notification-policy", new { requireSmsForReminders = true });

        foreach (var who in People.Everyone.Except(["office"]))
        {
            await People.DeniedAsync(await _w.Send(_w.As(who), HttpMethod.Get, "/api/office/notification-policy"), who, "read the policy");
            await People.DeniedAsync(await _w.Send(_w.As(who), HttpMethod.Put, "/api/office/notification-policy",
                new { requireSmsForReminders = false }), who, "set the policy");
        }
        Assert.True(await SmsRequired());
    }

    [Theory]
    [InlineData("{}", "requireSmsForReminders")]
    [InlineData("""{"requireSmsForReminders": "sometimes"}""", "requireSmsForReminders")]
    public async Task A_policy_that_does_not_say_yes_or_no_is_refused_and_the_policy_stays(string json, string field)
    {
        await _w.Ok<PolicyDto>(_w.Office, HttpMethod.Put, "/api/office/notification-policy", new { requireSmsForReminders = true });

        var response = await _w.Office.PutAsync("/api/office/notification-policy", new StringContent(json, Encoding.UTF8, "application/json"));

        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("invalid", problem.Code);
        Assert.Contains(field, problem.Errors.Keys);
        Assert.True(await SmsRequired());
    }
}
