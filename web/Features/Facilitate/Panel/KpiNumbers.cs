using System.Globalization;
using LivingLab.Common;

namespace LivingLab.Web.Features.Facilitate.Panel;

/// <summary>KPI numbers as staff type them: a comma or full-width digit is read rather than silently dropped.</summary>
public static class KpiNumbers
{
    /// <summary>Null when <paramref name="text"/> is empty or a number (then in <paramref name="value"/>); otherwise the refusal.</summary>
    public static Rejection? Parse(string? text, string field, out decimal? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var normalized = text.Normalize(System.Text.NormalizationForm.FormKC).Replace(",", "", StringComparison.Ordinal).Trim();
        if (decimal.TryParse(normalized, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed))
        {
            value = parsed;
            return null;
        }

        return new Rejection("invalidValue", field);
    }
}
