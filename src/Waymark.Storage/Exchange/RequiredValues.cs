using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;

namespace Waymark.Storage.Exchange;

/// <summary>
/// A number, choice, date, flag or id that a record takes in its constructor without a default is required: left out
/// of a JSON body it would silently become 0, the first choice, 0001-01-01, false or an empty id. The JSON reader
/// refuses it instead, and <see cref="MissingFields"/> names what was left out.
/// </summary>
public static partial class RequiredValues
{
    public static void Apply(JsonSerializerOptions json) =>
        json.TypeInfoResolver = (json.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(Require);

    private static void Require(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object) return;
        foreach (var property in type.Properties)
            // Records only: a type without setters (an anonymous object) is written, never read.
            if (property.Set is not null && property.AssociatedParameter is { HasDefaultValue: false } parameter
                && parameter.ParameterType.IsValueType && Nullable.GetUnderlyingType(parameter.ParameterType) is null)
                property.IsRequired = true;
    }

    /// <summary>The paths of the values a body left out (<c>items[2].score</c>), or none when that is not what went wrong.</summary>
    public static IReadOnlyList<string> MissingFields(JsonException e)
    {
        var names = Missing().Match(e.Message);
        if (!names.Success) return [];
        var at = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "" : e.Path.TrimStart('$', '.') + ".";
        return Quoted().Matches(names.Groups[1].Value).Select(m => at + m.Groups[1].Value).ToList();
    }

    [GeneratedRegex("missing required properties including: (.*)$", RegexOptions.Singleline)]
    private static partial Regex Missing();

    [GeneratedRegex("'([^']+)'")]
    private static partial Regex Quoted();
}
