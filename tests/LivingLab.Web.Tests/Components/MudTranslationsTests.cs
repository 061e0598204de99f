using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Bunit;
using LivingLab.Web.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace LivingLab.Web.Tests.Components;

/// <summary>MudBlazor's own texts (pager, data grid, pickers) speak Japanese on Japanese pages and English on English ones.</summary>
public sealed partial class MudTranslationsTests
{
    private static readonly ResourceManager Japanese = new("LivingLab.Web.Resources.Components.MudTranslations", typeof(MudTranslations).Assembly);

    [Fact]
    public void Every_MudBlazor_text_has_a_Japanese_translation_with_the_same_placeholders()
    {
        Assert.True(MudBlazorTexts.All.Count > 100, $"only {MudBlazorTexts.All.Count} MudBlazor texts were found");
        var problems = new List<string>();
        foreach (var (key, english) in MudBlazorTexts.All)
        {
            var japanese = Japanese.GetString(key, CultureInfo.GetCultureInfo("ja"));
            if (string.IsNullOrWhiteSpace(japanese))
            {
                problems.Add($"{key}: no Japanese text (English: {english})");
            }
            else if (!Placeholders(english).SetEquals(Placeholders(japanese)))
            {
                problems.Add($"{key}: placeholders differ: {english} / {japanese}");
            }
            else if (japanese == english && english.Any(char.IsLetter) && english != "OK")
            {
                problems.Add($"{key}: still English: {english}");
            }
        }

        Assert.Empty(problems);
    }

    [Theory]
    [InlineData("ja", "次のページ", "最後のページ")]
    [InlineData("en", "Next page", "Last page")]
    public void A_pager_names_its_buttons_in_the_pages_language(string culture, string next, string last)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            using var context = new BunitContext();
            context.JSInterop.Mode = JSRuntimeMode.Loose;
            context.Services.AddLocalization(options => options.ResourcesPath = "Resources");
            context.Services.AddMudServices();
            context.Services.AddTransient<MudLocalizer, MudTranslations>();

            var pager = context.Render<MudPagination>(parameters => parameters
                .Add(p => p.Count, 5)
                .Add(p => p.ShowFirstButton, true)
                .Add(p => p.ShowLastButton, true));

            var labels = pager.FindAll("button[aria-label]").Select(b => b.GetAttribute("aria-label")).ToList();
            Assert.Contains(next, labels);
            Assert.Contains(last, labels);
            Assert.DoesNotContain(labels, label => culture == "ja" && MudBlazorTexts.Words.Contains(label!));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    private static HashSet<string> Placeholders(string text) => Placeholder().Matches(text).Select(m => m.Value).ToHashSet();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
