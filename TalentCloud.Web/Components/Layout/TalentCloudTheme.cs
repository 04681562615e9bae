using MudBlazor;

namespace TalentCloud.Web.Components.Layout;

/// <summary>
/// The one theme of the app: the brand palette in light and dark, and the typography. Every colour and font on a page
/// comes from here (components read it, CSS reads its variables such as <c>--mud-palette-primary</c>).
/// </summary>
public static class TalentCloudTheme
{
    private static readonly string[] FontStack =
        ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"];

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#2457c5",
            PrimaryContrastText = "#ffffff",
            Secondary = "#0f6b63",
            SecondaryContrastText = "#ffffff",
            Tertiary = "#7a4d00",
            TertiaryContrastText = "#ffffff",
            Info = "#1d5fb8",
            Success = "#1e6b3a",
            Warning = "#8a4b00",
            Error = "#b3261e",
            Background = "#f5f7fb",
            BackgroundGray = "#eef1f6",
            Surface = "#ffffff",
            AppbarBackground = "#ffffff",
            AppbarText = "#1d2430",
            DrawerBackground = "#ffffff",
            DrawerText = "#1d2430",
            DrawerIcon = "#4a5565",
            TextPrimary = "#1d2430",
            TextSecondary = "#535e6d",
            ActionDefault = "#4a5565",
            LinesDefault = "#dfe3ea",
            TableLines = "#dfe3ea",
            Divider = "#dfe3ea",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#8ab4ff",
            PrimaryContrastText = "#0b1b3a",
            Secondary = "#6fd3c6",
            SecondaryContrastText = "#05201d",
            Tertiary = "#f5c06b",
            TertiaryContrastText = "#2b1a00",
            Info = "#8ab4ff",
            InfoContrastText = "#0b1b3a",
            Success = "#7bd88f",
            SuccessContrastText = "#06240f",
            Warning = "#f5c06b",
            WarningContrastText = "#2b1a00",
            Error = "#ff8a80",
            ErrorContrastText = "#3b0906",
            Background = "#12161d",
            BackgroundGray = "#252d3a",
            Surface = "#1b212b",
            AppbarBackground = "#1b212b",
            AppbarText = "#e6e9ef",
            DrawerBackground = "#161b23",
            DrawerText = "#e6e9ef",
            DrawerIcon = "#aab3c0",
            TextPrimary = "#e6e9ef",
            TextSecondary = "#aab3c0",
            ActionDefault = "#c3cad5",
            LinesDefault = "#2e3744",
            TableLines = "#2e3744",
            Divider = "#2e3744",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = FontStack, LineHeight = "1.5" },
            H1 = new H1Typography { FontFamily = FontStack, FontSize = "2rem", FontWeight = "700", LineHeight = "1.25", LetterSpacing = "0" },
            H2 = new H2Typography { FontFamily = FontStack, FontSize = "1.5rem", FontWeight = "600", LineHeight = "1.3", LetterSpacing = "0" },
            H3 = new H3Typography { FontFamily = FontStack, FontSize = "1.25rem", FontWeight = "600", LineHeight = "1.35", LetterSpacing = "0" },
            H4 = new H4Typography { FontFamily = FontStack, FontSize = "1.125rem", FontWeight = "600", LineHeight = "1.4", LetterSpacing = "0" },
            H5 = new H5Typography { FontFamily = FontStack, FontSize = "1rem", FontWeight = "600", LineHeight = "1.4", LetterSpacing = "0" },
            H6 = new H6Typography { FontFamily = FontStack, FontSize = "1rem", FontWeight = "600", LineHeight = "1.4", LetterSpacing = "0" },
            Button = new ButtonTypography { FontFamily = FontStack, FontWeight = "600", TextTransform = "none", LetterSpacing = "0" },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "8px", DrawerWidthLeft = "256px" },
    };
}
