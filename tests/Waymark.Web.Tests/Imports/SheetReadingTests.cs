using System.Text;
using Waymark.Web.Features.Imports;

namespace Waymark.Web.Tests.Imports;

public sealed class SheetReadingTests
{
    [Theory]
    [InlineData("7,5", 7.5)]
    [InlineData(" 7.5 ", 7.5)]
    [InlineData("1.234,5", 1234.5)]
    [InlineData("1,234.5", 1234.5)]
    [InlineData("1.234.567", 1234567)]
    [InlineData("12 345,5", 12345.5)]
    [InlineData("-3", -3)]
    public void Numbers_are_read_with_decimal_commas_or_points(string text, double expected)
    {
        Assert.True(CellText.TryNumber(text, out var value));
        Assert.Equal(expected, value, 6);
    }

    [Theory]
    [InlineData("elf")]
    [InlineData("")]
    [InlineData("7,5 Punkte")]
    public void Words_are_not_numbers(string text) => Assert.False(CellText.TryNumber(text, out _));

    [Theory]
    [InlineData("31.12.2026", 2026, 12, 31)]
    [InlineData("1.2.26", 2026, 2, 1)]
    [InlineData("2026-12-31", 2026, 12, 31)]
    [InlineData("31/12/2026", 2026, 12, 31)]
    [InlineData("46387", 2026, 12, 31)]
    [InlineData(" 46387,0 ", 2026, 12, 31)]
    public void Dates_are_read_as_German_ISO_British_or_Excel_serials(string text, int year, int month, int day)
    {
        Assert.True(CellText.TryDate(text, out var date));
        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Theory]
    [InlineData("31.13.2026")]
    [InlineData("7")]
    [InlineData("morgen")]
    public void Impossible_days_and_small_numbers_are_not_dates(string text) => Assert.False(CellText.TryDate(text, out _));

    [Fact]
    public void Scores_must_be_whole_numbers_in_range()
    {
        Assert.True(CellText.TryWhole("7,0", 1, 10, out var seven));
        Assert.Equal(7, seven);
        Assert.False(CellText.TryWhole("7,5", 1, 10, out _));
        Assert.False(CellText.TryWhole("11", 1, 10, out _));
    }

    [Fact]
    public void A_windows_1252_csv_with_semicolons_keeps_its_umlauts_and_dashes()
    {
        var sheet = SheetFile.Read("bewertungen.csv", MessySheets.EvaluationsCsv(), null);
        Assert.Equal(["Touchpoint", "Datum", "Score", "Bewerter", "Kommentar"], sheet.Rows[0].Cells);
        Assert.Equal("Jürgen", sheet.Rows[1].Cells[3]);
        Assert.Equal("Sehr freundlich – gern wieder", sheet.Rows[2].Cells[4]);
    }

    [Fact]
    public void A_utf8_csv_with_byte_order_mark_finds_its_header_below_the_title_and_skips_blank_rows()
    {
        var sheet = SheetFile.Read("kanäle.csv", MessySheets.ChannelsCsv(), null);
        var table = SheetTable.Of(sheet, ImportKinds.Channels, []);
        Assert.Equal(3, table.HeaderRow);
        Assert.Equal(["Kanal", "Art", "Reichweite"], table.Columns);
        Assert.Equal([4, 5, 7, 8], table.Rows.Select(r => r.Number));
        Assert.Equal("Kanäle Brightview", sheet.Rows[0].Cells[0]);
    }

    [Fact]
    public void A_workbook_is_read_from_the_chosen_sheet_with_merged_header_cells_spread_over_their_columns()
    {
        var sheet = SheetFile.Read("inventar.xlsx", MessySheets.TouchpointsXlsx(), "kontaktpunkte");
        Assert.Equal(["Hinweise", "Kontaktpunkte"], sheet.SheetNames);
        Assert.Equal("Kontaktpunkte", sheet.SheetName);
        var table = SheetTable.Of(sheet, ImportKinds.Touchpoints, []);
        Assert.Equal(5, table.HeaderRow);
        Assert.Equal(["Bezeichnung", "Kanal", "Kategorie", "Relevanz", "Moment of Truth", "Event-Schlüssel"], table.Columns);
        Assert.Equal([6, 8, 9], table.Rows.Select(r => r.Number));
        Assert.Equal("Filiale", table.Rows[0].Cells[1]);
        Assert.Equal("3", table.Rows[1].Cells[3]);
        // The date cell above the header is read as a day, not as its serial.
        Assert.Equal("2026-12-31", sheet.Rows.Single(r => r.Number == 2).Cells[1]);
    }

    [Fact]
    public void The_first_sheet_is_read_when_none_is_chosen_and_an_unknown_one_is_refused_naming_the_sheets()
    {
        Assert.Equal("Hinweise", SheetFile.Read("inventar.xlsx", MessySheets.TouchpointsXlsx(), null).SheetName);
        var e = Assert.Throws<Domain.Common.DomainRuleException>(() => SheetFile.Read("inventar.xlsx", MessySheets.TouchpointsXlsx(), "Tabelle1"));
        Assert.Equal("sheet", e.Field);
        Assert.Contains("'Kontaktpunkte'", e.Message);
    }

    [Fact]
    public void A_file_that_only_claims_to_be_a_workbook_is_refused_in_words()
    {
        var e = Assert.Throws<Domain.Common.DomainRuleException>(() => SheetFile.Read("alt.xlsx", Encoding.ASCII.GetBytes("PK\u0003\u0004broken"), null));
        Assert.Contains("not an Excel workbook", e.Message);
    }

    [Fact]
    public void Header_names_suggest_fields_in_English_and_German()
    {
        Assert.True(ImportKinds.Touchpoints.Field("channel")!.Matches("Kanal"));
        Assert.True(ImportKinds.Touchpoints.Field("name")!.Matches(" bezeichnung"));
        Assert.True(ImportKinds.People.Field("email")!.Matches("E-Mail"));
        Assert.True(ImportKinds.Touchpoints.Field("relevance")!.Matches("Relevanz (1-5)"));
        Assert.True(ImportKinds.Evaluations.Field("expectationLevel")!.Matches("Erwartung (1-10)"));
        Assert.False(ImportKinds.Touchpoints.Field("channel")!.Matches("Kategorie"));
    }
}
