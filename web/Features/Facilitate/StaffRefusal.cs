using System.Globalization;
using LivingLab.Common;
using LivingLab.Web.Api;
using Microsoft.Extensions.Localization;

namespace LivingLab.Web.Features.Facilitate;

/// <summary>
/// A refused staff action as a page shows it next to the control: the API's message in the page's language and, when
/// the refusal has causes (a stage gate), every missing condition, so one refusal reads as a complete to-do list.
/// </summary>
public sealed record StaffRefusal(string Action, string Message, IReadOnlyList<string> Causes, string? Field, string Code)
{
    /// <summary>The texts of <paramref name="rejection"/> for the form <paramref name="action"/>.</summary>
    public static StaffRefusal From(string action, Rejection rejection, IStringLocalizer problems, IStringLocalizer texts)
    {
        ArgumentNullException.ThrowIfNull(rejection);
        var causes = rejection.Causes ?? [];
        var lead = Describe(rejection, problems, texts);
        var listed = causes.Select(c => Describe(c, problems, texts)).ToList();

        // A rationale refused for several reasons leads with its first cause; the list already says it.
        if (listed.Count > 0 && listed[0] == lead)
        {
            lead = texts["SeveralProblems"];
        }

        return new StaffRefusal(action, lead, listed, rejection.Field, rejection.Code);
    }

    /// <summary>Answers the request with the refusal's status while the page shows the refusal itself.</summary>
    public void ApplyTo(HttpContext context) => Problems.SetPageStatus(context, Code);

    private static string Describe(Rejection rejection, IStringLocalizer problems, IStringLocalizer texts)
    {
        var text = ProblemText.Describe(problems, rejection);

        // Evidence is typed one link per line: say which line, since the API's message names only the field.
        if (rejection.Field == "evidence" && rejection.Values?.GetValueOrDefault("index") is { } index
            && int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out var line))
        {
            text += " " + texts["EvidenceLine", line + 1];
        }

        return text;
    }
}
