using Waymark.Domain.Common;

namespace Waymark.Web.Features.Imports;

/// <summary>One thing wrong in the file, by row and column as the person sees them in the sheet.</summary>
public sealed record ImportProblem(int? Row, string? Column, string Message)
{
    public override string ToString() => (Row, Column) switch
    {
        ({ } r, { } c) => $"row {r}, column '{c}': {Message}",
        ({ } r, null) => $"row {r}: {Message}",
        (null, { } c) => $"column '{c}': {Message}",
        _ => Message,
    };
}

/// <summary>
/// One data row of the sheet read through the mapping: each field's cell, cleaned of stray spaces, and every problem
/// found in it, named by the row and the column that holds the field.
/// </summary>
internal sealed class ImportRow(SheetRow row, IReadOnlyDictionary<string, int> columnOf, IReadOnlyList<string> columns)
{
    private readonly List<ImportProblem> _problems = [];

    public int Number => row.Number;

    public IReadOnlyList<ImportProblem> Problems => _problems;

    public string? Column(string field) => columnOf.TryGetValue(field, out var i) ? columns[i] : null;

    /// <summary>The field's text, or null when no column holds it or its cell is empty.</summary>
    public string? Text(string field) =>
        columnOf.TryGetValue(field, out var i) && CellText.Clean(row.Cell(i)) is { Length: > 0 } text ? text : null;

    public void Problem(string field, string message) => _problems.Add(new ImportProblem(Number, Column(field), message));

    /// <summary>A field a new record cannot do without.</summary>
    public void Missing(string field, string what) => Problem(field, $"{what} is empty.");

    public int? Whole(string field, int min, int max)
    {
        if (Text(field) is not { } text) return null;
        if (CellText.TryWhole(text, min, max, out var value)) return value;
        Problem(field, $"'{text}' is not a number from {min} to {max}.");
        return null;
    }

    public double? Decimal(string field)
    {
        if (Text(field) is not { } text) return null;
        if (CellText.TryNumber(text, out var value)) return value;
        Problem(field, $"'{text}' is not a number (write 7,5 or 7.5).");
        return null;
    }

    public DateTime? DateTime(string field)
    {
        if (Text(field) is not { } text) return null;
        if (CellText.TryDateTime(text, out var value)) return value;
        Problem(field, $"'{text}' is not a date (write 31.12.2026 or 2026-12-31).");
        return null;
    }

    public DateOnly? Date(string field) => DateTime(field) is { } at ? DateOnly.FromDateTime(at) : null;

    public bool? YesNo(string field)
    {
        if (Text(field) is not { } text) return null;
        if (CellText.TryYesNo(text, out var value)) return value;
        Problem(field, $"'{text}' is neither yes nor no (yes, no, ja, nein, x or empty).");
        return null;
    }

    /// <summary>One of a few words, compared without case and punctuation.</summary>
    public T? Choice<T>(string field, IReadOnlyDictionary<string, T> words, string choices) where T : struct
    {
        if (Text(field) is not { } text) return null;
        if (words.TryGetValue(ImportKinds.Normal(text), out var value)) return value;
        Problem(field, $"'{text}' is not one of {choices}.");
        return null;
    }

    /// <summary>A record referred to by name, trimmed and without case; an unknown name is a problem saying what there is.</summary>
    public T? Reference<T>(string field, NameIndex<T> index, string what) where T : class
    {
        if (Text(field) is not { } text) return null;
        if (index.Find(text) is { } found) return found;
        Problem(field, $"There is no {what} '{text}' in this workspace{index.Hint}.");
        return null;
    }

    /// <summary>
    /// Runs the domain's own rules on what the row would store (building the entity, nothing saved); a broken rule is
    /// reported at the column of the field it names, through <paramref name="fieldOf"/> from the domain's name for it.
    /// </summary>
    public void Check(Action build, Func<string, string> fieldOf)
    {
        try { build(); }
        catch (DomainRuleException e) { Problem(fieldOf(e.Field), e.Message); }
    }
}

/// <summary>Records of one kind by name, as a sheet refers to them: trimmed, without case.</summary>
internal sealed class NameIndex<T>(IEnumerable<T> items, Func<T, string> name, string hint = "") where T : class
{
    private readonly Dictionary<string, T> _byName = items.GroupBy(i => CellText.Clean(name(i)), StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);

    public string Hint => hint;

    public T? Find(string text) => _byName.GetValueOrDefault(CellText.Clean(text));
}
