using System.Globalization;
using Microsoft.Extensions.Localization;

namespace LivingLab.Web.Features.Workshops.After;

/// <summary>The minutes draft's words in the reader's language, and its date line in Japan time.</summary>
public static class MinutesDraftTexts
{
    /// <summary>The draft's words from <see cref="AfterText"/>.</summary>
    public static MinutesDraftText From(IStringLocalizer<AfterText> text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new MinutesDraftText(
            text["Draft.Heading"], text["Draft.Date"], text["Draft.DateOpen"], text["Draft.Place"], text["Draft.Online"], text["Draft.Participants"],
            text["Draft.NotesCount"], text["Draft.Board"], text["Draft.NoBoard"], text["Draft.Unclustered"], text["Draft.EmptyColumn"],
            text["Draft.Results"], text["Draft.Round"], text["Draft.Dots"], text["Draft.ClusterDots"], text["Draft.NoDots"], text["Draft.Decided"],
            text["Draft.NextSteps"]);
    }

    /// <summary>"2026-12-04 10:00–12:00 (JST)": the towns are in Japan, whatever the server's zone.</summary>
    public static string Date(DateTimeOffset starts, DateTimeOffset ends)
    {
        var japan = TimeSpan.FromHours(9);
        return string.Create(CultureInfo.InvariantCulture, $"{starts.ToOffset(japan):yyyy-MM-dd HH:mm}–{ends.ToOffset(japan):HH:mm} (JST)");
    }
}
