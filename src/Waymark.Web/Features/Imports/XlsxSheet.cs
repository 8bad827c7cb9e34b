using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Waymark.Domain.Common;

namespace Waymark.Web.Features.Imports;

/// <summary>
/// One worksheet of an XLSX workbook as text. Cells formatted as dates become yyyy-MM-dd (with the time when there is
/// one), other numbers their invariant form; a merged range gives every cell it covers the value of its first cell, so
/// a merged header names each column below it and a channel merged over three rows belongs to all three.
/// </summary>
internal static class XlsxSheet
{
    public static SheetContent Read(string fileName, byte[] content, string? wanted)
    {
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var document = SpreadsheetDocument.Open(stream, false);
            var workbook = document.WorkbookPart ?? throw Unreadable(fileName);
            var sheets = workbook.Workbook.Sheets?.Elements<Sheet>().Where(s => s.Name?.Value is not null).ToList() ?? [];
            if (sheets.Count == 0) throw new DomainRuleException("file", $"The workbook '{fileName}' has no sheets.");
            var names = sheets.Select(s => s.Name!.Value!).ToList();
            var sheet = string.IsNullOrWhiteSpace(wanted) ? sheets[0]
                : sheets.FirstOrDefault(s => string.Equals(s.Name!.Value!.Trim(), wanted.Trim(), StringComparison.OrdinalIgnoreCase))
                  ?? throw new DomainRuleException("sheet", $"The workbook '{fileName}' has no sheet '{wanted}'; its sheets are {string.Join(", ", names.Select(n => $"'{n}'"))}.");
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
            return new SheetContent(names, sheet.Name!.Value, Rows(part.Worksheet, SharedStrings(workbook), DateStyles(workbook)));
        }
        // Whatever the package reader trips over in a broken or foreign file (zip, packaging, XML) means the same to the person.
        catch (Exception e) when (e is not DomainRuleException and not OperationCanceledException and not OutOfMemoryException)
        {
            throw Unreadable(fileName);
        }
    }

    private static DomainRuleException Unreadable(string fileName) =>
        new("file", $"'{fileName}' is not an Excel workbook Waymark can read; save it again as .xlsx or as CSV.");

    private static List<string> SharedStrings(WorkbookPart workbook) =>
        workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(Text).ToList() ?? [];

    /// <summary>The text of a shared or inline string: its runs, without the phonetic hints of East Asian text.</summary>
    private static string Text(DocumentFormat.OpenXml.OpenXmlElement item) =>
        item.GetFirstChild<DocumentFormat.OpenXml.Spreadsheet.Text>() is { } plain && !item.Elements<Run>().Any()
            ? plain.Text
            : string.Concat(item.Elements<Run>().Select(r => r.Text?.Text ?? ""));

    /// <summary>Which cell styles show a number as a date or time: the built-in date formats and custom ones with day or year.</summary>
    private static HashSet<uint> DateStyles(WorkbookPart workbook)
    {
        var stylesheet = workbook.WorkbookStylesPart?.Stylesheet;
        var custom = stylesheet?.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null)
            .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode?.Value ?? "") ?? [];
        var styles = new HashSet<uint>();
        var index = 0u;
        foreach (var format in stylesheet?.CellFormats?.Elements<CellFormat>() ?? [])
        {
            var id = format.NumberFormatId?.Value ?? 0;
            if (id is >= 14 and <= 22 or >= 45 and <= 47 || custom.TryGetValue(id, out var code) && IsDateFormat(code)) styles.Add(index);
            index++;
        }
        return styles;
    }

    private static bool IsDateFormat(string code)
    {
        var plain = System.Text.RegularExpressions.Regex.Replace(code, "\"[^\"]*\"|\\[[^\\]]*\\]|\\\\.", "").ToLowerInvariant();
        return plain.Contains('d') || plain.Contains('y') || plain.Contains('j');
    }

    private static List<SheetRow> Rows(Worksheet worksheet, List<string> shared, HashSet<uint> dateStyles)
    {
        var cells = new Dictionary<(int Row, int Column), string>();
        foreach (var row in worksheet.Descendants<Row>())
        foreach (var cell in row.Elements<Cell>())
        {
            if (cell.CellReference?.Value is not { } reference) continue;
            var value = Value(cell, shared, dateStyles);
            if (value.Length > 0) cells[Position(reference)] = value;
        }
        foreach (var merged in worksheet.Descendants<MergeCell>())
        {
            if (merged.Reference?.Value?.Split(':') is not [var from, var to]) continue;
            var (top, left) = Position(from);
            var (bottom, right) = Position(to);
            if (!cells.TryGetValue((top, left), out var value)) continue;
            for (var r = top; r <= bottom; r++)
            for (var c = left; c <= right; c++)
                cells[(r, c)] = value;
        }
        if (cells.Count == 0) return [];
        var width = cells.Keys.Max(k => k.Column) + 1;
        return cells.Keys.Select(k => k.Row).Distinct().Order()
            .Select(r => new SheetRow(r, Enumerable.Range(0, width).Select(c => cells.GetValueOrDefault((r, c), "")).ToArray()))
            .ToList();
    }

    private static string Value(Cell cell, List<string> shared, HashSet<uint> dateStyles)
    {
        var type = cell.DataType?.Value;
        if (type == CellValues.InlineString) return cell.InlineString is { } inline ? Text(inline) : "";
        var raw = cell.CellValue?.Text ?? "";
        if (type == CellValues.SharedString)
            return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < shared.Count ? shared[i] : "";
        if (type == CellValues.Boolean) return raw == "1" ? "TRUE" : "FALSE";
        if (type == CellValues.String || type == CellValues.Error) return raw;
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return raw;
        if (cell.StyleIndex?.Value is { } style && dateStyles.Contains(style) && number is > -657435 and < 2958466)
        {
            var date = DateTime.FromOADate(number);
            return date.TimeOfDay == TimeSpan.Zero ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : date.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        }
        return number.ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>"C14" as (14, 2): the row as numbered in Excel, the column counted from 0.</summary>
    private static (int Row, int Column) Position(string reference)
    {
        var column = 0;
        var i = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]); i++) column = column * 26 + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
        return (int.Parse(reference.AsSpan(i), CultureInfo.InvariantCulture), column - 1);
    }
}
