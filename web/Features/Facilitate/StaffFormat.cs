using System.Globalization;

namespace LivingLab.Web.Features.Facilitate;

/// <summary>Numbers and calendar dates as the staff pages show them, in the page's language.</summary>
public static class StaffFormat
{
    /// <summary>A calendar date (a KPI measurement's day): 2026年11月22日, or 22 November 2026.</summary>
    public static string Date(DateOnly date) =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ja"
            ? date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture)
            : date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    /// <summary>A KPI value with digit grouping and no trailing zeros (120, 12.5, 1,200).</summary>
    public static string Number(decimal value) => value.ToString("#,0.##########", CultureInfo.CurrentCulture);
}
