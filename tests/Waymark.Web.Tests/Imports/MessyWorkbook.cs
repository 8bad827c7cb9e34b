using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Waymark.Web.Tests.Imports;

/// <summary>
/// Builds XLSX workbooks the way teams' sheets really look, with the Open XML SDK: text in the shared string table and
/// inline, numbers, numbers typed as text, dates as Excel serials formatted as dates, and merged ranges.
/// </summary>
public sealed class MessyWorkbook
{
    private readonly List<(string Name, List<(string Reference, object Value)> Cells, List<string> Merged)> _sheets = [];

    /// <summary>A date cell: the serial Excel stores, shown with the date format.</summary>
    public sealed record Day(DateTime Value);

    /// <summary>A text shared through the workbook's string table, as Excel writes most text.</summary>
    public sealed record Shared(string Value);

    public MessyWorkbook Sheet(string name)
    {
        _sheets.Add((name, [], []));
        return this;
    }

    public MessyWorkbook Cell(string reference, object value)
    {
        _sheets[^1].Cells.Add((reference, value));
        return this;
    }

    /// <summary>Cells of one row from column A on; null leaves a cell out.</summary>
    public MessyWorkbook Row(int row, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
            if (values[i] is { } v) Cell($"{(char)('A' + i)}{row}", v);
        return this;
    }

    public MessyWorkbook Merge(string range)
    {
        _sheets[^1].Merged.Add(range);
        return this;
    }

    public byte[] Build()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets());
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new Fonts(new Font()) { Count = 1 },
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
                new Borders(new Border()) { Count = 1 },
                new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }) { Count = 2 });
            var shared = workbook.AddNewPart<SharedStringTablePart>();
            shared.SharedStringTable = new SharedStringTable();
            var strings = new List<string>();
            uint id = 1;
            foreach (var (name, cells, merged) in _sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                foreach (var row in cells.GroupBy(c => RowOf(c.Reference)).OrderBy(g => g.Key))
                {
                    var r = new Row { RowIndex = (uint)row.Key };
                    foreach (var (reference, value) in row.OrderBy(c => c.Reference.Length).ThenBy(c => c.Reference))
                        r.Append(CellOf(reference, value, strings));
                    data.Append(r);
                }
                var worksheet = new Worksheet(data);
                if (merged.Count > 0) worksheet.Append(new MergeCells(merged.Select(m => new MergeCell { Reference = m })) { Count = (uint)merged.Count });
                part.Worksheet = worksheet;
                workbook.Workbook.Sheets!.Append(new Sheet { Name = name, SheetId = id++, Id = workbook.GetIdOfPart(part) });
            }
            foreach (var s in strings) shared.SharedStringTable.Append(new SharedStringItem(new Text(s) { Space = SpaceProcessingModeValues.Preserve }));
        }
        return stream.ToArray();
    }

    private static int RowOf(string reference) => int.Parse(reference.TrimStart((char[])[.. Enumerable.Range('A', 26).Select(c => (char)c)]));

    private static Cell CellOf(string reference, object value, List<string> strings) => value switch
    {
        Day d => new Cell { CellReference = reference, StyleIndex = 1, CellValue = new CellValue(d.Value.ToOADate().ToString(System.Globalization.CultureInfo.InvariantCulture)) },
        Shared s => new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(Index(strings, s.Value).ToString()) },
        string text => new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }) },
        int or double => new Cell { CellReference = reference, CellValue = new CellValue(Convert.ToDouble(value).ToString(System.Globalization.CultureInfo.InvariantCulture)) },
        _ => throw new ArgumentException($"No cell for {value.GetType().Name}"),
    };

    private static int Index(List<string> strings, string value)
    {
        var i = strings.IndexOf(value);
        if (i >= 0) return i;
        strings.Add(value);
        return strings.Count - 1;
    }
}
