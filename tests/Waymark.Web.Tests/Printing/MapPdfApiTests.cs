using System.Net;
using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using Waymark.Domain.Common;
using Waymark.Storage.Access;
using Waymark.Web.Tests.Kpis;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Printing;

/// <summary>A journey map as a PDF, read back with PdfPig: paper sizes to the point, text that stays text, fonts embedded, long maps legible, posters numbered.</summary>
public sealed class MapPdfApiTests(WaymarkApiFactory factory) : ApiTest(factory)
{
    private string PdfPath(Guid id, string query = "") => $"{Api}/journeys/{id}/map.pdf{query}";

    private async Task<byte[]> PdfAsync(Guid id, string query = "")
    {
        var response = await Client.GetAsync(PdfPath(id, query));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static string TextOf(Page page) => string.Join(" ", page.GetWords().Select(w => w.Text));

    /// <summary>
    /// Whether the words of <paramref name="expected"/> come in the page's text in their order: a text wrapped over lines in a
    /// column is read by PdfPig line by line across the sheet, so the neighbouring column's words come in between.
    /// </summary>
    private static void AssertReads(string expected, string text)
    {
        var words = text.Split(' ');
        var at = 0;
        foreach (var word in expected.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            while (at < words.Length && words[at] != word) at++;
            Assert.True(at < words.Length, $"'{expected}' is not read in the PDF: '{word}' is missing");
            at++;
        }
    }

    [Theory]
    [InlineData("a0", "portrait", 2384, 3370)]
    [InlineData("a0", "landscape", 3370, 2384)]
    [InlineData("a1", "portrait", 1684, 2384)]
    [InlineData("a2", "landscape", 1684, 1191)]
    [InlineData("a3", "portrait", 842, 1191)]
    [InlineData("a4", "portrait", 595, 842)]
    [InlineData("a4", "landscape", 842, 595)]
    [InlineData("letter", "portrait", 612, 792)]
    [InlineData("tabloid", "portrait", 792, 1224)]
    [InlineData("tabloid", "landscape", 1224, 792)]
    public async Task A_map_fits_one_sheet_of_each_paper_exactly_to_the_point(string paper, string orientation, int width, int height)
    {
        var map = await PrintedMaps.SmallAsync(Factory, Workspace);
        using var pdf = PdfDocument.Open(await PdfAsync(map.JourneyId, $"?paper={paper}&orientation={orientation}"));
        var page = Assert.Single(pdf.GetPages());
        Assert.Equal(width, page.Width, 0.01);
        Assert.Equal(height, page.Height, 0.01);
        // Nothing is drawn outside the sheet.
        Assert.All(page.GetWords(), w => Assert.True(w.BoundingBox.Left >= 0 && w.BoundingBox.Right <= width && w.BoundingBox.Bottom >= 0 && w.BoundingBox.Top <= height, w.Text));
    }

    [Fact]
    public async Task The_pdf_keeps_every_step_and_what_users_typed_as_text_in_embedded_fonts_with_a_header_and_footer()
    {
        var map = await PrintedMaps.SmallAsync(Factory, Workspace);
        var bytes = await PdfAsync(map.JourneyId, "?paper=a4&orientation=landscape");
        using var pdf = PdfDocument.Open(bytes);
        var page = pdf.GetPage(1);
        var text = TextOf(page);
        foreach (var step in map.Steps) AssertReads(step, text);
        AssertReads($"First TV purchase {PrintedMaps.Tricky}", text);
        AssertReads($"Long queue {PrintedMaps.Tricky}", text);
        Assert.Contains("😀🚀", text);
        // The foot says where the map comes from: workspace, map, state, persona, version and day.
        Assert.Contains("Current state · persona: Tech-savvy Tim · version", text);
        Assert.Contains("exported 20", text);
        Assert.Contains(Factory.OpenDb().Workspaces.Single(w => w.Key == Workspace).Name, text);

        // Every font the page uses is embedded in the file: DejaVu Sans and, for the emoji, Symbola.
        var fonts = page.Letters.Select(l => l.FontName).Distinct().ToList();
        Assert.Contains(fonts, f => f?.Contains("DejaVuSans", StringComparison.Ordinal) == true);
        Assert.Contains(fonts, f => f?.Contains("Symbola", StringComparison.Ordinal) == true);
        // TrueType fonts carry their font file; Type 3 fonts (what Skia writes for outlined or emboldened glyphs) carry their glyphs' drawings.
        var raw = Encoding.Latin1.GetString(bytes);
        var trueType = CountOf(raw, "/Subtype /CIDFontType2");
        Assert.True(trueType >= 2);
        Assert.Equal(trueType, CountOf(raw, "/FontFile2"));
        Assert.Equal(CountOf(raw, "/Subtype /Type3"), CountOf(raw, "/CharProcs"));
        Assert.Equal(CountOf(raw, "/Type /FontDescriptor"), trueType + CountOf(raw, "/Subtype /Type3"));
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal)) count++;
        return count;
    }

    [Fact]
    public async Task A_map_of_40_steps_with_2000_character_texts_loses_no_word_and_no_text_overlaps_another()
    {
        var map = await PrintedMaps.WideAsync(Factory, Workspace, steps: 40, length: 2000);
        using var pdf = PdfDocument.Open(await PdfAsync(map.JourneyId, "?paper=a0&orientation=landscape"));
        var page = Assert.Single(pdf.GetPages());
        var words = page.GetWords().ToList();
        var found = words.Select(w => w.Text).ToHashSet();
        var text = TextOf(page);
        foreach (var step in map.Steps) AssertReads(step, text);
        var missing = Enumerable.Range(0, 40).SelectMany(i => "to".SelectMany(lane => PrintedMaps.LongText(i, lane, 2000).Split(' '))).Where(w => !found.Contains(w)).ToList();
        Assert.Empty(missing);

        // No two words' boxes overlap (a little slack for the glyphs' side bearings): wrapped lines and rows keep apart.
        var boxes = words.Select(w => w.BoundingBox).Where(b => b.Width > 0 && b.Height > 0).ToList();
        var cells = new Dictionary<(int, int), List<int>>();
        const double grid = 20;
        for (var i = 0; i < boxes.Count; i++)
            for (var gx = (int)(boxes[i].Left / grid); gx <= (int)(boxes[i].Right / grid); gx++)
                for (var gy = (int)(boxes[i].Bottom / grid); gy <= (int)(boxes[i].Top / grid); gy++)
                {
                    if (!cells.TryGetValue((gx, gy), out var list)) cells[(gx, gy)] = list = [];
                    foreach (var j in list)
                    {
                        var (a, b) = (boxes[i], boxes[j]);
                        var overlapX = Math.Min(a.Right, b.Right) - Math.Max(a.Left, b.Left);
                        var overlapY = Math.Min(a.Top, b.Top) - Math.Max(a.Bottom, b.Bottom);
                        Assert.False(overlapX > 0.02 * Math.Min(a.Width, b.Width) && overlapY > 0.2 * Math.Min(a.Height, b.Height),
                            $"'{words[i].Text}' overlaps '{words[j].Text}'");
                    }
                    list.Add(i);
                }
    }

    [Fact]
    public async Task A_poster_is_tiled_over_numbered_sheets_that_each_carry_their_part_of_the_map()
    {
        var map = await PrintedMaps.SmallAsync(Factory, Workspace);
        using var pdf = PdfDocument.Open(await PdfAsync(map.JourneyId, "?paper=a0&orientation=landscape&fit=poster&sheet=a4"));
        var pages = pdf.GetPages().ToList();
        // A4 sheets, turned whichever way takes fewer; the map is wider than high, so the poster ends below it.
        Assert.InRange(pages.Count, 4, 24);
        var labels = pages.Select(p => System.Text.RegularExpressions.Regex.Match(TextOf(p), @"Sheet (\d+) of (\d+), row (\d+) column (\d+)")).ToList();
        Assert.All(labels, l => Assert.True(l.Success));
        var columns = labels.Max(l => int.Parse(l.Groups[4].Value));
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.Equal((pages[0].Width, pages[0].Height), (pages[i].Width, pages[i].Height));
            Assert.Equal(595 * 842, pages[i].Width * pages[i].Height, 1);
            Assert.Equal([i + 1, pages.Count, i / columns + 1, i % columns + 1], labels[i].Groups.Values.Skip(1).Select(g => int.Parse(g.Value)));
        }
        Assert.Equal(0, pages.Count % columns);
        // The map's name is on the first sheet, its top left corner; its steps are on the sheets.
        AssertReads("First", TextOf(pages[0]));
        foreach (var step in map.Steps) Assert.Contains(pages, p => TextOf(p).Contains(step.Split(' ')[0], StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_lanes_asked_for_are_drawn_and_only_those()
    {
        var map = await PrintedMaps.SmallAsync(Factory, Workspace);
        using var pdf = PdfDocument.Open(await PdfAsync(map.JourneyId, "?paper=a4&lanes=actions,thoughts"));
        var text = TextOf(pdf.GetPage(1));
        AssertReads("Which size fits the room?", text);
        Assert.DoesNotContain("Long queue", text);
        Assert.DoesNotContain("Emotion curve", text);
    }

    [Fact]
    public async Task Wrong_options_are_refused_in_words_that_name_the_option()
    {
        var map = await PrintedMaps.SmallAsync(Factory, Workspace);
        Assert.Equal(["paper"], ErrorFields(await Problem(await Client.GetAsync(PdfPath(map.JourneyId, "?paper=b5")), 400)));
        Assert.Equal(["orientation"], ErrorFields(await Problem(await Client.GetAsync(PdfPath(map.JourneyId, "?orientation=upside")), 400)));
        Assert.Equal(["lanes"], ErrorFields(await Problem(await Client.GetAsync(PdfPath(map.JourneyId, "?lanes=actions,gossip")), 400)));
        Assert.Equal(["sheet"], ErrorFields(await Problem(await Client.GetAsync(PdfPath(map.JourneyId, "?paper=a0&fit=poster&sheet=a2")), 400)));
        Assert.Equal(["paper"], ErrorFields(await Problem(await Client.GetAsync(PdfPath(map.JourneyId, "?paper=a4&fit=poster&sheet=a3")), 400)));
    }

    [Fact]
    public async Task A_viewer_may_download_the_pdf_others_may_not()
    {
        var map = await PrintedMaps.SmallAsync(Factory, Workspace);
        await Factory.GrantAsync(Workspace, "pdf-viewer@waymark.test", WorkspaceRole.Viewer);
        var viewer = await Factory.ClientAs("pdf-viewer@waymark.test").GetAsync(PdfPath(map.JourneyId));
        Assert.Equal(HttpStatusCode.OK, viewer.StatusCode);
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(await viewer.Content.ReadAsByteArrayAsync())[..5]);

        await Problem(await Factory.AnonymousClient().GetAsync(PdfPath(map.JourneyId)), 401);
        await Problem(await Client.GetAsync(PdfPath(Guid.NewGuid())), 404);
        var other = await MapSeed.OtherWorkspace(Client);
        await Factory.GrantAsync(other, "outsider-pdf@waymark.test", WorkspaceRole.Owner);
        await Problem(await Factory.ClientAs("outsider-pdf@waymark.test").GetAsync(PdfPath(map.JourneyId)), 404);
        var sender = Factory.TokenClient(await Factory.TokenAsync(Workspace, WorkspaceRole.EventSender));
        await Problem(await sender.GetAsync(PdfPath(map.JourneyId)), 403);
    }
}
