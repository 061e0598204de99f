using Microsoft.Extensions.Localization;

namespace LivingLab.Web.Features.Facilitate;

/// <summary>Texts with a number: "1 idea" and "2 ideas" in English, one form in Japanese (a "{key}.one" text when there is one).</summary>
public static class CountText
{
    /// <summary>The text of <paramref name="key"/> for <paramref name="count"/>.</summary>
    public static string Format(IStringLocalizer texts, string key, int count)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (count == 1 && texts[key + ".one", count] is { ResourceNotFound: false } one)
        {
            return one.Value;
        }

        return texts[key, count].Value;
    }
}
