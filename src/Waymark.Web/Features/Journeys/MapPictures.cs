using Waymark.Domain.Common;
using Waymark.Web.Features.Printing;

namespace Waymark.Web.Features.Journeys;

public enum MapFit { Sheet, Poster }

/// <summary>How a map is printed: on which paper and which way round, on one sheet or as a poster of that size over smaller sheets, with which lanes (the map's own unless told).</summary>
public sealed record MapPrint(
    Paper Paper = Paper.A3, PaperOrientation Orientation = PaperOrientation.Landscape, MapFit Fit = MapFit.Sheet, Paper Sheet = Paper.A4,
    IReadOnlyList<string>? Lanes = null);

/// <summary>
/// A journey map as a picture: a PNG at a width (for wikis, slides and decks) or a PDF to print, one sheet or a poster.
/// Both are the map's SVG (<see cref="MapSvg"/>, over the one <see cref="Layout.MapLayout"/>) rendered in the shipped fonts,
/// so they show exactly what <c>map.svg</c> shows. Load the map with <see cref="MapDrawing.LoadAsync"/>.
/// </summary>
public static class MapPictures
{
    public const int MinWidth = 100, MaxWidth = 20_000, MinDpi = 36, MaxDpi = 1200;
    /// <summary>The margin left white around a map printed on one sheet: what most printers cannot print, and a little more.</summary>
    public const double SheetMargin = 10 * PageSize.Millimetre;
    /// <summary>SVG lengths are CSS pixels, 96 to the inch.</summary>
    public const double PixelsPerInch = 96;

    /// <summary>The map as a PNG <paramref name="width"/> pixels wide, its height in proportion.</summary>
    public static byte[] Png(MapDrawing map, int width, IReadOnlyList<string>? lanes = null)
    {
        if (width is < MinWidth or > MaxWidth)
            throw new DomainRuleException("width", $"A map picture is {MinWidth:N0} to {MaxWidth:N0} pixels wide; {width:N0} is not.");
        using var rendering = SvgRendering.Of(MapSvg.Render(map, lanes));
        return rendering.Png(width);
    }

    /// <summary>The map as a PNG at <paramref name="dpi"/> dots per inch of its natural size (100 % on screen is 96 dpi).</summary>
    public static byte[] PngAtDpi(MapDrawing map, int dpi, IReadOnlyList<string>? lanes = null)
    {
        if (dpi is < MinDpi or > MaxDpi)
            throw new DomainRuleException("dpi", $"A map picture is drawn at {MinDpi} to {MaxDpi} dpi; {dpi} is not.");
        using var rendering = SvgRendering.Of(MapSvg.Render(map, lanes));
        var width = (int)Math.Round(rendering.Width * dpi / PixelsPerInch);
        if (width > MaxWidth)
            throw new DomainRuleException("dpi", $"At {dpi} dpi this map would be {width:N0} pixels wide, more than {MaxWidth:N0}. Choose a lower dpi.");
        return rendering.Png(width);
    }

    /// <summary>The map as a vector PDF: scaled to fit one sheet of the paper, or as a poster of that size tiled over sheets of <see cref="MapPrint.Sheet"/>.</summary>
    public static byte[] Pdf(MapDrawing map, MapPrint print)
    {
        using var rendering = SvgRendering.Of(MapSvg.Render(map, print.Lanes));
        var page = PageSize.Of(print.Paper, print.Orientation);
        var title = $"{map.Map.Name} · journey map";
        var at = Placement.Fit(rendering.Width, rendering.Height, page, SheetMargin);
        if (print.Fit == MapFit.Sheet)
            return PdfPages.Write(title, map.Today, [(page, canvas => rendering.Draw(canvas, at))]);

        if (print.Sheet is not (Paper.A4 or Paper.A3))
            throw new DomainRuleException("sheet", $"A poster is printed on A4 or A3 sheets, not on {print.Sheet}.");
        var sheetSize = PageSize.Of(print.Sheet);
        if (page.Width * page.Height <= sheetSize.Width * sheetSize.Height)
            throw new DomainRuleException("paper", $"A poster is larger than the sheets it is printed on: choose a paper larger than {print.Sheet} for it, or print the map on one sheet.");
        // The map at the top left of the poster; sheets below or beside it would stay white, so the poster ends where the map does.
        at = at with { X = SheetMargin, Y = SheetMargin };
        var used = new PageSize(Math.Min(page.Width, rendering.Width * at.Scale + 2 * SheetMargin), Math.Min(page.Height, rendering.Height * at.Scale + 2 * SheetMargin));
        var plan = PosterPlan.Of(used, print.Sheet);
        var label = $"{map.Map.Name} · {print.Paper} poster on {plan.Count} {print.Sheet} sheets";
        return PdfPages.Write(title, map.Today,
            plan.Sheets.Select(sheet => (plan.Sheet, (Action<SkiaSharp.SKCanvas>)(canvas => plan.Draw(canvas, sheet, c => rendering.Draw(c, at), label)))).ToList());
    }
}
