using Waymark.Domain.Common;

namespace Waymark.Web.Features;

/// <summary>Parsing of list filters given in the query string, with errors that name the filter.</summary>
public static class Filters
{
    public static TEnum? Enum<TEnum>(string? value, string field) where TEnum : struct, System.Enum
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (System.Enum.TryParse<TEnum>(value.Replace("-", ""), ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed)) return parsed;
        throw new DomainRuleException(field, $"'{value}' is not a valid {field}. Use one of: {string.Join(", ", System.Enum.GetNames<TEnum>().Select(Camel))}.");
    }

    public static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    /// <summary>Case-insensitive "contains" for free-text search, the same on SQLite and PostgreSQL.</summary>
    public static string Like(string search) => $"%{search.Trim().ToLowerInvariant().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_")}%";
}
