using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Sylvan.Data.Csv;

namespace Waymark.Web.Tests.Office;

/// <summary>Reads the exports back as a spreadsheet program or PowerPoint would: the Open XML validator first, then the cells, sheets and slides.</summary>
internal static class OfficeReaders
{
    /// <summary>The validator's complaints (none for a file Office opens without a repair prompt).</summary>
    public static void AssertValid(OpenXmlPackage package)
    {
        var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(package).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(20).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")));
    }

    /// <summary>One sheet of a workbook: its cells by reference, its worksheet and the workbook's cell formats.</summary>
    public sealed record SheetRead(Worksheet Worksheet, Dictionary<string, Cell> Cells, CellFormats Formats, NumberingFormats NumberFormats)
    {
        public List<string> Headings => Row(1);

        public List<string> Row(int number) => Cells.Values.Where(c => RowOf(c) == number).Select(Text).ToList();

        /// <summary>The cell in the row whose first column reads <paramref name="first"/>, under <paramref name="heading"/>.</summary>
        public Cell? At(string first, string heading)
        {
            var column = Letters(Cells.Values.Single(c => RowOf(c) == 1 && Text(c) == heading));
            var row = Cells.Values.Single(c => Letters(c) == "A" && Text(c) == first && RowOf(c) > 1);
            return Cells.GetValueOrDefault(column + RowOf(row));
        }

        public string? FormatCode(Cell cell)
        {
            var format = (CellFormat)Formats.ElementAt((int)(cell.StyleIndex?.Value ?? 0));
            return NumberFormats.Elements<NumberingFormat>().FirstOrDefault(n => n.NumberFormatId?.Value == format.NumberFormatId?.Value)?.FormatCode?.Value;
        }

        private static int RowOf(Cell c) => int.Parse(c.CellReference!.Value!.TrimStart('A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S', 'T', 'U', 'V', 'W', 'X', 'Y', 'Z'));
        private static string Letters(Cell c) => new(c.CellReference!.Value!.TakeWhile(char.IsLetter).ToArray());
    }

    public static string Text(Cell cell) => cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText : cell.CellValue?.Text ?? "";

    public static SheetRead Sheet(SpreadsheetDocument document, string name)
    {
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        var worksheet = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet;
        var styles = workbook.WorkbookStylesPart!.Stylesheet;
        return new SheetRead(worksheet, worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!), styles.CellFormats!, styles.NumberingFormats!);
    }

    /// <summary>A CSV export parsed by Sylvan (the reader the event ingestion uses), after checking and removing its byte-order mark.</summary>
    public static List<Dictionary<string, string>> Csv(byte[] bytes)
    {
        Assert.True(bytes.AsSpan().StartsWith((byte[])[0xEF, 0xBB, 0xBF]), "The CSV starts with the UTF-8 byte-order mark.");
        using var reader = CsvDataReader.Create(new StringReader(new System.Text.UTF8Encoding(false).GetString(bytes, 3, bytes.Length - 3)));
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
            rows.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, reader.GetString));
        return rows;
    }
}
