using System.Globalization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace LivingLab.Web.Components;

/// <summary>
/// MudBlazor's own texts (pager, data grid, pickers, close buttons) in Japanese, from Resources/Components/MudTranslations.resx.
/// On an English page it finds nothing, so MudBlazor keeps its own English.
/// </summary>
public sealed class MudTranslations(IStringLocalizer<MudTranslations> texts) : MudLocalizer
{
    /// <inheritdoc />
    public override LocalizedString this[string key] =>
        IsJapanese ? texts[key] : new LocalizedString(key, key, resourceNotFound: true);

    /// <inheritdoc />
    public override LocalizedString this[string key, params object[] arguments] =>
        IsJapanese ? texts[key, arguments] : new LocalizedString(key, key, resourceNotFound: true);

    // The project's neutral resources are Japanese, so an English lookup would fall back to them: ask only for Japanese.
    private static bool IsJapanese => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ja";
}
