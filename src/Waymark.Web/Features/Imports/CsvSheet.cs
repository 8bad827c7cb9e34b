using System.Text;
using Sylvan.Data.Csv;

namespace Waymark.Web.Features.Imports;

/// <summary>
/// A CSV file as Excel and other tools write it: UTF-8 (with or without byte order mark), UTF-16 with its mark, or
/// else Windows-1252 (what German Excel writes as "CSV (Trennzeichen-getrennt)"); separated by semicolons, commas or tabs,
/// whichever the first lines use most.
/// </summary>
internal static class CsvSheet
{
    static CsvSheet() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static SheetContent Read(byte[] content)
    {
        var text = Decode(content);
        using var csv = CsvDataReader.Create(new StringReader(text), new CsvDataReaderOptions
        {
            HasHeaders = false,
            Delimiter = Separator(text),
            BufferSize = Math.Max(0x10000, text.Length + 1),
        });
        var rows = new List<SheetRow>();
        var number = 0;
        while (csv.Read())
        {
            number++;
            var cells = new string[csv.RowFieldCount];
            for (var i = 0; i < cells.Length; i++) cells[i] = csv.GetString(i);
            rows.Add(new SheetRow(number, cells));
        }
        return new SheetContent([], null, rows);
    }

    private static string Decode(byte[] content)
    {
        if (content is [0xEF, 0xBB, 0xBF, ..]) return Encoding.UTF8.GetString(content, 3, content.Length - 3);
        if (content is [0xFF, 0xFE, ..]) return Encoding.Unicode.GetString(content, 2, content.Length - 2);
        if (content is [0xFE, 0xFF, ..]) return Encoding.BigEndianUnicode.GetString(content, 2, content.Length - 2);
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(1252).GetString(content);
        }
    }

    private static char Separator(string text)
    {
        var lines = text.Split('\n').Where(l => l.Trim().Length > 0).Take(20).ToList();
        char[] candidates = [';', ',', '\t'];
        return candidates.OrderByDescending(c => lines.Sum(l => l.Count(x => x == c))).First();
    }
}
