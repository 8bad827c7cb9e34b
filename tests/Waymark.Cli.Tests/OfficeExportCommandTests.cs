using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Sylvan.Data.Csv;

namespace Waymark.Cli.Tests;

/// <summary><c>waymark export</c> in the meeting-room formats, run as a process on a demo database and read back.</summary>
public sealed class OfficeExportCommandTests
{
    private static void AssertValid(OpenXmlPackage package) =>
        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2019).Validate(package).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}"));

    [Fact]
    public async Task Export_writes_the_workbook_a_csv_list_and_the_deck_of_a_map_named_by_its_name()
    {
        using var scratch = new Scratch();
        var db = scratch.File("w.db");
        Assert.Equal(0, (await WaymarkProcess.RunAsync(scratch.Path, "demo", "--db", db)).ExitCode);

        var workbook = await WaymarkProcess.RunAsync(scratch.Path, "export", "--workspace", "demo", "--out", scratch.File("lists.xlsx"), "--db", db);
        Assert.True(workbook.ExitCode == 0, workbook.Errors);
        using (var document = SpreadsheetDocument.Open(scratch.File("lists.xlsx"), false))
        {
            AssertValid(document);
            Assert.Equal(7, document.WorkbookPart!.WorksheetParts.Count());
        }

        var csv = await WaymarkProcess.RunAsync(scratch.Path, "export", "--workspace", "demo", "--out", scratch.File("tp.txt"), "--format", "csv", "--list", "touchpoints", "--db", db);
        Assert.True(csv.ExitCode == 0, csv.Errors);
        using (var reader = CsvDataReader.Create(new StreamReader(scratch.File("tp.txt"), detectEncodingFromByteOrderMarks: true)))
        {
            var count = 0;
            while (reader.Read()) count++;
            Assert.Equal(54, count);
            Assert.Equal("Current score (1–10)", reader.GetName(11));
        }

        var deck = await WaymarkProcess.RunAsync(scratch.Path, "export", "--workspace", "demo", "--out", scratch.File("deck.pptx"),
            "--journey", "broken panel under warranty", "--db", db);
        Assert.True(deck.ExitCode == 0, deck.Errors);
        using (var presentation = PresentationDocument.Open(scratch.File("deck.pptx"), false))
        {
            AssertValid(presentation);
            var first = presentation.PresentationPart!.SlideParts.First(p => p.Slide.InnerText.Contains("Brightview"));
            Assert.Contains("Broken panel under warranty", first.Slide.InnerText);
            Assert.Contains(presentation.PresentationPart.SlideParts, p => p.ImageParts.Any() && p.Slide.InnerText.Contains("Broken panel under warranty"));
        }
    }

    [Fact]
    public async Task Export_says_what_is_missing_when_a_list_a_map_or_the_format_is_not_right()
    {
        using var scratch = new Scratch();
        var db = scratch.File("w.db");
        Assert.Equal(0, (await WaymarkProcess.RunAsync(scratch.Path, "demo", "--db", db)).ExitCode);

        var noList = await WaymarkProcess.RunAsync(scratch.Path, "export", "--workspace", "demo", "--out", scratch.File("x.csv"), "--db", db);
        Assert.Equal(1, noList.ExitCode);
        Assert.Contains("--list: A CSV file holds one list", noList.Errors);
        var wrongList = await WaymarkProcess.RunAsync(scratch.Path, "export", "--workspace", "demo", "--out", scratch.File("x.csv"), "--list", "customers", "--db", db);
        Assert.Equal(1, wrongList.ExitCode);
        Assert.Contains("'customers' is not a list", wrongList.Errors);
        var noMap = await WaymarkProcess.RunAsync(scratch.Path, "export", "--workspace", "demo", "--out", scratch.File("x.pptx"), "--journey", "Moon landing", "--db", db);
        Assert.Equal(1, noMap.ExitCode);
        Assert.Contains("There is no map 'Moon landing'", noMap.Errors);
        var format = await WaymarkProcess.RunAsync(scratch.Path, "export", "--workspace", "demo", "--out", scratch.File("x.doc"), "--format", "doc", "--db", db);
        Assert.Equal(1, format.ExitCode);
        Assert.Contains("Use one of: json, svg, pdf, png, xlsx, csv, pptx", format.Errors);
        Assert.False(File.Exists(scratch.File("x.csv")) || File.Exists(scratch.File("x.pptx")) || File.Exists(scratch.File("x.doc")));
    }
}
