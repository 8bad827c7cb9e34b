using System.Globalization;

namespace Waymark.Domain.Common;

public static class Guard
{
    /// <summary>The earliest and latest dates Waymark takes for an evaluation, a due date or a measurement.</summary>
    public static readonly DateOnly EarliestDate = new(1950, 1, 1), LatestDate = new(2100, 12, 31);

    /// <summary>A one-line text that must be given: a name, a title, an action.</summary>
    public static string Required(string? value, string field, int maxLength = 200)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw new DomainRuleException(field, $"{Label(field)} is required.");
        return Line(value.Trim(), field, maxLength)!;
    }

    /// <summary>A one-line text that may be left out: a role, a location, a label.</summary>
    public static string? Line(string? value, string field, int maxLength = 200) => Typed(value, field, maxLength, multiLine: false);

    /// <summary>A text of several lines that may be left out: a description, a note, a comment.</summary>
    public static string? Limited(string? value, string field, int maxLength = 4000) => Typed(value, field, maxLength, multiLine: true);

    /// <summary>
    /// The one rule for every text: no control characters that no person types (a NUL, an escape, a form feed…),
    /// which one database would store and another refuse; line breaks and tabs only in texts of several lines;
    /// and no broken halves of characters.
    /// </summary>
    private static string? Typed(string? value, string field, int maxLength, bool multiLine)
    {
        if (value is null) return null;
        if (value.Length > maxLength)
            throw new DomainRuleException(field, $"{Label(field)} may be at most {maxLength} characters long.");
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsControl(c) && !(multiLine && c is '\n' or '\r' or '\t'))
                throw new DomainRuleException(field, c is '\n' or '\r' or '\t'
                    ? $"{Label(field)} must fit on one line: remove the line break or tab."
                    : $"{Label(field)} contains an invisible control character (U+{(int)c:X4}) at position {i + 1}; remove it.");
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) { i++; continue; }
            if (char.IsSurrogate(c))
                throw new DomainRuleException(field, $"{Label(field)} contains a broken character at position {i + 1}; remove it.");
        }
        return value;
    }

    public static DateOnly SensibleDate(DateOnly value, string field)
    {
        if (value < EarliestDate || value > LatestDate)
            throw new DomainRuleException(field, $"{Label(field)} must be a date from {Day(EarliestDate)} to {Day(LatestDate)}; {value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} is outside.");
        return value;
    }

    public static DateOnly? SensibleDate(DateOnly? value, string field) => value is null ? null : SensibleDate(value.Value, field);

    public static int InRange(int value, int min, int max, string field, string? meaning = null)
    {
        if (value < min || value > max)
            throw new DomainRuleException(field, $"{Label(field)} must be between {min} and {max}{(meaning is null ? "" : $" ({meaning})")}; {value} is outside.");
        return value;
    }

    public static int? InRange(int? value, int min, int max, string field, string? meaning = null) =>
        value is null ? null : InRange(value.Value, min, max, field, meaning);

    public static double? Finite(double? value, string field)
    {
        if (value is { } v && (double.IsNaN(v) || double.IsInfinity(v)))
            throw new DomainRuleException(field, $"{Label(field)} must be a number.");
        return value;
    }

    public static TEnum Defined<TEnum>(TEnum value, string field) where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
            throw new DomainRuleException(field, $"{Label(field)} has an unknown value '{value}'.");
        return value;
    }

    public static string[] CleanList(IEnumerable<string>? values, string field, int maxItems = 50, int maxLength = 500)
    {
        var list = (values ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).ToArray();
        if (list.Length > maxItems)
            throw new DomainRuleException(field, $"{Label(field)} may hold at most {maxItems} entries.");
        foreach (var v in list) Line(v, field, maxLength);
        return list;
    }

    public static Guid[] Distinct(IEnumerable<Guid>? ids) => (ids ?? []).Where(id => id != Guid.Empty).Distinct().ToArray();

    private static string Day(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>"evaluatedOn" becomes "Evaluated on": the field as a person reads it.</summary>
    private static string Label(string field) =>
        field.Length == 0 ? "The value" : char.ToUpperInvariant(field[0]) + string.Concat(field[1..].Select(c => char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));
}
