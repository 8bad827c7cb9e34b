namespace Waymark.Web.Features.Imports;

/// <summary>One row of a sheet, numbered as the person sees it in Excel or a text editor (the first row is 1).</summary>
public sealed record SheetRow(int Number, IReadOnlyList<string> Cells)
{
    public string Cell(int column) => column < Cells.Count ? Cells[column] : "";

    public bool IsBlank => Cells.All(string.IsNullOrWhiteSpace);
}

/// <summary>
/// What a file holds, cell by cell as text (XLSX numbers in invariant form, XLSX dates as yyyy-MM-dd), with the names of
/// its sheets (none for CSV) and the one read.
/// </summary>
public sealed record SheetContent(IReadOnlyList<string> SheetNames, string? SheetName, IReadOnlyList<SheetRow> Rows);

/// <summary>Reads an uploaded CSV or XLSX file: XLSX by its content (a zip archive), CSV otherwise.</summary>
public static class SheetFile
{
    public static SheetContent Read(string fileName, byte[] content, string? sheet)
    {
        if (content.Length == 0) throw new Domain.Common.DomainRuleException("file", $"The file '{fileName}' is empty.");
        var isZip = content is [0x50, 0x4B, 0x03, 0x04, ..];
        if (isZip) return XlsxSheet.Read(fileName, content, sheet);
        if (fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".xls", StringComparison.OrdinalIgnoreCase))
            throw new Domain.Common.DomainRuleException("file", $"'{fileName}' is not an Excel workbook Waymark can read; save it as .xlsx (Excel 2007 or newer) or as CSV.");
        return CsvSheet.Read(content);
    }
}
