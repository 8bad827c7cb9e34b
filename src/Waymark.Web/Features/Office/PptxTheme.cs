using System.Xml.Linq;
using static Waymark.Web.Features.Office.PptxPackage;

namespace Waymark.Web.Features.Office;

/// <summary>The deck's theme: Waymark's teal and ink, Calibri throughout, plain fills and lines (no gradients or shadows).</summary>
internal static class PptxTheme
{
    public const string Teal = "0F5F73", DarkTeal = "0B3D4A", Ink = "1D2733", Muted = "4A5665", Light = "F3F6F8", Red = "B3261E", Green = "2E7D32";

    public static XElement Theme() => new(A + "theme", new XAttribute(XNamespace.Xmlns + "a", A.NamespaceName), new XAttribute("name", "Waymark"),
        new XElement(A + "themeElements",
            new XElement(A + "clrScheme", new XAttribute("name", "Waymark"),
                System("dk1", "windowText", "000000"), System("lt1", "window", "FFFFFF"),
                Colour("dk2", Ink), Colour("lt2", Light), Colour("accent1", Teal), Colour("accent2", "E07A1F"), Colour("accent3", Green),
                Colour("accent4", "1565C0"), Colour("accent5", "6A4C93"), Colour("accent6", Red), Colour("hlink", "0563C1"), Colour("folHlink", "954F72")),
            new XElement(A + "fontScheme", new XAttribute("name", "Waymark"), Fonts("majorFont"), Fonts("minorFont")),
            new XElement(A + "fmtScheme", new XAttribute("name", "Waymark"),
                new XElement(A + "fillStyleLst", Solid(), Solid(), Solid()),
                new XElement(A + "lnStyleLst", Line(6350), Line(12700), Line(19050)),
                new XElement(A + "effectStyleLst", Effect(), Effect(), Effect()),
                new XElement(A + "bgFillStyleLst", Solid(), Solid(), Solid()))));

    private static XElement System(string name, string value, string colour) =>
        new(A + name, new XElement(A + "sysClr", new XAttribute("val", value), new XAttribute("lastClr", colour)));

    private static XElement Colour(string name, string colour) => new(A + name, new XElement(A + "srgbClr", new XAttribute("val", colour)));

    private static XElement Fonts(string kind) => new(A + kind,
        new XElement(A + "latin", new XAttribute("typeface", "Calibri")), new XElement(A + "ea", new XAttribute("typeface", "")), new XElement(A + "cs", new XAttribute("typeface", "")));

    private static XElement Solid() => new(A + "solidFill", new XElement(A + "schemeClr", new XAttribute("val", "phClr")));

    private static XElement Line(int width) => new(A + "ln", new XAttribute("w", width), new XAttribute("cap", "flat"), new XAttribute("cmpd", "sng"), new XAttribute("algn", "ctr"),
        Solid(), new XElement(A + "prstDash", new XAttribute("val", "solid")), new XElement(A + "miter", new XAttribute("lim", 800000)));

    private static XElement Effect() => new(A + "effectStyle", new XElement(A + "effectLst"));
}
