using MudBlazor;

namespace LivingLab.Web.Components.Theme;

/// <summary>
/// The one MudBlazor theme of the site: the palette and type of site.css, light only. Every text colour is checked
/// against the background it sits on (MudBlazor's default palette fails axe's contrast rule), see CivicThemeTests.
/// </summary>
public static class CivicTheme
{
    // Japanese fonts first on every page; English pages get Latin fonts first from site.css (:lang(en)).
    private static readonly string[] Fonts =
        ["Hiragino Sans", "Noto Sans JP", "Yu Gothic", "Meiryo", "IPAPGothic", "IPAexGothic", "system-ui", "sans-serif"];

    /// <summary>The theme given to MudThemeProvider on every page.</summary>
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0b6e4f",
            PrimaryContrastText = "#ffffff",
            PrimaryDarken = "#085a40",
            Secondary = "#4a5468",
            SecondaryContrastText = "#ffffff",
            Tertiary = "#6b3fa0",
            TertiaryContrastText = "#ffffff",
            Info = "#1d5fa8",
            InfoContrastText = "#ffffff",
            Success = "#0b6e4f",
            SuccessContrastText = "#ffffff",
            // Warning stays dark enough for white text and for text on the page (the default amber is 2:1).
            Warning = "#8a5100",
            WarningContrastText = "#ffffff",
            Error = "#b3261e",
            ErrorContrastText = "#ffffff",
            Dark = "#1d2433",
            DarkContrastText = "#ffffff",
            TextPrimary = "#1d2433",
            TextSecondary = "#4a5468",
            TextDisabled = "#6b7280",
            ActionDefault = "#4a5468",
            Background = "#f7f5f0",
            BackgroundGray = "#efece4",
            Surface = "#ffffff",
            AppbarBackground = "#ffffff",
            AppbarText = "#1d2433",
            DrawerBackground = "#ffffff",
            DrawerText = "#1d2433",
            DrawerIcon = "#4a5468",
            LinesDefault = "#d9d4c7",
            LinesInputs = "#8a8476",
            TableLines = "#d9d4c7",
            Divider = "#d9d4c7",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = Fonts, FontSize = "1rem", LineHeight = "1.75" },
            H1 = new H1Typography { FontFamily = Fonts, FontSize = "clamp(1.6rem, 4vw, 2.2rem)", FontWeight = "700", LineHeight = "1.35" },
            H2 = new H2Typography { FontFamily = Fonts, FontSize = "1.35rem", FontWeight = "700", LineHeight = "1.35" },
            H3 = new H3Typography { FontFamily = Fonts, FontSize = "1.1rem", FontWeight = "700", LineHeight = "1.35" },
            Body1 = new Body1Typography { FontFamily = Fonts, FontSize = "1rem", LineHeight = "1.75" },
            Body2 = new Body2Typography { FontFamily = Fonts, FontSize = ".9rem", LineHeight = "1.6" },
            // Japanese has no capitals; uppercase English buttons read as shouting.
            Button = new ButtonTypography { FontFamily = Fonts, FontSize = "1rem", FontWeight = "700", TextTransform = "none" },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "10px" },
    };
}
