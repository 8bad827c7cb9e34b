using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Waymark.Web.Features.Journeys;

namespace Waymark.Web.Features.Office;

/// <summary>
/// The workspace's lists as one Excel workbook, a sheet per list: real cell types (numbers as numbers, days and moments as
/// date serials with a date format, yes/no as booleans), a bold header row that stays in view, a filter on every column
/// and widths that fit the content. Written with the Open XML SDK; text goes in as inline strings.
/// </summary>
public static class XlsxLists
{
    public const string MediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    // Cell formats in the stylesheet below, by index.
    private const uint HeaderStyle = 1, DayStyle = 2, MomentStyle = 3, TextStyle = 4;

    public static byte[] Write(IReadOnlyList<ExportList> lists)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var sheets = new Sheets();
            var filters = new DefinedNames();
            for (var i = 0; i < lists.Count; i++)
            {
                var list = lists[i];
                var part = workbookPart.AddNewPart<WorksheetPart>();
                part.Worksheet = Sheet(list, selected: i == 0);
                sheets.Append(new Sheet { Name = list.Title, SheetId = (uint)(i + 1), Id = workbookPart.GetIdOfPart(part) });
                // Excel keeps the filtered range under this hidden name; without it some versions redraw the filter buttons only after a click.
                filters.Append(new DefinedName($"'{list.Title}'!$A$1:${Column(list.Columns.Count)}${list.Rows.Count + 1}")
                    { Name = "_xlnm._FilterDatabase", LocalSheetId = (uint)i, Hidden = true });
            }
            workbookPart.Workbook = new Workbook(sheets, filters);
            workbookPart.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static Worksheet Sheet(ExportList list, bool selected)
    {
        var lastColumn = Column(list.Columns.Count);
        var view = new SheetView(
            new Pane { VerticalSplit = 1D, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
            { WorkbookViewId = 0U, TabSelected = selected };
        var columns = new Columns(list.Columns.Select((c, i) => new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = c.Width + 2, CustomWidth = true }));
        var data = new SheetData();
        data.Append(new Row(list.Columns.Select((c, i) => TextCell(Column(i + 1) + "1", c.Heading, HeaderStyle))) { RowIndex = 1U });
        for (var r = 0; r < list.Rows.Count; r++)
        {
            var number = (uint)(r + 2);
            var row = new Row { RowIndex = number };
            for (var c = 0; c < list.Columns.Count; c++)
                if (Cell($"{Column(c + 1)}{number}", list.Rows[r][c]) is { } cell) row.Append(cell);
            data.Append(row);
        }
        return new Worksheet(
            new SheetViews(view),
            new SheetFormatProperties { DefaultRowHeight = 15D },
            columns,
            data,
            new AutoFilter { Reference = $"A1:{lastColumn}{list.Rows.Count + 1}" });
    }

    private static Cell? Cell(string reference, object? value) => value switch
    {
        null => null,
        string s => TextCell(reference, s, TextStyle),
        double d => new Cell(new CellValue(d)) { CellReference = reference },
        int n => new Cell(new CellValue(n)) { CellReference = reference },
        bool b => new Cell(new CellValue(b ? "1" : "0")) { CellReference = reference, DataType = CellValues.Boolean },
        DateOnly day => new Cell(new CellValue(day.ToDateTime(TimeOnly.MinValue).ToOADate())) { CellReference = reference, StyleIndex = DayStyle },
        // Excel has no time zones: the moment in UTC, as the column heading says.
        DateTimeOffset at => new Cell(new CellValue(at.UtcDateTime.ToOADate())) { CellReference = reference, StyleIndex = MomentStyle },
        _ => throw new InvalidOperationException($"A cell cannot hold a {value.GetType().Name}."),
    };

    private static Cell TextCell(string reference, string text, uint style) =>
        new(new InlineString(new Text(MapSvg.Clean(text)) { Space = SpaceProcessingModeValues.Preserve }))
            { CellReference = reference, DataType = CellValues.InlineString, StyleIndex = style };

    /// <summary>A, B, … Z, AA, AB …: the column's letters for its 1-based number.</summary>
    internal static string Column(int number)
    {
        var letters = "";
        for (; number > 0; number = (number - 1) / 26) letters = (char)('A' + (number - 1) % 26) + letters;
        return letters;
    }

    private static Stylesheet Styles() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164U, FormatCode = "yyyy-mm-dd" },
            new NumberingFormat { NumberFormatId = 165U, FormatCode = "yyyy-mm-dd hh:mm" }) { Count = 2U },
        new Fonts(
            new Font(new FontSize { Val = 11D }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11D }, new Color { Rgb = "FFFFFFFF" }, new FontName { Val = "Calibri" })) { Count = 2U },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FF0F5F73" }, new BackgroundColor { Indexed = 64U }) { PatternType = PatternValues.Solid })) { Count = 3U },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1U },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U }) { Count = 1U },
        new CellFormats(
            new CellFormat { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U, FormatId = 0U },
            new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = true })
                { NumberFormatId = 0U, FontId = 1U, FillId = 2U, BorderId = 0U, FormatId = 0U, ApplyFont = true, ApplyFill = true, ApplyAlignment = true },
            new CellFormat { NumberFormatId = 164U, FontId = 0U, FillId = 0U, BorderId = 0U, FormatId = 0U, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 165U, FontId = 0U, FillId = 0U, BorderId = 0U, FormatId = 0U, ApplyNumberFormat = true },
            // Text stays text even when it looks like a number or a date, as the number format "@" tells Excel.
            new CellFormat { NumberFormatId = 49U, FontId = 0U, FillId = 0U, BorderId = 0U, FormatId = 0U, ApplyNumberFormat = true }) { Count = 5U },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0U, BuiltinId = 0U }) { Count = 1U });
}
