using System.Globalization;

// In the root namespace on purpose: a LivingLab.Categories namespace would hide this class from code in LivingLab.*,
// and callers should be able to write Categories.IsKnown(id).
namespace LivingLab;

/// <summary>A local-issue category (課題のカテゴリー): a stable id and its Japanese and English names.</summary>
public sealed record Category(string Id, string NameJa, string NameEn)
{
    /// <summary>The name in <paramref name="culture"/>: English for any "en" culture, Japanese otherwise.</summary>
    public string NameIn(CultureInfo culture) => culture.TwoLetterISOLanguageName == "en" ? NameEn : NameJa;
}

/// <summary>
/// The fixed list of local-issue categories. Defined in code, not data: a challenge's category id must mean the same
/// thing in every town, export and old event, so ids are never renamed or reused (add new ones at the end).
/// </summary>
public static class Categories
{
    /// <summary>Every category, in the order they are shown; "other" comes last.</summary>
    public static IReadOnlyList<Category> All { get; } =
    [
        new("transport", "交通", "Transport"),
        new("parks", "公園・緑地", "Parks and green spaces"),
        new("safety", "防犯・防災", "Safety and disaster prevention"),
        new("elderly", "高齢者・福祉", "Older people and welfare"),
        new("children", "子育て・教育", "Children and education"),
        new("digital", "デジタル", "Digital"),
        new("environment", "環境・ごみ", "Environment and waste"),
        new("tourism", "観光・商業", "Tourism and local business"),
        new("health", "医療・健康", "Health and medical care"),
        new("other", "その他", "Other"),
    ];

    private static readonly Dictionary<string, Category> ById = All.ToDictionary(c => c.Id, StringComparer.Ordinal);

    /// <summary>Whether <paramref name="id"/> is one of <see cref="All"/> (exact, lower-case).</summary>
    public static bool IsKnown(string? id) => id is not null && ById.ContainsKey(id);

    /// <summary>The category with this id, or null.</summary>
    public static Category? Find(string? id) => id is not null && ById.TryGetValue(id, out var category) ? category : null;
}
