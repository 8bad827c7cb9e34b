using System.Text;
using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;

namespace Waymark.Web.Features.Office;

/// <summary>
/// A 16:9 PowerPoint file built with the Open XML SDK: one clean theme (Calibri, Waymark's teal), a slide master with one
/// blank layout, and the slides added to it. The parts are written as DrawingML/PresentationML through LINQ to XML, which
/// escapes every text; the SDK keeps the package, its relationships and content types right.
/// </summary>
public sealed class PptxPackage : IDisposable
{
    public const string MediaType = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    public const long SlideWidth = 12192000, SlideHeight = 6858000;

    internal static readonly XNamespace A = "http://schemas.openxmlformats.org/drawingml/2006/main";
    internal static readonly XNamespace P = "http://schemas.openxmlformats.org/presentationml/2006/main";
    internal static readonly XNamespace R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private readonly MemoryStream _stream = new();
    private readonly PresentationDocument _document;
    private readonly PresentationPart _presentation;
    private readonly SlideLayoutPart _layout;
    private readonly List<string> _slides = [];

    public PptxPackage(string title)
    {
        _document = PresentationDocument.Create(_stream, DocumentFormat.OpenXml.PresentationDocumentType.Presentation);
        _document.PackageProperties.Title = title;
        _document.PackageProperties.Creator = "Waymark";
        _presentation = _document.AddPresentationPart();
        var master = _presentation.AddNewPart<SlideMasterPart>();
        _layout = master.AddNewPart<SlideLayoutPart>();
        _layout.AddPart(master);
        var theme = master.AddNewPart<ThemePart>();
        _presentation.AddPart(theme);
        Write(theme, PptxTheme.Theme());
        Write(_layout, Layout());
        Write(master, Master(master.GetIdOfPart(_layout)));
    }

    /// <summary>A new slide: <paramref name="shapes"/> gets the slide to add its pictures to (returning their relationship ids) and answers the shapes.</summary>
    public void AddSlide(Func<Func<byte[], string>, IEnumerable<XElement>> shapes)
    {
        var slide = _presentation.AddNewPart<SlidePart>();
        slide.AddPart(_layout);
        string AddPicture(byte[] png)
        {
            var image = slide.AddImagePart(ImagePartType.Png);
            using var data = new MemoryStream(png);
            image.FeedData(data);
            return slide.GetIdOfPart(image);
        }
        var tree = shapes(AddPicture).ToList();
        Write(slide, new XElement(P + "sld", Namespaces(),
            new XElement(P + "cSld", new XElement(P + "spTree", GroupHead(), tree)),
            new XElement(P + "clrMapOvr", new XElement(A + "masterClrMapping"))));
        _slides.Add(_presentation.GetIdOfPart(slide));
    }

    public byte[] ToArray()
    {
        var master = _presentation.SlideMasterParts.Single();
        Write(_presentation, new XElement(P + "presentation", Namespaces(), new XAttribute("saveSubsetFonts", "1"),
            new XElement(P + "sldMasterIdLst", new XElement(P + "sldMasterId", new XAttribute("id", "2147483648"), new XAttribute(R + "id", _presentation.GetIdOfPart(master)))),
            new XElement(P + "sldIdLst", _slides.Select((id, i) => new XElement(P + "sldId", new XAttribute("id", 256 + i), new XAttribute(R + "id", id)))),
            new XElement(P + "sldSz", new XAttribute("cx", SlideWidth), new XAttribute("cy", SlideHeight)),
            new XElement(P + "notesSz", new XAttribute("cx", 6858000), new XAttribute("cy", 9144000))));
        _document.Dispose();
        return _stream.ToArray();
    }

    public void Dispose()
    {
        _document.Dispose();
        _stream.Dispose();
    }

    internal static IEnumerable<XAttribute> Namespaces() =>
    [
        new(XNamespace.Xmlns + "a", A.NamespaceName), new(XNamespace.Xmlns + "r", R.NamespaceName), new(XNamespace.Xmlns + "p", P.NamespaceName),
    ];

    internal static IEnumerable<XElement> GroupHead() =>
    [
        new(P + "nvGrpSpPr", new XElement(P + "cNvPr", new XAttribute("id", 1), new XAttribute("name", "")), new XElement(P + "cNvGrpSpPr"), new XElement(P + "nvPr")),
        new(P + "grpSpPr", new XElement(A + "xfrm",
            new XElement(A + "off", new XAttribute("x", 0), new XAttribute("y", 0)), new XElement(A + "ext", new XAttribute("cx", 0), new XAttribute("cy", 0)),
            new XElement(A + "chOff", new XAttribute("x", 0), new XAttribute("y", 0)), new XElement(A + "chExt", new XAttribute("cx", 0), new XAttribute("cy", 0)))),
    ];

    private static XElement Master(string layoutId) => new(P + "sldMaster", Namespaces(),
        new XElement(P + "cSld",
            new XElement(P + "bg", new XElement(P + "bgRef", new XAttribute("idx", 1001), new XElement(A + "schemeClr", new XAttribute("val", "bg1")))),
            new XElement(P + "spTree", GroupHead())),
        new XElement(P + "clrMap", new XAttribute("bg1", "lt1"), new XAttribute("tx1", "dk1"), new XAttribute("bg2", "lt2"), new XAttribute("tx2", "dk2"),
            new XAttribute("accent1", "accent1"), new XAttribute("accent2", "accent2"), new XAttribute("accent3", "accent3"), new XAttribute("accent4", "accent4"),
            new XAttribute("accent5", "accent5"), new XAttribute("accent6", "accent6"), new XAttribute("hlink", "hlink"), new XAttribute("folHlink", "folHlink")),
        new XElement(P + "sldLayoutIdLst", new XElement(P + "sldLayoutId", new XAttribute("id", "2147483649"), new XAttribute(R + "id", layoutId))));

    private static XElement Layout() => new(P + "sldLayout", Namespaces(), new XAttribute("type", "blank"), new XAttribute("preserve", "1"),
        new XElement(P + "cSld", new XAttribute("name", "Blank"), new XElement(P + "spTree", GroupHead())),
        new XElement(P + "clrMapOvr", new XElement(A + "masterClrMapping")));

    private static void Write(OpenXmlPart part, XElement root)
    {
        using var data = new MemoryStream(new UTF8Encoding(false).GetBytes(new XDocument(new XDeclaration("1.0", "UTF-8", "yes"), root).Declaration + root.ToString(SaveOptions.DisableFormatting)));
        part.FeedData(data);
    }
}
