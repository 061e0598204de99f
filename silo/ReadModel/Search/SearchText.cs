using System.Globalization;
using System.Text;

namespace LivingLab.ReadModel.Search;

/// <summary>
/// Turns text into the bigrams the search index stores. Bigrams find Japanese words of two characters (公園, 駐輪),
/// which SQLite's trigram tokenizer cannot, and work the same on every store with a plain B-tree index.
/// </summary>
public static class SearchText
{
    /// <summary>Shortest query term the index can answer.</summary>
    public const int MinimumTermLength = 2;

    /// <summary>
    /// NFKC (full-width Latin and half-width kana fold to their usual forms) and lower case, with every run of
    /// characters that are not letters or digits collapsed to one space.
    /// </summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var folded = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var builder = new StringBuilder(folded.Length);
        var pendingSpace = false;
        foreach (var rune in folded.EnumerateRunes())
        {
            if (IsWordRune(rune))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(rune.ToString());
                pendingSpace = false;
            }
            else
            {
                pendingSpace = true;
            }
        }

        return builder.ToString();
    }

    /// <summary>The distinct bigrams of each word of the normalized text (a one-character word has none).</summary>
    public static IReadOnlySet<string> Bigrams(string normalized)
    {
        var grams = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var runes = word.EnumerateRunes().Select(r => r.ToString()).ToArray();
            for (var i = 0; i + 1 < runes.Length; i++)
            {
                grams.Add(runes[i] + runes[i + 1]);
            }
        }

        return grams;
    }

    /// <summary>The query's terms (words after normalization); every one must occur in a match.</summary>
    public static IReadOnlyList<string> Terms(string? query) =>
        Normalize(query).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>True when every term is long enough for the index.</summary>
    public static bool IsSearchable(IReadOnlyList<string> terms) =>
        terms.Count > 0 && terms.All(t => t.EnumerateRunes().Count() >= MinimumTermLength);

    private static bool IsWordRune(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber
            or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark => true,
        _ => false,
    };
}
