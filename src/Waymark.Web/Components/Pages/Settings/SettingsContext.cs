using Waymark.Web.Infrastructure;

namespace Waymark.Web.Components.Pages.Settings;

/// <summary>
/// What a settings tab needs from its page: the workspace, whether the user may edit (to draw the forms), the page's way
/// to run a change and show its refusal, and whether the user is an owner (who alone manages members and tokens).
/// The use case a change runs checks the role itself.
/// </summary>
public sealed record SettingsContext(CurrentWorkspace Workspace, bool CanEdit, Func<Func<Task>, string?, Task<bool>> Try, bool IsOwner = false);

/// <summary>Small helpers for the settings forms.</summary>
public static class SettingsText
{
    public static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
    public static string[] Lines(string? s) => (s ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    public static string Join(IEnumerable<string> lines) => string.Join("\n", lines);
}
