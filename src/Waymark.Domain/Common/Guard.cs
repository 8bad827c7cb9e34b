namespace Waymark.Domain.Common;

internal static class Guard
{
    public static string Required(string? value, string field, int maxLength = 200)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw new DomainRuleException(field, $"{Label(field)} is required.");
        return Limited(value.Trim(), field, maxLength)!;
    }

    public static string? Limited(string? value, string field, int maxLength = 4000)
    {
        if (value is null) return null;
        if (value.Length > maxLength)
            throw new DomainRuleException(field, $"{Label(field)} may be at most {maxLength} characters long.");
        return value;
    }

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
        foreach (var v in list) Limited(v, field, maxLength);
        return list;
    }

    public static Guid[] Distinct(IEnumerable<Guid>? ids) => (ids ?? []).Where(id => id != Guid.Empty).Distinct().ToArray();

    private static string Label(string field) =>
        field.Length == 0 ? "The value" : char.ToUpperInvariant(field[0]) + field[1..];
}
