using System.Net;
using DocumentFormat.OpenXml.Packaging;
using SkiaSharp;
using Waymark.Domain.Improvements;
using Waymark.Storage.Access;
using Waymark.Web.Tests.Kpis;
using Waymark.Web.Tests.Support;
using static Waymark.Web.Tests.Office.OfficeReaders;
using A = DocumentFormat.OpenXml.Drawing;
using P = DocumentFormat.OpenXml.Presentation;

namespace Waymark.Web.Tests.Office;

/// <summary>The slide deck, validated with the Open XML validator and read back slide by slide; its pictures decoded with SkiaSharp.</summary>
public sealed class DeckApiTests(WaymarkApiFactory factory) : ApiTest(factory)
{
    private const long SlideWidth = 12192000, SlideHeight = 6858000;

    private async Task<OfficeSeed> SeedAsync()
    {
        await using var db = Factory.OpenDb();
        return await OfficeSeed.CreateAsync(db, MapSeed.WorkspaceId(Factory, Workspace));
    }

    private sealed record SlideRead(SlidePart Part, string Text)
    {
        public List<P.Picture> Pictures => Part.Slide.Descendants<P.Picture>().ToList();
    }

    private static List<SlideRead> Slides(PresentationDocument deck)
    {
        var presentation = deck.PresentationPart!;
        return presentation.Presentation.SlideIdList!.Elements<P.SlideId>()
            .Select(id => (SlidePart)presentation.GetPartById(id.RelationshipId!))
            .Select(part => new SlideRead(part, string.Join("\n", part.Slide.Descendants<A.Paragraph>().Select(p => p.InnerText))))
            .ToList();
    }

    private static SKBitmap Decode(SlidePart slide, P.Picture picture)
    {
        var image = (ImagePart)slide.GetPartById(picture.BlipFill!.Blip!.Embed!.Value!);
        using var stream = image.GetStream();
        return SKBitmap.Decode(stream);
    }

    /// <summary>Every shape, picture and table lies on the slide: nothing runs off its edge.</summary>
    private static void AssertOnSlide(SlideRead slide)
    {
        foreach (var offset in slide.Part.Slide.Descendants<A.Offset>())
        {
            var extents = offset.Parent!.Elements<A.Extents>().Single();
            Assert.InRange(offset.X!.Value + extents.Cx!.Value, 0, SlideWidth);
            Assert.InRange(offset.Y!.Value + extents.Cy!.Value, 0, SlideHeight);
        }
    }

    [Fact]
    public async Task The_deck_of_a_wide_map_is_valid_and_shows_the_map_in_stage_runs_the_unaddressed_moments_kpis_and_open_actions()
    {
        var seed = await SeedAsync();
        var response = await Client.GetAsync($"{Api}/deck.pptx?journey={seed.JourneyId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.presentationml.presentation", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"{Workspace}-deck-{DateTime.UtcNow:yyyy-MM-dd}.pptx", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));

        using var deck = PresentationDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        AssertValid(deck);
        var size = deck.PresentationPart!.Presentation.SlideSize!;
        Assert.Equal((SlideWidth, SlideHeight), (size.Cx!.Value, size.Cy!.Value));
        var slides = Slides(deck);
        // Title, the map in two runs of stages (7 + 3), moments, the KPI table, the KPI charts, the open actions.
        Assert.Equal(7, slides.Count);
        Assert.All(slides, AssertOnSlide);

        Assert.Contains(OfficeSeed.Journey, slides[0].Text);
        Assert.Contains($"Test {Workspace}", slides[0].Text);
        Assert.Contains(DateTime.UtcNow.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture), slides[0].Text);

        // The map's pictures: twice the SVG's size (24 margin each side, 168 lane heads, 188 a step column), scaled on the slide without distortion.
        foreach (var (slide, columns, stages) in new[] { (slides[1], 7, "Stages 1–7 of 10"), (slides[2], 3, "Stages 8–10 of 10") })
        {
            Assert.Contains(stages, slide.Text);
            var picture = Assert.Single(slide.Pictures);
            using var png = Decode(slide.Part, picture);
            Assert.Equal(2 * (48 + 168 + columns * 188), png.Width);
            var extents = picture.ShapeProperties!.Transform2D!.Extents!;
            Assert.Equal((double)png.Width / png.Height, (double)extents.Cx!.Value / extents.Cy!.Value, 2);
            Assert.True(extents.Cx.Value > SlideWidth / 2 || extents.Cy.Value > SlideHeight / 2, "The map fills the slide.");
        }

        var text = string.Join("\n", slides.Select(s => s.Text));
        Assert.All(seed.UnaddressedPainPoints, name => Assert.Contains(name, slides[3].Text));
        Assert.Contains("Online shop", slides[3].Text);
        Assert.All(seed.AddressedPainPoints, name => Assert.DoesNotContain(name, text));

        Assert.Contains("Net promoter score", slides[4].Text);
        Assert.Contains("Hotline waiting time", slides[4].Text);
        Assert.Equal(2, slides[5].Pictures.Count);
        Assert.All(slides[5].Pictures, p => { using var chart = Decode(slides[5].Part, p); Assert.Equal(900, chart.Width); });

        Assert.Contains("Call-back instead of queue", slides[6].Text);
        Assert.Contains("Dana Owner", slides[6].Text);
        Assert.Contains("2020-01-15 overdue", slides[6].Text);
        Assert.DoesNotContain("Already finished", text);
        // Cut to its column, but what the owner typed, not run as anything.
        Assert.Contains(OfficeSeed.Formula[..30], slides[6].Text);
    }

    [Fact]
    public async Task Long_lists_go_on_over_several_slides_and_long_names_are_cut_to_their_box()
    {
        await SeedAsync();
        await using (var db = Factory.OpenDb())
        {
            var ws = MapSeed.WorkspaceId(Factory, Workspace);
            for (var i = 0; i < 30; i++)
                db.Improvements.Add(new Improvement(ws, ImprovementKind.Action, new ImprovementContent($"Action {i:00} " + new string('x', 280))));
            await db.SaveChangesAsync();
        }
        using var deck = PresentationDocument.Open(new MemoryStream(await Client.GetByteArrayAsync($"{Api}/deck.pptx")), false);
        AssertValid(deck);
        var slides = Slides(deck);
        Assert.DoesNotContain(slides, s => s.Pictures.Count > 0 && s.Text.Contains("Stages"));
        var actionSlides = slides.Where(s => s.Text.Contains("Open actions by owner")).ToList();
        Assert.Equal(3, actionSlides.Count);
        Assert.Contains("1 of 3", actionSlides[0].Text);
        Assert.All(actionSlides, s => Assert.InRange(s.Part.Slide.Descendants<A.TableRow>().Count(), 2, 13));
        Assert.All(slides, AssertOnSlide);
        Assert.All(Enumerable.Range(0, 30), i => Assert.Contains($"Action {i:00} xxx", string.Join("\n", actionSlides.Select(s => s.Text))));
        Assert.DoesNotContain(new string('x', 120), string.Join("\n", slides.Select(s => s.Text)));
    }

    [Fact]
    public async Task Viewers_may_download_the_deck_strangers_anonymous_callers_and_unknown_maps_may_not()
    {
        var seed = await SeedAsync();
        var path = $"{Api}/deck.pptx?journey={seed.JourneyId}";
        await Factory.GrantAsync(Workspace, "deck-viewer@waymark.test", WorkspaceRole.Viewer);
        Assert.Equal(HttpStatusCode.OK, (await Factory.ClientAs("deck-viewer@waymark.test").GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"{Api}/deck.pptx?journey={Guid.NewGuid()}")).StatusCode);
        var other = await MapSeed.OtherWorkspace(Client);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/api/workspaces/{other}/deck.pptx?journey={seed.JourneyId}")).StatusCode);
        await Factory.GrantAsync(other, "deck-outsider@waymark.test", WorkspaceRole.Owner);
        Assert.Equal(HttpStatusCode.NotFound, (await Factory.ClientAs("deck-outsider@waymark.test").GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Factory.AnonymousClient().GetAsync(path)).StatusCode);
    }
}
