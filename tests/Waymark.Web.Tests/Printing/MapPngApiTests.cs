using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Xml.Linq;
using SkiaSharp;
using Waymark.Storage.Access;
using Waymark.Web.Features.Journeys;
using Waymark.Web.Features.Printing;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Printing;

/// <summary>A journey map as a PNG, decoded back, and the PDF's page rasterised by poppler and held against it: one drawing, whatever the format.</summary>
public sealed class MapPngApiTests(WaymarkApiFactory factory) : ApiTest(factory)
{
    private string PngPath(Guid id, string query = "") => $"{Api}/journeys/{id}/map.png{query}";

    private async Task<(double Width, double Height)> SvgSizeAsync(Guid id)
    {
        var root = XDocument.Parse(await Client.GetStringAsync($"{Api}/journeys/{id}/map.svg")).Root!;
        return (double.Parse(root.Attribute("width")!.Value, CultureInfo.InvariantCulture), double.Parse(root.Attribute("height")!.Value, CultureInfo.InvariantCulture));
    }

    private async Task<SKBitmap> PngAsync(Guid id, string query)
    {
        var response = await Client.GetAsync(PngPath(id, query));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        return SKBitmap.Decode(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_png_is_as_wide_as_asked_and_as_high_as_the_map_in_proportion()
    {
        var map = await PrintedMaps.SmallAsync(Factory, Workspace);
        var (width, height) = await SvgSizeAsync(map.JourneyId);
        using var png = await PngAsync(map.JourneyId, "?width=800");
        Assert.Equal(800, png.Width);
        Assert.Equal((int)Math.Round(height * 800 / width), png.Height);

        using var atDpi = await PngAsync(map.JourneyId, "?dpi=192");
        Assert.Equal((int)Math.Round(width * 2), atDpi.Width);

        // Not blank: the stage heads' dark teal is there.
        Assert.Contains(Enumerable.Range(0, png.Height).SelectMany(y => Enumerable.Range(0, png.Width).Select(x => png.GetPixel(x, y))),
            c => c.Red < 40 && c.Green > 70 && c.Green < 110 && c.Blue > 100);
    }

    [Fact]
    public async Task Sizes_out_of_range_are_refused_naming_the_option()
    {
        var map = await PrintedMaps.SmallAsync(Factory, Workspace);
        Assert.Equal(["width"], ErrorFields(await Problem(await Client.GetAsync(PngPath(map.JourneyId, "?width=5")), 400)));
        Assert.Equal(["width"], ErrorFields(await Problem(await Client.GetAsync(PngPath(map.JourneyId, "?width=50000")), 400)));
        Assert.Equal(["dpi"], ErrorFields(await Problem(await Client.GetAsync(PngPath(map.JourneyId, "?dpi=5000")), 400)));
        Assert.Equal(["dpi"], ErrorFields(await Problem(await Client.GetAsync(PngPath(map.JourneyId, "?width=800&dpi=96")), 400)));
    }

    [Fact]
    public async Task A_viewer_may_download_the_png_others_may_not()
    {
        var map = await PrintedMaps.SmallAsync(Factory, Workspace);
        await Factory.GrantAsync(Workspace, "png-viewer@waymark.test", WorkspaceRole.Viewer);
        var viewer = await Factory.ClientAs("png-viewer@waymark.test").GetAsync(PngPath(map.JourneyId, "?width=400"));
        Assert.Equal(HttpStatusCode.OK, viewer.StatusCode);
        await Problem(await Factory.AnonymousClient().GetAsync(PngPath(map.JourneyId)), 401);
        await Problem(await Client.GetAsync(PngPath(Guid.NewGuid())), 404);
        var sender = Factory.TokenClient(await Factory.TokenAsync(Workspace, WorkspaceRole.EventSender));
        await Problem(await sender.GetAsync(PngPath(map.JourneyId)), 403);
    }

    [Fact]
    public async Task The_pdf_page_rasterised_by_poppler_looks_like_the_png_of_the_svg()
    {
        var map = await PrintedMaps.SmallAsync(Factory, Workspace);
        var (width, height) = await SvgSizeAsync(map.JourneyId);
        var folder = Directory.CreateTempSubdirectory("waymark-print-");
        try
        {
            var pdf = Path.Combine(folder.FullName, "map.pdf");
            await File.WriteAllBytesAsync(pdf, await Client.GetByteArrayAsync($"{Api}/journeys/{map.JourneyId}/map.pdf?paper=a3&orientation=landscape"));
            const int dpi = 144;
            using (var poppler = Process.Start(new ProcessStartInfo("pdftoppm", ["-r", $"{dpi}", "-png", "-singlefile", pdf, Path.Combine(folder.FullName, "page")]))!)
            {
                await poppler.WaitForExitAsync();
                Assert.Equal(0, poppler.ExitCode);
            }
            using var page = SKBitmap.Decode(Path.Combine(folder.FullName, "page.png"));
            var sheet = PageSize.Of(Paper.A3, PaperOrientation.Landscape);
            Assert.InRange(page.Width, sheet.Width * dpi / 72 - 1, sheet.Width * dpi / 72 + 1);

            // Where the map sits on the sheet, in poppler's pixels: the same picture drawn from the SVG at that size.
            var at = Placement.Fit(width, height, sheet, MapPictures.SheetMargin);
            var pixels = dpi / 72.0;
            var drawnWidth = (int)Math.Round(width * at.Scale * pixels);
            using var fromSvg = SKBitmap.Decode(await Client.GetByteArrayAsync($"{Api}/journeys/{map.JourneyId}/map.png?width={drawnWidth}"));
            var (left, top) = ((int)Math.Round(at.X * pixels), (int)Math.Round(at.Y * pixels));
            int differing = 0, compared = 0;
            for (var y = 0; y < fromSvg.Height && top + y < page.Height; y++)
                for (var x = 0; x < fromSvg.Width && left + x < page.Width; x++)
                {
                    var (a, b) = (fromSvg.GetPixel(x, y), page.GetPixel(left + x, top + y));
                    compared++;
                    if (Math.Abs(a.Red - b.Red) + Math.Abs(a.Green - b.Green) + Math.Abs(a.Blue - b.Blue) > 120) differing++;
                }
            Assert.True(compared > 0.95 * fromSvg.Width * fromSvg.Height);
            // Anti-aliased edges differ between two rasterisers by a pixel here and there; a shifted or different drawing differs by far more.
            Assert.True(differing < 0.03 * compared, $"{differing} of {compared} pixels differ");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
