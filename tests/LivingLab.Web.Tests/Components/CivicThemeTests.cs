using LivingLab.Web.Components.Theme;
using MudBlazor;
using MudBlazor.Utilities;

namespace LivingLab.Web.Tests.Components;

/// <summary>Every text colour of the civic theme reaches WCAG AA (4.5:1) on the backgrounds it is drawn on.</summary>
public sealed class CivicThemeTests
{
    public static TheoryData<string, string> Pairs() => new()
    {
        { nameof(PaletteLight.TextPrimary), nameof(PaletteLight.Background) },
        { nameof(PaletteLight.TextPrimary), nameof(PaletteLight.Surface) },
        { nameof(PaletteLight.TextSecondary), nameof(PaletteLight.Background) },
        { nameof(PaletteLight.TextSecondary), nameof(PaletteLight.Surface) },
        { nameof(PaletteLight.AppbarText), nameof(PaletteLight.AppbarBackground) },
        { nameof(PaletteLight.DrawerText), nameof(PaletteLight.DrawerBackground) },
        { nameof(PaletteLight.PrimaryContrastText), nameof(PaletteLight.Primary) },
        { nameof(PaletteLight.SecondaryContrastText), nameof(PaletteLight.Secondary) },
        { nameof(PaletteLight.TertiaryContrastText), nameof(PaletteLight.Tertiary) },
        { nameof(PaletteLight.InfoContrastText), nameof(PaletteLight.Info) },
        { nameof(PaletteLight.SuccessContrastText), nameof(PaletteLight.Success) },
        { nameof(PaletteLight.WarningContrastText), nameof(PaletteLight.Warning) },
        { nameof(PaletteLight.ErrorContrastText), nameof(PaletteLight.Error) },
        { nameof(PaletteLight.DarkContrastText), nameof(PaletteLight.Dark) },
        // Coloured text and outlined buttons sit on the page and on cards.
        { nameof(PaletteLight.Primary), nameof(PaletteLight.Background) },
        { nameof(PaletteLight.Primary), nameof(PaletteLight.Surface) },
        { nameof(PaletteLight.Success), nameof(PaletteLight.Surface) },
        { nameof(PaletteLight.Warning), nameof(PaletteLight.Surface) },
        { nameof(PaletteLight.Error), nameof(PaletteLight.Surface) },
        { nameof(PaletteLight.Info), nameof(PaletteLight.Surface) },
        { nameof(PaletteLight.Secondary), nameof(PaletteLight.Surface) },
        { nameof(PaletteLight.Tertiary), nameof(PaletteLight.Surface) },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Text_colour_is_readable_on_its_background(string text, string background)
    {
        var palette = (PaletteLight)CivicTheme.Theme.PaletteLight;
        var ratio = Contrast(Colour(palette, text), Colour(palette, background));
        Assert.True(ratio >= 4.5, $"{text} on {background}: {ratio:F2}:1, below 4.5:1");
    }

    [Fact]
    public void The_default_MudBlazor_palette_would_fail_this_check()
    {
        // Guards the check itself: MudBlazor's own light palette is known to fail axe's contrast rule.
        var palette = new PaletteLight();
        Assert.Contains(Pairs(), pair => Contrast(Colour(palette, (string)pair[0]), Colour(palette, (string)pair[1])) < 4.5);
    }

    private static MudColor Colour(PaletteLight palette, string name) => (MudColor)typeof(PaletteLight).GetProperty(name)!.GetValue(palette)!;

    private static double Contrast(MudColor a, MudColor b)
    {
        var (lighter, darker) = (Luminance(a), Luminance(b)) is var (x, y) && x > y ? (x, y) : (y, x);
        return (lighter + 0.05) / (darker + 0.05);
    }

    private static double Luminance(MudColor colour)
    {
        static double Channel(byte value)
        {
            var c = value / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return 0.2126 * Channel(colour.R) + 0.7152 * Channel(colour.G) + 0.0722 * Channel(colour.B);
    }
}
