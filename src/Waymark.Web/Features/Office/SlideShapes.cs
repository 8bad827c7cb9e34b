using System.Globalization;
using System.Xml.Linq;
using Waymark.Web.Features.Journeys;
using static Waymark.Web.Features.Office.PptxPackage;

namespace Waymark.Web.Features.Office;

/// <summary>A table cell on a slide: its text, and optionally its own colour and weight.</summary>
public sealed record SlideCell(string Text, string? Colour = null, bool Bold = false);

/// <summary>
/// The shapes the deck is made of, as PresentationML: text boxes, filled rectangles, pictures and tables. Text never
/// overflows: every line is cut to what its box holds at its size (<see cref="Fit"/>), and the deck splits long lists.
/// </summary>
internal static class SlideShapes
{
    public const long Emu = 12700; // per point

    /// <summary>The text cut with an ellipsis to what fits on <paramref name="lines"/> lines of <paramref name="width"/> EMU at <paramref name="points"/>, with room to spare.</summary>
    public static string Fit(string text, long width, double points, bool bold = false, int lines = 1)
    {
        var clean = MapSvg.Clean(text).ReplaceLineEndings(" ").Trim();
        // Calibri averages about half an em per character; wide letters and bold take more, so reckon with 0.56 (0.6 bold).
        // Wrapped lines break at spaces and lose part of a line each: reckon with 85 % of every line after the first.
        var perLine = (width - 2 * 91440) / (points * Emu * (bold ? 0.6 : 0.56));
        var most = (int)Math.Max(4, perLine * (1 + 0.85 * (lines - 1)));
        var info = new StringInfo(clean);
        return info.LengthInTextElements <= most ? clean : info.SubstringByTextElements(0, most - 1).TrimEnd() + "…";
    }

    /// <summary>Whether the text fits on one line of <paramref name="width"/> EMU at <paramref name="points"/> (see <see cref="Fit"/>).</summary>
    public static bool FitsOnOneLine(string text, long width, double points, bool bold = false) => Fit(text, width, points, bold) == MapSvg.Clean(text).ReplaceLineEndings(" ").Trim();

    public static XElement Paragraph(string text, double points, string colour, bool bold = false, string align = "l") =>
        new(A + "p", new XElement(A + "pPr", new XAttribute("algn", align)), Run(text, points, colour, bold));

    public static XElement Run(string text, double points, string colour, bool bold = false) =>
        new(A + "r",
            new XElement(A + "rPr", new XAttribute("lang", "en-GB"), new XAttribute("sz", (int)Math.Round(points * 100)), new XAttribute("b", bold ? "1" : "0"), new XAttribute("dirty", "0"),
                new XElement(A + "solidFill", new XElement(A + "srgbClr", new XAttribute("val", colour))),
                new XElement(A + "latin", new XAttribute("typeface", "Calibri"))),
            new XElement(A + "t", text));

    public static XElement Box(int id, string name, long x, long y, long cx, long cy, IEnumerable<XElement> paragraphs, string? fill = null, string anchor = "t") =>
        new(P + "sp",
            new XElement(P + "nvSpPr", new XElement(P + "cNvPr", new XAttribute("id", id), new XAttribute("name", name)),
                new XElement(P + "cNvSpPr", new XAttribute("txBox", "1")), new XElement(P + "nvPr")),
            new XElement(P + "spPr", Frame(A, x, y, cx, cy), Rectangle(), fill is null ? new XElement(A + "noFill") : Fill(fill)),
            new XElement(P + "txBody",
                new XElement(A + "bodyPr", new XAttribute("wrap", "square"), new XAttribute("lIns", 91440), new XAttribute("tIns", 45720),
                    new XAttribute("rIns", 91440), new XAttribute("bIns", 45720), new XAttribute("anchor", anchor)),
                new XElement(A + "lstStyle"), paragraphs));

    public static XElement Rect(int id, string name, long x, long y, long cx, long cy, string fill) =>
        new(P + "sp",
            new XElement(P + "nvSpPr", new XElement(P + "cNvPr", new XAttribute("id", id), new XAttribute("name", name)), new XElement(P + "cNvSpPr"), new XElement(P + "nvPr")),
            new XElement(P + "spPr", Frame(A, x, y, cx, cy), Rectangle(), Fill(fill), new XElement(A + "ln", new XElement(A + "noFill"))));

    public static XElement Picture(int id, string name, string description, string relationshipId, long x, long y, long cx, long cy) =>
        new(P + "pic",
            new XElement(P + "nvPicPr",
                new XElement(P + "cNvPr", new XAttribute("id", id), new XAttribute("name", name), new XAttribute("descr", MapSvg.Clean(description))),
                new XElement(P + "cNvPicPr", new XElement(A + "picLocks", new XAttribute("noChangeAspect", "1"))), new XElement(P + "nvPr")),
            new XElement(P + "blipFill", new XElement(A + "blip", new XAttribute(R + "embed", relationshipId)), new XElement(A + "stretch", new XElement(A + "fillRect"))),
            new XElement(P + "spPr", Frame(A, x, y, cx, cy), Rectangle()));

    /// <summary>A table with a teal header row and banded rows; each cell's text is fitted to its column.</summary>
    public static XElement Table(int id, string name, long x, long y, long[] widths, long rowHeight, double points, IReadOnlyList<string> headings, IEnumerable<SlideCell[]> rows)
    {
        XElement Cell(SlideCell cell, long width, string fill, string colour, bool bold) =>
            new(A + "tc",
                new XElement(A + "txBody", new XElement(A + "bodyPr"), new XElement(A + "lstStyle"),
                    Paragraph(Fit(cell.Text, width, points, bold || cell.Bold), points, cell.Colour ?? colour, bold || cell.Bold)),
                new XElement(A + "tcPr", new XAttribute("marL", 91440), new XAttribute("marR", 91440), new XAttribute("marT", 45720), new XAttribute("marB", 45720),
                    new XAttribute("anchor", "ctr"), Fill(fill)));
        var body = rows.Select((row, r) => new XElement(A + "tr", new XAttribute("h", rowHeight),
            row.Select((c, i) => Cell(c, widths[i], r % 2 == 0 ? "FFFFFF" : PptxTheme.Light, PptxTheme.Ink, false)))).ToList();
        return new XElement(P + "graphicFrame",
            new XElement(P + "nvGraphicFramePr", new XElement(P + "cNvPr", new XAttribute("id", id), new XAttribute("name", name)),
                new XElement(P + "cNvGraphicFramePr", new XElement(A + "graphicFrameLocks", new XAttribute("noGrp", "1"))), new XElement(P + "nvPr")),
            Frame(P, x, y, widths.Sum(), rowHeight * (body.Count + 1)),
            new XElement(A + "graphic", new XElement(A + "graphicData", new XAttribute("uri", "http://schemas.openxmlformats.org/drawingml/2006/table"),
                new XElement(A + "tbl",
                    new XElement(A + "tblPr", new XAttribute("firstRow", "1"), new XAttribute("bandRow", "1")),
                    new XElement(A + "tblGrid", widths.Select(w => new XElement(A + "gridCol", new XAttribute("w", w)))),
                    new XElement(A + "tr", new XAttribute("h", rowHeight), headings.Select((h, i) => Cell(new SlideCell(h), widths[i], PptxTheme.Teal, "FFFFFF", true))),
                    body))));
    }

    private static XElement Frame(XNamespace ns, long x, long y, long cx, long cy) =>
        new(ns + "xfrm", new XElement(A + "off", new XAttribute("x", x), new XAttribute("y", y)), new XElement(A + "ext", new XAttribute("cx", cx), new XAttribute("cy", cy)));

    private static XElement Rectangle() => new(A + "prstGeom", new XAttribute("prst", "rect"), new XElement(A + "avLst"));

    private static XElement Fill(string colour) => new(A + "solidFill", new XElement(A + "srgbClr", new XAttribute("val", colour)));
}
