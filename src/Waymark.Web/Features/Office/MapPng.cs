using SkiaSharp;
using Svg.Skia;
using Waymark.Web.Features.Journeys;

namespace Waymark.Web.Features.Office;

/// <summary>A map drawn as a PNG for slides: the one SVG rendering (<see cref="MapSvg"/>) rasterised by Svg.Skia at twice its size, so it stays sharp on a projector.</summary>
public static class MapPng
{
    public const float Scale = 2f;

    public static (byte[] Png, int Width, int Height) Render(MapDrawing drawing)
    {
        using var svg = new SKSvg();
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(MapSvg.Render(drawing)));
        var picture = svg.Load(stream) ?? throw new InvalidOperationException("The map's SVG could not be read back.");
        var bounds = picture.CullRect;
        var (width, height) = ((int)Math.Ceiling(bounds.Width * Scale), (int)Math.Ceiling(bounds.Height * Scale));
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        surface.Canvas.Clear(SKColors.White);
        surface.Canvas.Scale(Scale);
        surface.Canvas.DrawPicture(picture);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return (data.ToArray(), width, height);
    }
}
