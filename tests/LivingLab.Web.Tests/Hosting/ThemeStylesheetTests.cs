using System.Net;
using System.Text.RegularExpressions;

namespace LivingLab.Web.Tests.Hosting;

/// <summary>The civic theme's variables come from one cacheable stylesheet instead of a style block in every page.</summary>
public sealed partial class ThemeStylesheetTests
{
    [Fact]
    public async Task Pages_link_a_versioned_theme_stylesheet_with_the_civic_palette_and_carry_no_theme_style_block()
    {
        await using var factory = new LivingLabFactory();
        using var client = factory.CreateClient();
        var page = await client.GetStringAsync("/challenges");
        var href = ThemeLink().Match(page).Groups[1].Value;

        Assert.False(string.IsNullOrEmpty(href), "no link to the theme stylesheet on /challenges");
        Assert.DoesNotContain("mud-theme-provider", page, StringComparison.Ordinal);

        using var response = await client.GetAsync("/" + href);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        var css = await response.Content.ReadAsStringAsync();
        // The theme's primary colour (#0b6e4f) and its text font, as MudBlazor's components read them.
        Assert.Contains("--mud-palette-primary: rgba(11,110,79,1)", css, StringComparison.Ordinal);
        Assert.Contains("--mud-typography-default-family", css, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stale_theme_version_gets_todays_stylesheet_but_is_not_cached_for_good()
    {
        await using var factory = new LivingLabFactory();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/theme.css?v=000000000000");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("immutable", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        Assert.Contains("--mud-palette-primary", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [GeneratedRegex("""href="(theme\.css\?v=[0-9a-f]{12})" """)]
    private static partial Regex ThemeLink();
}
