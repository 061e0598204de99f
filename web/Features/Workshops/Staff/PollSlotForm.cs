using LivingLab.Common;
using LivingLab.Workshops;

namespace LivingLab.Web.Features.Workshops.Staff;

/// <summary>One candidate row of the new-poll form: a day and a start and end time in Japan, as typed. An empty row is skipped.</summary>
public sealed class PollSlotForm
{
    /// <summary>How many empty rows the plain form offers.</summary>
    public const int PlainRows = 5;

    public string? Date { get; set; }

    public string? StartTime { get; set; }

    public string? EndTime { get; set; }

    /// <summary>Whether nothing was typed in this row.</summary>
    public bool IsEmpty => string.IsNullOrWhiteSpace(Date) && string.IsNullOrWhiteSpace(StartTime) && string.IsNullOrWhiteSpace(EndTime);

    /// <summary>
    /// The first problem of the rows typed in, with the row's number (1 = first) in "row", so the page can say which;
    /// then the grain's own rules (at least two, no two the same).
    /// </summary>
    public static Rejection? Check(IReadOnlyList<PollSlotForm> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.IsEmpty)
            {
                continue;
            }

            var code = !JapanTime.IsDate(row.Date) || !JapanTime.IsTime(row.StartTime) || !JapanTime.IsTime(row.EndTime) ? "invalidValue"
                : JapanTime.At(row.Date, row.EndTime) <= JapanTime.At(row.Date, row.StartTime) ? "endBeforeStart"
                : null;
            if (code is not null)
            {
                return new Rejection(code, "slots", new Dictionary<string, string> { ["row"] = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) });
            }
        }

        return WorkshopRules.CheckPoll(ToSlots(rows));
    }

    /// <summary>The slots the typed rows stand for, empty rows left out.</summary>
    public static IReadOnlyList<PollSlotInput> ToSlots(IReadOnlyList<PollSlotForm> rows) =>
        [.. rows.Where(r => !r.IsEmpty).Select(r => new PollSlotInput(JapanTime.At(r.Date, r.StartTime), JapanTime.At(r.Date, r.EndTime)))];
}
