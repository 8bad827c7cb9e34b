using SkiaSharp;
using Svg.Skia;

namespace Waymark.Web.Features.Printing;

/// <summary>
/// An SVG drawing made ready to render with Svg.Skia in the shipped fonts: onto a PNG at a width, or onto the pages of a
/// PDF, where text stays text (selectable, searchable, fonts embedded) and shapes stay vectors. Nothing else draws the
/// pictures Waymark exports, so PDF, PNG and SVG show the same thing.
/// </summary>
public sealed class SvgRendering : IDisposable
{
    /// <summary>The largest PNG made, in pixels, so a request cannot ask for more memory than a server has.</summary>
    public const long MaxPixels = 120_000_000;

    private readonly SKSvg _svg;

    private SvgRendering(SKSvg svg, SKPicture picture, double width, double height) => (_svg, Picture, Width, Height) = (svg, picture, width, height);

    public SKPicture Picture { get; }

    /// <summary>The drawing's size in its own units (CSS pixels).</summary>
    public double Width { get; }
    public double Height { get; }

    public static SvgRendering Of(string svg)
    {
        var reader = new SKSvg();
        reader.Settings.TypefaceProviders = PrintFonts.Providers;
        var picture = reader.FromSvg(svg) ?? throw new InvalidOperationException("The drawing could not be read.");
        var document = System.Xml.Linq.XDocument.Parse(svg).Root!;
        double Size(string name, float fallback) =>
            double.TryParse(document.Attribute(name)?.Value, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : fallback;
        return new SvgRendering(reader, picture, Size("width", picture.CullRect.Width), Size("height", picture.CullRect.Height));
    }

    /// <summary>The drawing as a PNG <paramref name="pixels"/> wide, on white, its height in proportion.</summary>
    public byte[] Png(int pixels)
    {
        var scale = pixels / Width;
        var height = Math.Max(1, (int)Math.Round(Height * scale));
        if ((long)pixels * height > MaxPixels)
            throw new Domain.Common.DomainRuleException("width", $"A picture {pixels} pixels wide would be {height} pixels high, more than Waymark draws ({MaxPixels / 1_000_000} million pixels). Choose a smaller width or DPI.");
        using var surface = SKSurface.Create(new SKImageInfo(pixels, height, SKColorType.Rgba8888, SKAlphaType.Premul))
                            ?? throw new InvalidOperationException("No surface for the picture.");
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        canvas.Scale((float)scale);
        canvas.DrawPicture(Picture);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>Draws the drawing onto a canvas where it is placed.</summary>
    public void Draw(SKCanvas canvas, Placement at)
    {
        canvas.Save();
        canvas.Translate((float)at.X, (float)at.Y);
        canvas.Scale((float)at.Scale);
        canvas.ClipRect(new SKRect(0, 0, (float)Width, (float)Height));
        canvas.DrawPicture(Picture);
        canvas.Restore();
    }

    public void Dispose() => _svg.Dispose();
}

/// <summary>Writes PDF documents with SkiaSharp: one page per call of the drawing action, with the title and day in the document's properties.</summary>
public static class PdfPages
{
    public static byte[] Write(string title, DateOnly day, IEnumerable<(PageSize Size, Action<SKCanvas> Draw)> pages)
    {
        using var stream = new MemoryStream();
        var when = new DateTime(day.Year, day.Month, day.Day, 0, 0, 0, DateTimeKind.Utc);
        var metadata = new SKDocumentPdfMetadata
        {
            Title = title, Creator = "Waymark", Producer = "Waymark", Creation = when, Modified = when,
            // A multiple of 72, so the page size in points is kept exactly (Skia rounds it to whole raster dots).
            RasterDpi = 288, EncodingQuality = 101,
        };
        using (var document = SKDocument.CreatePdf(stream, metadata))
        {
            foreach (var (size, draw) in pages)
            {
                var canvas = document.BeginPage((float)size.Width, (float)size.Height);
                draw(canvas);
                document.EndPage();
            }
            document.Close();
        }
        return stream.ToArray();
    }

    /// <summary>A line of text in the shipped font, for the marks printed around a drawing (sheet numbers).</summary>
    public static void Label(SKCanvas canvas, string text, double x, double y, double size, SKColor colour, SKTextAlign align = SKTextAlign.Left)
    {
        using var font = new SKFont(PrintFonts.Regular, (float)size);
        using var paint = new SKPaint { Color = colour, IsAntialias = true };
        canvas.DrawText(text, (float)x, (float)y, align, font, paint);
    }
}
