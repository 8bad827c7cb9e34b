using Waymark.Domain.Common;

namespace Waymark.Web.Features.Imports;

/// <summary>
/// Which column holds which field, written as <c>name=Bezeichnung,channel=Kanal</c> (the form of <c>--map</c> and of the
/// remembered mapping). A field given with no column (<c>description=</c>) is left out of the import.
/// </summary>
public static class ColumnMapping
{
    public static Dictionary<string, string> Parse(string? text, ImportKind kind)
    {
        var mapping = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var at = pair.IndexOf('=');
            if (at <= 0) throw new DomainRuleException("mapping", $"'{pair}' is not a pair field=Column, such as name=Bezeichnung.");
            var key = pair[..at].Trim();
            var field = kind.Field(key) ?? throw new DomainRuleException("mapping",
                $"{kind.Label} have no field '{key}'; their fields are {string.Join(", ", kind.Fields.Select(f => f.Key))}.");
            mapping[field.Key] = pair[(at + 1)..].Trim();
        }
        return mapping;
    }

    public static string Format(IReadOnlyDictionary<string, string> mapping, ImportKind kind) =>
        string.Join(",", kind.Fields.Where(f => mapping.TryGetValue(f.Key, out var c) && c.Length > 0).Select(f => $"{f.Key}={mapping[f.Key]}"));
}
