using Waymark.Web.Infrastructure;

namespace Waymark.Web.Components.Pages.Settings;

/// <summary>
/// What a settings tab needs from its page: the workspace, whether the user may edit, the page's guarded save, and whether
/// the user is an owner (who alone manages members and tokens) with the page's save for owners' changes.
/// </summary>
public sealed record SettingsContext(CurrentWorkspace Workspace, bool CanEdit, Func<Func<Task>, string?, Task<bool>> Try, bool IsOwner = false,
    Func<Func<Task>, string?, Task<bool>>? TryAsOwner = null)
{
    /// <summary>The save for members and tokens: checks the user is still an owner (the plain save where no page gives one).</summary>
    public Func<Func<Task>, string?, Task<bool>> OwnerTry => TryAsOwner ?? Try;
}

/// <summary>Small helpers for the settings forms.</summary>
public static class SettingsText
{
    public static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
    public static string[] Lines(string? s) => (s ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    public static string Join(IEnumerable<string> lines) => string.Join("\n", lines);
}
