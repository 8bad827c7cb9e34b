namespace Waymark.Web.Features.Imports;

/// <summary>
/// The sheet below its header row: title rows above it and blank rows are left out, and so is a row that only repeats
/// the header (the lower half of a header merged over two rows). Columns are named by their header cell; an empty
/// one by its letter ("Column C"), a repeated one with its place ("Name (2)").
/// </summary>
public sealed record SheetTable(int HeaderRow, IReadOnlyList<string> Columns, IReadOnlyList<SheetRow> Rows)
{
    /// <summary>How many rows from the top may come before the header: titles, dates, notes.</summary>
    private const int HeaderSearchRows = 30;

    /// <summary>
    /// The header is the row, among the first ones, whose cells name the most fields of the kind (or columns of the
    /// remembered mapping); of equal ones the lower, as a header merged over two rows is complete in its lower row.
    /// </summary>
    public static SheetTable Of(SheetContent content, ImportKind kind, IEnumerable<string> knownColumns)
    {
        var rows = content.Rows.Where(r => !r.IsBlank).ToList();
        if (rows.Count == 0) return new SheetTable(0, [], []);
        var known = knownColumns.Select(ImportKinds.Normal).ToHashSet();
        int Score(SheetRow row) => row.Cells.Select(CellText.Clean).Where(c => c.Length > 0).Distinct()
            .Count(c => known.Contains(ImportKinds.Normal(c)) || kind.Fields.Any(f => f.Matches(c)));
        var header = rows.Take(HeaderSearchRows).Select(r => (Row: r, Score: Score(r)))
            .Aggregate((best, next) => next.Score >= best.Score && next.Score > 0 ? next : best).Row;
        var columns = Names(header);
        var data = rows.Where(r => r.Number > header.Number && !SameCells(r, header)).ToList();
        var width = Math.Max(columns.Count, data.Count == 0 ? 0 : data.Max(r => r.Cells.Count));
        for (var c = columns.Count; c < width; c++) columns.Add($"Column {Letter(c)}");
        return new SheetTable(header.Number, columns, data);
    }

    public int ColumnIndex(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
            if (string.Equals(Columns[i], column.Trim(), StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }

    private static List<string> Names(SheetRow header)
    {
        var names = new List<string>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Cells.Count; i++)
        {
            var text = string.Join(' ', CellText.Clean(header.Cells[i]).Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
            var name = text.Length == 0 ? $"Column {Letter(i)}" : text;
            seen[name] = seen.GetValueOrDefault(name) + 1;
            names.Add(seen[name] == 1 ? name : $"{name} ({seen[name]})");
        }
        return names;
    }

    private static bool SameCells(SheetRow row, SheetRow header) =>
        Enumerable.Range(0, Math.Max(row.Cells.Count, header.Cells.Count)).All(i => CellText.Clean(row.Cell(i)) == CellText.Clean(header.Cell(i)));

    public static string Letter(int column)
    {
        var letters = "";
        for (var n = column + 1; n > 0; n = (n - 1) / 26) letters = (char)('A' + (n - 1) % 26) + letters;
        return letters;
    }
}
