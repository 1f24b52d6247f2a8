using System.Globalization;
using Consultation.Visits;

namespace Consultation.Notifications;

/// <summary>
/// The words of e-mails and SMS, Chinese first with English below (the web app translates in-app
/// notifications itself from their kind and data). Times are shown in the recipient's zone.
/// </summary>
public static class MessageTexts
{
    public static string Time(DateTime utc, string timeZone)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var z) ? z : TimeZoneInfo.Utc;
        var local = TimeZoneInfo.ConvertTimeFromUtc(utc, zone);
        return local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + (zone == TimeZoneInfo.Utc ? " UTC" : "");
    }

    public static (string Subject, string Body) Visit(string kind, VisitText v, string timeZone)
    {
        var when = Time(v.StartUtc, timeZone);
        var (zh, en) = kind switch
        {
            VisitMessage.Invited => ($"回访邀请：{v.ItemNumber}《{v.ItemTitle}》，{when}，{v.Method.zh}", $"Return visit on {v.ItemNumber} at {when} ({v.Method.en})"),
            VisitMessage.Changed => ($"回访时间变更：{v.ItemNumber}，新的时间 {when}", $"Return visit on {v.ItemNumber} moved to {when}"),
            VisitMessage.Reminder => ($"回访提醒：{v.ItemNumber}，{when} 开始", $"Reminder: return visit on {v.ItemNumber} starts at {when}"),
            VisitMessage.RoomOpen => ($"视频会议室已开放：{v.ItemNumber}，{when} 开始", $"The video room for {v.ItemNumber} is open; it starts at {when}"),
            VisitMessage.Cancelled => ($"回访取消：{v.ItemNumber}（原定 {when}）", $"Return visit on {v.ItemNumber} at {when} is cancelled"),
            _ => ($"回访通知：{v.ItemNumber}", $"Return visit on {v.ItemNumber}"),
        };
        var body = $"""
            {zh}
            事项：{v.ItemNumber}《{v.ItemTitle}》
            时间：{when}，约 {v.DurationMinutes} 分钟
            方式：{v.Method.zh}{(v.Location is null ? "" : $"，地点：{v.Location}")}
            {(v.Reason is null ? "" : $"原因：{v.Reason}\n")}{(v.Method.en == "video" ? $"加入链接（会前 10 分钟开放）：{v.JoinUrl}" : "")}

            {en}
            Item: {v.ItemNumber} {v.ItemTitle}
            {(v.Method.en == "video" ? $"Join: {v.JoinUrl}" : "")}
            """;
        return (zh, body);
    }

    public static string Sms(string kind, VisitText v, string timeZone) =>
        Visit(kind, v, timeZone).Subject + (v.Method.en == "video" ? $" {v.JoinUrl}" : "");

    /// <summary>To a lead-unit handler away from the screen: who waits in the lobby, and where to go to join.</summary>
    public static string Waiting(string itemNumber, IEnumerable<string> waiting, string checkUrl) =>
        $"回访等候：{string.Join("、", waiting)} 已在{itemNumber}视频回访的等候室等候，请尽快进入 {checkUrl}";
}

/// <summary>The facts of a visit that messages mention.</summary>
public sealed record VisitText(
    string ItemNumber, string ItemTitle, DateTime StartUtc, int DurationMinutes, (string zh, string en) Method,
    string? Location, string JoinUrl, string? Reason);
