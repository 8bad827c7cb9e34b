using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Waymark.Cli.Commands;

/// <summary>
/// An option that takes a duration as people write it (<c>30d</c>, <c>12h</c>, <c>90m</c>, <c>45s</c>) or as .NET
/// writes a TimeSpan (<c>30.00:00:00</c>); anything else is refused with the formats it takes, not a type name.
/// </summary>
internal static partial class DurationOption
{
    public static Option<TimeSpan?> Create(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = Parse,
    };

    private static TimeSpan? Parse(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value.Trim() : "";
        if (TryParse(text, out var duration) && duration > TimeSpan.Zero) return duration;
        var option = (result.Parent as OptionResult)?.Option.Name ?? "the duration";
        result.AddError($"{option}: '{text}' is not a duration. Write it as a number with a unit, e.g. 30d, 12h, 90m or 45s, or as days.hours:minutes:seconds, e.g. 30.00:00:00.");
        return null;
    }

    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = default;
        var unit = WithUnit().Match(text);
        if (unit.Success)
        {
            var amount = double.Parse(unit.Groups[1].Value, CultureInfo.InvariantCulture);
            duration = unit.Groups[2].Value.ToLowerInvariant() switch
            {
                "d" => TimeSpan.FromDays(amount),
                "h" => TimeSpan.FromHours(amount),
                "m" => TimeSpan.FromMinutes(amount),
                _ => TimeSpan.FromSeconds(amount),
            };
            return true;
        }
        return text.Contains(':') && TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out duration);
    }

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)\s*([dhms])$", RegexOptions.IgnoreCase)]
    private static partial Regex WithUnit();
}
