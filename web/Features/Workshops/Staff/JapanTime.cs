using System.Globalization;

namespace LivingLab.Web.Features.Workshops.Staff;

/// <summary>
/// Dates and times as the forms take them: a date (yyyy-MM-dd) and a time of day (HH:mm) in Japan time, where the towns
/// are, whatever the server's or the browser's zone. Japan has had no daylight saving time since 1951, so +09:00 holds.
/// </summary>
public static class JapanTime
{
    /// <summary>Japan's offset from UTC.</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(9);

    /// <summary>The moment a date and a time of day in Japan stand for; null when either is missing or malformed.</summary>
    public static DateTimeOffset? At(string? date, string? time) =>
        DateOnly.TryParseExact(date?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
        && TryTime(time, out var clock)
            ? new DateTimeOffset(day.ToDateTime(clock), Offset)
            : null;

    /// <summary>Whether a date field holds a date the form can read (empty is "missing", not malformed).</summary>
    public static bool IsDate(string? date) =>
        DateOnly.TryParseExact(date?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    /// <summary>Whether a time field holds a time of day the form can read.</summary>
    public static bool IsTime(string? time) => TryTime(time, out _);

    /// <summary>The date field's text for a moment (in Japan).</summary>
    public static string DateOf(DateTimeOffset moment) => moment.ToOffset(Offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The time field's text for a moment (in Japan).</summary>
    public static string TimeOf(DateTimeOffset moment) => moment.ToOffset(Offset).ToString("HH:mm", CultureInfo.InvariantCulture);

    // Browsers send HH:mm, and HH:mm:ss when a step below a minute is allowed.
    private static bool TryTime(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text?.Trim(), ["HH:mm", "HH:mm:ss", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
}
