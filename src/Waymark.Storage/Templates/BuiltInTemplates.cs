using System.Reflection;

namespace Waymark.Storage.Templates;

/// <summary>
/// The industry templates shipped with Waymark, each a workspace document embedded in this assembly
/// (Templates/BuiltIn/NAME.waymark.json): phases, channels, departments, touchpoints, personas, a current-state map and KPIs
/// whose targets are left for the team.
/// </summary>
public static class BuiltInTemplates
{
    private const string Suffix = ".waymark.json";
    private static readonly Assembly Here = typeof(BuiltInTemplates).Assembly;
    private static readonly string Prefix = typeof(BuiltInTemplates).Namespace + ".BuiltIn.";

    /// <summary>The names, in the order they are offered.</summary>
    public static IReadOnlyList<string> Names { get; } = Here.GetManifestResourceNames()
        .Where(r => r.StartsWith(Prefix, StringComparison.Ordinal) && r.EndsWith(Suffix, StringComparison.Ordinal))
        .Select(r => r[Prefix.Length..^Suffix.Length])
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>The template's document as JSON; null when there is no built-in template of that name.</summary>
    public static string? Document(string name)
    {
        if (!Names.Contains(name)) return null;
        using var stream = Here.GetManifestResourceStream(Prefix + name + Suffix)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
