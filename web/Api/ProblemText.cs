using System.Globalization;
using System.Text.RegularExpressions;
using LivingLab.Common;
using Microsoft.Extensions.Localization;

namespace LivingLab.Web.Api;

/// <summary>
/// The human text of a refusal in the current UI language, from Resources/Api/ProblemMessages: shared by API problems
/// and pages, so a refused action reads the same next to a button as in a partner system's log.
/// </summary>
public static partial class ProblemText
{
    /// <summary>The message for a rejection, with its field shown by its localized label and its values filled in.</summary>
    public static string Describe(IStringLocalizer texts, Rejection rejection) =>
        Describe(texts, rejection.Code, rejection.Field, rejection.Values);

    /// <summary>
    /// The message for a code, with the field it concerns and values for the placeholders. A condition already
    /// <paramref name="met"/> (a row of a stage-gate checklist) reads from "{code}.met" when there is such a text.
    /// </summary>
    public static string Describe(IStringLocalizer texts, string code, string? field, IReadOnlyDictionary<string, string>? values, bool met = false) =>
        Format(WithAllowedValues((met ? Text(texts, $"{code}.met") : null) ?? Text(texts, code) ?? Text(texts, "error") ?? code, texts, values), texts, field, values);

    // Any refusal that knows the allowed values says them ("Allowed values: newest, votes"), whatever its own message.
    private static string WithAllowedValues(string message, IStringLocalizer texts, IReadOnlyDictionary<string, string>? values) =>
        values?.ContainsKey("allowed") == true && !message.Contains("{allowed}", StringComparison.Ordinal) && Text(texts, "allowedValues") is { } allowed
            ? message + " " + allowed
            : message;

    /// <summary>A resource text, or null when the key has none.</summary>
    public static string? Text(IStringLocalizer texts, string key) => texts[key] is { ResourceNotFound: false } found ? found.Value : null;

    // Messages name their values in braces ("{field}", "{limit}"); the field is shown by its localized label.
    private static string Format(string message, IStringLocalizer texts, string? field, IReadOnlyDictionary<string, string>? values) =>
        Placeholder().Replace(message, match =>
        {
            var name = match.Groups[1].Value;
            if (name == "field")
            {
                return field is null ? "" : Text(texts, $"field.{field}") ?? field;
            }

            if (name == "fields")
            {
                // The field names in the "missing" value ("baseline,target"), shown by their labels.
                var labels = (values?.GetValueOrDefault("missing") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
                    .Select(f => Text(texts, $"field.{f}") ?? f);
                return string.Join(Text(texts, "listSeparator") ?? ", ", labels);
            }

            return values?.GetValueOrDefault(name) ?? match.Value;
        });

    [GeneratedRegex(@"\{([A-Za-z]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
