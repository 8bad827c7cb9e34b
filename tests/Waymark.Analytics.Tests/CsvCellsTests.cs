using System.Text;
using Waymark.Analytics.Writing;

namespace Waymark.Analytics.Tests;

/// <summary>The one rule against formula injection in CSV that the event export and the list exports share.</summary>
public sealed class CsvCellsTests
{
    [Theory]
    [InlineData("=SUM(A1:A9)", "\"'=SUM(A1:A9)\"")]
    [InlineData("+41 44 123 45 67", "\"'+41 44 123 45 67\"")]
    [InlineData("-2+3+cmd|' /C calc'!A0", "\"'-2+3+cmd|' /C calc'!A0\"")]
    [InlineData("@SUM(1)", "\"'@SUM(1)\"")]
    [InlineData("\tindented", "\"'\tindented\"")]
    [InlineData("\rreturn", "\"'\rreturn\"")]
    [InlineData("-3", "-3")]
    [InlineData("-3.5e2", "-3.5e2")]
    [InlineData("Müller, \"Beratung\"\nzweite Zeile 🎉", "\"Müller, \"\"Beratung\"\"\nzweite Zeile 🎉\"")]
    [InlineData("plain <b> & text", "plain <b> & text")]
    [InlineData("", "")]
    public void A_cell_is_quoted_when_needed_and_neutralised_when_a_spreadsheet_would_run_it(string value, string written) =>
        Assert.Equal(written, CsvCells.Append(new StringBuilder(), value).ToString());
}
