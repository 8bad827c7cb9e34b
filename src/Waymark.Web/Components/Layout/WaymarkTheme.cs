using MudBlazor;

namespace Waymark.Web.Components.Layout;

/// <summary>Calm, high-contrast colours that survive a projector: deep teal for action, warm accents for emotion.</summary>
public static class WaymarkTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0f5f73",
            Secondary = "#c2410c",
            Tertiary = "#6d28d9",
            AppbarBackground = "#0b3d4a",
            AppbarText = "#ffffff",
            Background = "#f6f7f9",
            Surface = "#ffffff",
            DrawerBackground = "#ffffff",
            TextPrimary = "#1d2733",
            TextSecondary = "#4a5665",
            Success = "#15803d",
            Warning = "#b45309",
            Error = "#b91c1c",
            Info = "#1d4ed8",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Inter", "Segoe UI", "system-ui", "-apple-system", "Helvetica", "Arial", "sans-serif"] },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "8px" },
    };
}
