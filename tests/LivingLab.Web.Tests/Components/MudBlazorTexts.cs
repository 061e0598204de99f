using System.Collections;
using System.Resources;

namespace LivingLab.Web.Tests.Components;

/// <summary>MudBlazor's own English texts, read from the resources inside its assembly (the keys our Japanese must cover).</summary>
public static class MudBlazorTexts
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> English = new(Load);

    /// <summary>Every key of MudBlazor's texts with its English default.</summary>
    public static IReadOnlyDictionary<string, string> All => English.Value;

    /// <summary>The English defaults that are words (not "=" or "&gt;="), which must never show on a Japanese page.</summary>
    public static IReadOnlySet<string> Words { get; } = new HashSet<string>(
        English.Value.Values.Where(v => v.Any(char.IsLetter)).Select(v => v.Split("{0}")[0].Trim()).Where(v => v.Length > 1),
        StringComparer.Ordinal);

    private static Dictionary<string, string> Load()
    {
        var assembly = typeof(MudBlazor.MudButton).Assembly;
        using var stream = assembly.GetManifestResourceStream("MudBlazor.Resources.LanguageResource.resources")
            ?? throw new InvalidOperationException("MudBlazor no longer carries MudBlazor.Resources.LanguageResource.resources: check how it localizes.");
        using var reader = new ResourceReader(stream);
        return reader.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!, StringComparer.Ordinal);
    }
}
