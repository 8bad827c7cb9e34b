using SkiaSharp;

namespace Waymark.Web.Features.Printing;

/// <summary>One sheet of a poster: its number (row by row from the top left), its row and column, and the part of the poster it carries from <see cref="X"/>, <see cref="Y"/> (points).</summary>
public sealed record PosterSheet(int Number, int Row, int Column, double X, double Y);

/// <summary>
/// A poster of the size of <see cref="Poster"/> printed on smaller sheets: each sheet prints a part of it inside a white
/// border (<see cref="Margin"/>) that holds the crop marks and the sheet's number; neighbouring parts overlap by
/// <see cref="Overlap"/>, so a sheet cut along its marks at the right and bottom is glued over the next one without a gap.
/// The sheets are turned whichever way needs fewer of them.
/// </summary>
public sealed record PosterPlan(PageSize Poster, PageSize Sheet, int Rows, int Columns)
{
    public const double Margin = 12 * PageSize.Millimetre;
    public const double Overlap = 10 * PageSize.Millimetre;

    public double PartWidth => Sheet.Width - 2 * Margin;
    public double PartHeight => Sheet.Height - 2 * Margin;
    public int Count => Rows * Columns;

    public IEnumerable<PosterSheet> Sheets =>
        from row in Enumerable.Range(1, Rows)
        from column in Enumerable.Range(1, Columns)
        select new PosterSheet((row - 1) * Columns + column, row, column, (column - 1) * (PartWidth - Overlap), (row - 1) * (PartHeight - Overlap));

    public static PosterPlan Of(PageSize poster, Paper sheet)
    {
        var portrait = Plan(poster, PageSize.Of(sheet, PaperOrientation.Portrait));
        var landscape = Plan(poster, PageSize.Of(sheet, PaperOrientation.Landscape));
        return landscape.Count < portrait.Count ? landscape : portrait;
    }

    private static PosterPlan Plan(PageSize poster, PageSize sheet)
    {
        static int Parts(double whole, double part) => whole <= part ? 1 : (int)Math.Ceiling((whole - part) / (part - Overlap) - 1e-9) + 1;
        return new PosterPlan(poster, sheet, Parts(poster.Height, sheet.Height - 2 * Margin), Parts(poster.Width, sheet.Width - 2 * Margin));
    }

    /// <summary>Draws a sheet: its part of the poster (drawn by <paramref name="poster"/> at poster size), crop marks at the part's corners, marks where the overlap starts, and its number.</summary>
    public void Draw(SKCanvas canvas, PosterSheet sheet, Action<SKCanvas> poster, string title)
    {
        canvas.Clear(SKColors.White);
        canvas.Save();
        canvas.ClipRect(SKRect.Create((float)Margin, (float)Margin, (float)PartWidth, (float)PartHeight));
        canvas.Translate((float)(Margin - sheet.X), (float)(Margin - sheet.Y));
        poster(canvas);
        canvas.Restore();

        using var mark = new SKPaint { Color = SKColors.Black, StrokeWidth = 0.5f, IsStroke = true, IsAntialias = true };
        var (left, top, right, bottom) = (Margin, Margin, Margin + PartWidth, Margin + PartHeight);
        const double length = 8 * PageSize.Millimetre, gap = 2 * PageSize.Millimetre;
        foreach (var x in new[] { left, right })
        foreach (var y in new[] { top, bottom })
        {
            var outwardX = x == left ? -1 : 1;
            var outwardY = y == top ? -1 : 1;
            canvas.DrawLine((float)(x + outwardX * gap), (float)y, (float)(x + outwardX * (gap + length)), (float)y, mark);
            canvas.DrawLine((float)x, (float)(y + outwardY * gap), (float)x, (float)(y + outwardY * (gap + length)), mark);
        }
        // Where this sheet's part starts to lie under the next one's: ticks in the border, dashed.
        using var overlap = new SKPaint { Color = new SKColor(0x70, 0x70, 0x70), StrokeWidth = 0.5f, IsStroke = true, PathEffect = SKPathEffect.CreateDash([3, 3], 0) };
        if (sheet.Column < Columns)
            foreach (var y in new[] { (top - gap, top - gap - length), (bottom + gap, bottom + gap + length) })
                canvas.DrawLine((float)(right - Overlap), (float)y.Item1, (float)(right - Overlap), (float)y.Item2, overlap);
        if (sheet.Row < Rows)
            foreach (var x in new[] { (left - gap, left - gap - length), (right + gap, right + gap + length) })
                canvas.DrawLine((float)x.Item1, (float)(bottom - Overlap), (float)x.Item2, (float)(bottom - Overlap), overlap);

        PdfPages.Label(canvas, SheetLabel(sheet), left + length + 2 * gap, Sheet.Height - Margin / 2 + 3, 7, new SKColor(0x33, 0x33, 0x33));
        PdfPages.Label(canvas, title, right - length - 2 * gap, Sheet.Height - Margin / 2 + 3, 7, new SKColor(0x33, 0x33, 0x33), SKTextAlign.Right);
    }

    /// <summary>"Sheet 3 of 12, row 1 column 3", as printed on the sheet.</summary>
    public string SheetLabel(PosterSheet sheet) =>
        $"Sheet {sheet.Number} of {Count}, row {sheet.Row} column {sheet.Column} · cut at the marks, glue over the next sheet by {Overlap / PageSize.Millimetre:0} mm";
}
