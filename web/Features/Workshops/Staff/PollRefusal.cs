using System.Globalization;
using LivingLab.Common;
using LivingLab.Web.Api;
using Microsoft.Extensions.Localization;

namespace LivingLab.Web.Features.Workshops.Staff;

/// <summary>A refused new poll as the page shows it beside the slots: the API's message, with the row when one row is wrong.</summary>
public sealed record PollRefusal(string Message, int? Row, string Code)
{
    /// <summary>The texts of <paramref name="rejection"/> in the page's language.</summary>
    public static PollRefusal From(Rejection rejection, IStringLocalizer problems, IStringLocalizer texts)
    {
        ArgumentNullException.ThrowIfNull(rejection);
        var message = ProblemText.Describe(problems, rejection);
        int? row = rejection.Values?.GetValueOrDefault("row") is { } text && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        return new PollRefusal(row is { } r ? $"{message} {texts["SlotRow", r]}" : message, row, rejection.Code);
    }
}
