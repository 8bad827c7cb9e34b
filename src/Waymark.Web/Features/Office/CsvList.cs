using System.Globalization;
using System.Text;
using Waymark.Analytics.Writing;

namespace Waymark.Web.Features.Office;

/// <summary>
/// One list as a CSV file for Excel and scripts: UTF-8 with a byte-order mark (so Excel reads umlauts right), a header
/// row, RFC 4180 quoting and CRLF line ends. Text cells go through the event export's rule against formula injection
/// (<see cref="CsvCells"/>): text beginning with = + - @, tab or carriage return gets a leading apostrophe. Number columns
/// are written as numbers (invariant culture, so -3 stays -3): a plain number cannot run anything, and OWASP's concern is
/// text that a spreadsheet would evaluate. Days are yyyy-MM-dd, moments ISO 8601 in UTC, yes/no as true/false.
/// </summary>
public static class CsvList
{
    public const string MediaType = "text/csv; charset=utf-8";

    public static byte[] Write(ExportList list)
    {
        var text = new StringBuilder();
        Line(text, list.Columns.Select(c => (object?)c.Heading).ToArray(), list.Columns.Select(_ => ColumnKind.Text).ToArray());
        var kinds = list.Columns.Select(c => c.Kind).ToArray();
        foreach (var row in list.Rows) Line(text, row, kinds);
        var body = new UTF8Encoding(false).GetBytes(text.ToString());
        return [.. Encoding.UTF8.Preamble, .. body];
    }

    private static void Line(StringBuilder text, object?[] cells, ColumnKind[] kinds)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0) text.Append(',');
            switch (cells[i])
            {
                case null: break;
                case string s: CsvCells.Append(text, s); break;
                case double d: text.Append(d.ToString("R", CultureInfo.InvariantCulture)); break;
                case int n: text.Append(n.ToString(CultureInfo.InvariantCulture)); break;
                case DateOnly day: text.Append(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
                case DateTimeOffset at: text.Append(at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)); break;
                case bool b: text.Append(b ? "true" : "false"); break;
                default: throw new InvalidOperationException($"A {kinds[i]} column cannot hold a {cells[i]!.GetType().Name}.");
            }
        }
        text.Append("\r\n");
    }
}
