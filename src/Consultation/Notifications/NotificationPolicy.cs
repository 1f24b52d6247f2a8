namespace Consultation.Notifications;

/// <summary>The office's rules for how people are told (a single row).</summary>
public class NotificationPolicy
{
    public int Id { get; set; }
    /// <summary>Reminders of visits also go by SMS to everyone with a phone number, whatever their own choice.</summary>
    public bool RequireSmsForReminders { get; set; }
}

public enum Channel { InApp, Email, Sms }
