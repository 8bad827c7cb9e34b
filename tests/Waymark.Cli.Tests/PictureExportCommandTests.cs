using System.Xml.Linq;
using SkiaSharp;
using UglyToad.PdfPig;

namespace Waymark.Cli.Tests;

/// <summary><c>waymark export</c> of a journey map as SVG, PDF and PNG and of the CX report, read back with independent readers.</summary>
public sealed class PictureExportCommandTests
{
    private const string Map = "First big-screen TV: from the Instagram reel to movie night";

    [Fact]
    public async Task A_journey_map_exports_as_svg_pdf_poster_and_png_and_without_a_journey_the_pdf_is_the_cx_report()
    {
        using var scratch = new Scratch();
        var db = scratch.File("w.db");
        Assert.Equal(0, (await WaymarkProcess.RunAsync(scratch.Path, "demo", "--db", db, "--no-events")).ExitCode);
        Task<CliResult> Export(params string[] args) => WaymarkProcess.RunAsync(scratch.Path, ["export", "--workspace", "demo", "--db", db, .. args]);

        var svg = await Export("--journey", Map, "--out", scratch.File("map.svg"));
        Assert.True(svg.ExitCode == 0, svg.Errors);
        Assert.Contains(Map, string.Concat(XDocument.Load(scratch.File("map.svg")).Descendants().Where(e => e.Name.LocalName == "text").Select(t => t.Value)));

        var pdf = await Export("--journey", Map, "--out", scratch.File("map.pdf"), "--paper", "a2", "--orientation", "portrait");
        Assert.True(pdf.ExitCode == 0, pdf.Errors);
        using (var document = PdfDocument.Open(scratch.File("map.pdf")))
        {
            var page = Assert.Single(document.GetPages());
            Assert.Equal((1191, 1684), ((int)Math.Round(page.Width), (int)Math.Round(page.Height)));
            Assert.Contains("Instagram", page.GetWords().Select(w => w.Text));
        }

        var poster = await Export("--journey", Map, "--out", scratch.File("poster.pdf"), "--paper", "a1", "--poster", "a3");
        Assert.True(poster.ExitCode == 0, poster.Errors);
        using (var document = PdfDocument.Open(scratch.File("poster.pdf")))
        {
            Assert.True(document.NumberOfPages > 1);
            Assert.Contains($"1 of {document.NumberOfPages},", string.Join(" ", document.GetPage(1).GetWords().Select(w => w.Text)));
        }

        var png = await Export("--journey", Map, "--out", scratch.File("map.png"), "--width", "900");
        Assert.True(png.ExitCode == 0, png.Errors);
        using (var bitmap = SKBitmap.Decode(scratch.File("map.png"))) Assert.Equal(900, bitmap.Width);

        var report = await Export("--out", scratch.File("report.pdf"));
        Assert.True(report.ExitCode == 0, report.Errors);
        using (var document = PdfDocument.Open(scratch.File("report.pdf")))
            Assert.Contains("Importance–performance", string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text)));
    }

    [Fact]
    public async Task Unknown_maps_papers_and_formats_are_refused_in_words_and_nothing_is_written()
    {
        using var scratch = new Scratch();
        var db = scratch.File("w.db");
        Assert.Equal(0, (await WaymarkProcess.RunAsync(scratch.Path, "demo", "--db", db, "--no-events")).ExitCode);
        Task<CliResult> Export(params string[] args) => WaymarkProcess.RunAsync(scratch.Path, ["export", "--workspace", "demo", "--db", db, .. args]);

        var unknown = await Export("--journey", "No such map", "--out", scratch.File("x.pdf"));
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("There is no journey map 'No such map'", unknown.Errors);
        var paper = await Export("--journey", Map, "--out", scratch.File("x.pdf"), "--paper", "b5");
        Assert.Equal(1, paper.ExitCode);
        Assert.Contains("'b5' is not a valid paper", paper.Errors);
        var png = await Export("--out", scratch.File("x.png"));
        Assert.Equal(1, png.ExitCode);
        Assert.Contains("--journey", png.Errors);
        var format = await Export("--out", scratch.File("x.docx"));
        Assert.Equal(1, format.ExitCode);
        Assert.Contains("'docx' is not a format", format.Errors);
        Assert.False(File.Exists(scratch.File("x.pdf")) || File.Exists(scratch.File("x.png")) || File.Exists(scratch.File("x.docx")));
    }
}
