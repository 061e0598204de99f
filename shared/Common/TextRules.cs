using System.Globalization;

namespace LivingLab.Common;

/// <summary>
/// The shared rules for user-written text fields: required or not, a length counted in visible characters (text
/// elements, so an emoji or a kanji with a variation selector counts once), a cap on the UTF-16 length behind them, and
/// no control characters in one-line fields. Every refusal names the field and the rule, with the limit as a value.
/// </summary>
public static class TextRules
{
    // Stacked combining marks could hide a huge string behind a few visible characters: cap the code units too.
    private const int Utf16PerCharacter = 8;

    /// <summary>A one-line text (a title, a name): trimmed length 1..max when required, no control characters.</summary>
    public static Rejection? Line(string? value, string field, int max, bool required = true) => Check(value, field, max, required, multiline: false);

    /// <summary>A multi-line text (Markdown): trimmed length 1..max when required; line breaks and tabs are allowed.</summary>
    public static Rejection? Text(string? value, string field, int max, bool required = true) => Check(value, field, max, required, multiline: true);

    /// <summary>The value as stored: trimmed, line endings as "\n", null as "".</summary>
    public static string Normalize(string? value) =>
        (value ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();

    /// <summary>A rejection with a "limit" value (the messages say {limit}), for rules that are not plain text lengths.</summary>
    public static Rejection Limit(string code, string field, int max) =>
        new(code, field, new Dictionary<string, string> { ["limit"] = max.ToString(CultureInfo.InvariantCulture) });

    private static Rejection? Check(string? value, string field, int max, bool required, bool multiline)
    {
        var text = Normalize(value);
        if (text.Length == 0)
        {
            return required ? new Rejection("required", field) : null;
        }

        if (text.Length > max * Utf16PerCharacter || (text.Length > max && new StringInfo(text).LengthInTextElements > max))
        {
            return Limit("tooLong", field, max);
        }

        var badControl = multiline
            ? text.Any(c => char.IsControl(c) && c is not '\n' and not '\t')
            : text.Any(char.IsControl);
        return badControl ? new Rejection("invalidCharacters", field) : null;
    }
}
