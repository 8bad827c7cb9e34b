using Waymark.Web.Infrastructure;

namespace Waymark.Web.Components.Pages.Settings;

/// <summary>What a settings tab needs from its page: the workspace, whether the user may edit, and the page's guarded save.</summary>
public sealed record SettingsContext(CurrentWorkspace Workspace, bool CanEdit, Func<Func<Task>, string?, Task<bool>> Try);

/// <summary>Small helpers for the settings forms.</summary>
public static class SettingsText
{
    public static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
    public static string[] Lines(string? s) => (s ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    public static string Join(IEnumerable<string> lines) => string.Join("\n", lines);
}
