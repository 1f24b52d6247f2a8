using System.Globalization;
using Consultation.Items;

namespace Consultation.Review;

/// <summary>The words of exported cells, in the language the file was asked for (the headings are in the columns).</summary>
public static class ExportWords
{
    public static string Kind(ItemKind kind, bool english) => kind switch
    {
        ItemKind.Suggestion => english ? "Suggestion" : "建议",
        ItemKind.Proposal => english ? "Proposal" : "提案",
        _ => english ? "Express" : "督办直通车",
    };

    public static string State(ItemState state, bool english) => english ? state.ToString() : state switch
    {
        ItemState.Draft => "草稿",
        ItemState.Submitted => "已提交",
        ItemState.Rejected => "不予立案",
        ItemState.Registered => "已登记",
        ItemState.Assigned => "已交办",
        ItemState.InHandling => "办理中",
        ItemState.Answered => "已答复",
        ItemState.Evaluated => "已评价",
        ItemState.ReHandling => "重新办理",
        _ => "已办结",
    };

    /// <summary>A day in the office's time zone, as yyyy-MM-dd.</summary>
    public static string? Day(DateTime? utc) =>
        utc?.Add(ReviewScope.Offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
