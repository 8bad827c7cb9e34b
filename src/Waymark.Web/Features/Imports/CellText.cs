using System.Globalization;

namespace Waymark.Web.Features.Imports;

/// <summary>
/// Reads the values people type into sheets, with the cultures named: numbers with a decimal comma (7,5; 1.234,5) or
/// point (7.5; 1,234.5) — where only one separator appears, a comma is the decimal comma and one dot the decimal point —
/// dates as 31.12.2026 (German), 2026-12-31 (ISO), 31/12/2026 (day first, as in Britain) or an Excel date serial, and
/// yes/no in English or German.
/// </summary>
public static class CellText
{
    /// <summary>German number writing, spelt out: the server runs without culture data (invariant globalization).</summary>
    private static readonly NumberFormatInfo German = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = "." };

    private static readonly string[] GermanDates = ["d.M.yyyy", "d.M.yy", "d.M.yyyy H:mm", "d.M.yyyy H:mm:ss", "d.M.yy H:mm"];
    private static readonly string[] IsoDates = ["yyyy-MM-dd", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ssK"];
    private static readonly string[] BritishDates = ["d'/'M'/'yyyy", "d'/'M'/'yy", "d'/'M'/'yyyy H:mm"];

    /// <summary>Excel's serials of 1 January 1930 and 31 December 2199: a plain number in a date column means such a day.</summary>
    private const double FirstSerial = 10959, LastSerial = 109939;

    /// <summary>Spaces inside and around, non-breaking ones included, are trimmed away, as Excel shows them to no one.</summary>
    public static string Clean(string? text) => (text ?? "").Replace('\u00A0', ' ').Trim();

    public static bool TryNumber(string? text, out double value)
    {
        var t = string.Concat(Clean(text).Where(c => !char.IsWhiteSpace(c) && c != '\'' && c != '’'));
        value = 0;
        if (t.Length == 0) return false;
        var comma = t.LastIndexOf(',');
        var dot = t.LastIndexOf('.');
        var culture = comma >= 0 && dot >= 0 ? (comma > dot ? German : NumberFormatInfo.InvariantInfo)
            : comma >= 0 ? German
            : t.Count(c => c == '.') > 1 ? German
            : NumberFormatInfo.InvariantInfo;
        return double.TryParse(t, NumberStyles.Float | NumberStyles.AllowThousands, culture, out value) && double.IsFinite(value);
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>; "7,0" is 7, "7,5" is not whole.</summary>
    public static bool TryWhole(string? text, int min, int max, out int value)
    {
        value = 0;
        if (!TryNumber(text, out var number) || number != Math.Round(number) || number < min || number > max) return false;
        value = (int)number;
        return true;
    }

    public static bool TryDateTime(string? text, out DateTime value)
    {
        var t = Clean(text);
        if (DateTime.TryParseExact(t, IsoDates, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out value)
            || DateTime.TryParseExact(t, GermanDates, CultureInfo.InvariantCulture, DateTimeStyles.None, out value)
            || DateTime.TryParseExact(t, BritishDates, CultureInfo.InvariantCulture, DateTimeStyles.None, out value))
            return true;
        if (TryNumber(t, out var serial) && serial is >= FirstSerial and <= LastSerial)
        {
            value = DateTime.FromOADate(serial);
            return true;
        }
        return false;
    }

    public static bool TryDate(string? text, out DateOnly value)
    {
        var ok = TryDateTime(text, out var at);
        value = DateOnly.FromDateTime(at);
        return ok;
    }

    private static readonly HashSet<string> Yes = ["yes", "y", "ja", "j", "x", "true", "wahr", "1", "✓", "✔", "mot"];
    private static readonly HashSet<string> No = ["no", "n", "nein", "false", "falsch", "0", "-", "–"];

    public static bool TryYesNo(string? text, out bool value)
    {
        var t = Clean(text).ToLowerInvariant();
        value = Yes.Contains(t);
        return value || No.Contains(t);
    }

    /// <summary>Several values in one cell, one a line or separated by semicolons (commas too where <paramref name="commas"/>).</summary>
    public static IReadOnlyList<string> List(string? text, bool commas = false)
    {
        char[] separators = commas ? ['\n', ';', ',', '|'] : ['\n', ';', '|'];
        return Clean(text).Split(separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Clean).Where(s => s.Length > 0).ToList();
    }

    public static string Show(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    public static string Show(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Show(DateTimeOffset value) =>
        value.TimeOfDay == TimeSpan.Zero ? value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : value.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
