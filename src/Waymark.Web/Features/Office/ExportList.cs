namespace Waymark.Web.Features.Office;

/// <summary>What a column holds, so a spreadsheet gets real types: text, a number, a whole number, a day, a moment (UTC) or yes/no.</summary>
public enum ColumnKind { Text, Number, Whole, Day, Moment, YesNo }

/// <summary>A column of an exported list: its heading, its kind and how wide a spreadsheet shows it (in characters).</summary>
public sealed record ListColumn(string Heading, ColumnKind Kind, double Width);

/// <summary>
/// One list of the workspace as a table, the same for the workbook sheet and the CSV file. A cell is null (empty) or
/// of its column's kind: string, double, int, <see cref="DateOnly"/>, <see cref="DateTimeOffset"/> or bool.
/// </summary>
public sealed record ExportList(string Name, string Title, IReadOnlyList<ListColumn> Columns, IReadOnlyList<object?[]> Rows);
