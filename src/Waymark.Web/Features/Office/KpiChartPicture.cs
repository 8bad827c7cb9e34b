using System.Globalization;
using SkiaSharp;
using Waymark.Domain.Kpis;
using Waymark.Web.Features.Printing;

namespace Waymark.Web.Features.Office;

/// <summary>
/// A KPI's small chart for a slide, as a PNG: its latest measurements as a line with dots, the target as a dashed green
/// line and best in class as a dotted blue one, the values at the left edge and the first and last month below.
/// </summary>
public static class KpiChartPicture
{
    public const int Width = 900, Height = 420;
    private static readonly SKColor Ink = SKColor.Parse("#1d2733"), Muted = SKColor.Parse("#4a5665"), Line = SKColor.Parse("#0f5f73"),
        TargetColour = SKColor.Parse("#2e7d32"), BestColour = SKColor.Parse("#1565c0"), Grid = SKColor.Parse("#e7eaef");

    public static byte[] Draw(DeckKpi kpi)
    {
        using var surface = SKSurface.Create(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        using var font = new SKFont(PrintFonts.Regular, 30);
        using var small = new SKFont(PrintFonts.Regular, 28);
        using var ink = new SKPaint { Color = Muted, IsAntialias = true };
        const float left = 130, right = Width - 24, top = 24, bottom = Height - 64;

        var values = kpi.Series.Select(p => p.Value).ToList();
        if (kpi.Target is { } t) values.Add(t);
        if (kpi.BestInClass is { } b) values.Add(b);
        if (kpi.Series.Count == 0)
        {
            canvas.DrawText("No measurements yet", Width / 2f, Height / 2f, SKTextAlign.Center, font, ink);
            return Png(surface);
        }
        var (low, high) = (values.Min(), values.Max());
        if (high - low < 1e-9) (low, high) = (low - 1, high + 1);
        var pad = (high - low) * 0.1;
        (low, high) = (low - pad, high + pad);
        float Y(double v) => (float)(bottom - (v - low) / (high - low) * (bottom - top));
        float X(int i) => kpi.Series.Count == 1 ? (left + right) / 2 : left + i * (right - left) / (kpi.Series.Count - 1);

        using var grid = new SKPaint { Color = Grid, StrokeWidth = 2, IsAntialias = true, Style = SKPaintStyle.Stroke };
        canvas.DrawLine(left, bottom, right, bottom, grid);
        canvas.DrawLine(left, top, left, bottom, grid);
        canvas.DrawText(Number(high - pad), left - 12, Y(high - pad) + 10, SKTextAlign.Right, small, ink);
        canvas.DrawText(Number(low + pad), left - 12, Y(low + pad) + 10, SKTextAlign.Right, small, ink);
        Reference(canvas, kpi.Target, TargetColour, [18, 10], Y, left, right);
        Reference(canvas, kpi.BestInClass, BestColour, [4, 8], Y, left, right);

        using var line = new SKPaint { Color = Line, StrokeWidth = 5, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeJoin = SKStrokeJoin.Round };
        using var dot = new SKPaint { Color = Line, IsAntialias = true };
        using var builder = new SKPathBuilder();
        for (var i = 0; i < kpi.Series.Count; i++)
        {
            var point = new SKPoint(X(i), Y(kpi.Series[i].Value));
            if (i == 0) builder.MoveTo(point); else builder.LineTo(point);
            canvas.DrawCircle(point, 7, dot);
        }
        using var path = builder.Detach();
        canvas.DrawPath(path, line);
        canvas.DrawText(kpi.Series[0].At.ToString("MMM yyyy", CultureInfo.InvariantCulture), left, Height - 20, SKTextAlign.Left, small, ink);
        if (kpi.Series.Count > 1)
            canvas.DrawText(kpi.Series[^1].At.ToString("MMM yyyy", CultureInfo.InvariantCulture), right, Height - 20, SKTextAlign.Right, small, ink);
        return Png(surface);
    }

    private static void Reference(SKCanvas canvas, double? value, SKColor colour, float[] dashes, Func<double, float> y, float left, float right)
    {
        if (value is not { } v) return;
        using var effect = SKPathEffect.CreateDash(dashes, 0);
        using var paint = new SKPaint { Color = colour, StrokeWidth = 3, IsAntialias = true, Style = SKPaintStyle.Stroke, PathEffect = effect };
        canvas.DrawLine(left, y(v), right, y(v), paint);
    }

    private static string Number(double v) => v.ToString(Math.Abs(v) >= 100 ? "0" : "0.##", CultureInfo.InvariantCulture);

    private static byte[] Png(SKSurface surface)
    {
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
