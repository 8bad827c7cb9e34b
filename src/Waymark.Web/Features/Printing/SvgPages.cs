using System.Globalization;
using System.Xml.Linq;

namespace Waymark.Web.Features.Printing;

/// <summary>
/// Pages of a printed document drawn as SVG, one point to a unit, in the shipped fonts: text is measured as it will be
/// rendered, wrapped within its width (a single line is shortened with an ellipsis only where a table cell says so), and
/// a block that does not fit on the page starts the next one. <see cref="Pdf"/> renders them through the same SVG path as
/// the journey maps.
/// </summary>
public sealed class SvgPages(PageSize size, string title, DateOnly day, double margin = 40)
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private readonly List<List<XElement>> _pages = [];
    private List<XElement> _page = null!;

    public double Margin => margin;
    public double Width => size.Width - 2 * margin;
    /// <summary>Where the next block goes down the current page.</summary>
    public double Y { get; set; }

    public int Count => _pages.Count;

    /// <summary>Starts a new page when fewer than <paramref name="height"/> points are left on this one.</summary>
    public void Need(double height)
    {
        if (_pages.Count == 0 || Y + height > size.Height - margin - 16) NewPage();
    }

    public void NewPage()
    {
        _page = [];
        _pages.Add(_page);
        Y = margin;
    }

    public void Add(XElement element) => _page.Add(element);

    /// <summary>A text wrapped to <paramref name="width"/> at x; answers its height.</summary>
    public double Text(double x, double y, double width, string text, double size, string colour = "#1d2733", bool bold = false)
    {
        var lines = Wrap(text, width, size, bold);
        var element = Element("text", ("x", x), ("y", y + size), ("font-size", size));
        element.Add(new XAttribute("fill", colour));
        if (bold) element.Add(new XAttribute("font-weight", "700"));
        for (var i = 0; i < lines.Count; i++)
            element.Add(new XElement(Svg + "tspan", new XAttribute("x", F(x)), new XAttribute("dy", i == 0 ? "0" : F(size * 1.3)), Runs(lines[i], bold)));
        Add(element);
        return lines.Count * size * 1.3;
    }

    /// <summary>One line of text, shortened with an ellipsis to fit <paramref name="width"/>; anchored at its start, middle or end.</summary>
    public void Line(double x, double y, string text, double size, string colour = "#1d2733", bool bold = false, double width = double.MaxValue, string anchor = "start")
    {
        text = Clean(text);
        if (PrintFonts.Width(text, size, bold) > width)
        {
            while (text.Length > 1 && PrintFonts.Width(text + "…", size, bold) > width) text = text[..^(char.IsLowSurrogate(text[^1]) ? 2 : 1)];
            text += "…";
        }
        var element = Element("text", ("x", x), ("y", y), ("font-size", size));
        element.Add(new XAttribute("fill", colour));
        if (bold) element.Add(new XAttribute("font-weight", "700"));
        if (anchor != "start") element.Add(new XAttribute("text-anchor", anchor));
        element.Add(Runs(text, bold));
        Add(element);
    }

    public void Rect(double x, double y, double width, double height, string fill, string? stroke = null, double rounded = 0)
    {
        var rect = Element("rect", ("x", x), ("y", y), ("width", Math.Max(0, width)), ("height", Math.Max(0, height)));
        rect.Add(new XAttribute("fill", fill));
        if (stroke is not null) rect.Add(new XAttribute("stroke", stroke), new XAttribute("stroke-width", "0.6"));
        if (rounded > 0) rect.Add(new XAttribute("rx", F(rounded)));
        Add(rect);
    }

    public void Stroke(string colour, double width, params (double X, double Y)[] points)
    {
        if (points.Length < 2) return;
        Add(new XElement(Svg + "polyline", new XAttribute("points", string.Join(' ', points.Select(p => $"{F(p.X)},{F(p.Y)}"))),
            new XAttribute("fill", "none"), new XAttribute("stroke", colour), new XAttribute("stroke-width", F(width)), new XAttribute("stroke-linejoin", "round")));
    }

    public void Dot(double x, double y, double r, string fill) => Add(Element("circle", ("cx", x), ("cy", y), ("r", r)).Also(e => e.Add(new XAttribute("fill", fill))));

    /// <summary>Each page as a standalone SVG document, its foot saying what it is and which page of how many.</summary>
    public IReadOnlyList<string> Render() => _pages.Select((page, i) =>
    {
        var foot = Element("text", ("x", margin), ("y", size.Height - margin / 2), ("font-size", 8));
        foot.Add(new XAttribute("fill", "#4a5665"));
        foot.Add(Runs(Clean($"{title} · {day:yyyy-MM-dd} · page {i + 1} of {_pages.Count}"), false));
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + new XElement(Svg + "svg",
            new XAttribute("width", F(size.Width)), new XAttribute("height", F(size.Height)), new XAttribute("viewBox", $"0 0 {F(size.Width)} {F(size.Height)}"),
            new XAttribute("font-family", PrintFonts.FontFamilies), new XAttribute("font-variant-ligatures", "none"), new XAttribute("font-kerning", "none"),
            Element("rect", ("width", size.Width), ("height", size.Height)).Also(e => e.Add(new XAttribute("fill", "#fff"))),
            page, foot).ToString(SaveOptions.DisableFormatting);
    }).ToList();

    /// <summary>The pages as one PDF, each rendered from its SVG.</summary>
    public byte[] Pdf() => PdfPages.Write(title, day, Render().Select(svg => (size, (Action<SkiaSharp.SKCanvas>)(canvas =>
    {
        using var rendering = SvgRendering.Of(svg);
        rendering.Draw(canvas, new Placement(1, 0, 0));
    }))).ToList());

    public static string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    private static XElement Element(string name, params (string Name, double Value)[] attributes) =>
        new(Svg + name, attributes.Select(a => new XAttribute(a.Name, F(a.Value))));

    private static IEnumerable<object> Runs(string text, bool bold) =>
        PrintFonts.Runs(text, bold).Select(r => r.Symbol ? new XElement(Svg + "tspan", new XAttribute("font-family", PrintFonts.SymbolFamily), r.Text) : (object)r.Text);

    private static string Clean(string text) => Journeys.MapSvg.Clean(text).Replace('\n', ' ').Replace('\r', ' ').Replace('\t', ' ');

    /// <summary>Greedy word wrap with the shipped fonts' widths; a word wider than the line is broken.</summary>
    private static List<string> Wrap(string text, double width, double size, bool bold)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in Clean(text).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (PrintFonts.Width(candidate, size, bold) <= width) { line = candidate; continue; }
            if (line.Length > 0) lines.Add(line);
            line = word;
            while (line.Length > 1 && PrintFonts.Width(line, size, bold) > width)
            {
                var cut = line.Length - 1;
                while (cut > 1 && PrintFonts.Width(line[..cut], size, bold) > width) cut--;
                if (char.IsHighSurrogate(line[cut - 1]) && cut > 1) cut--;
                lines.Add(line[..cut]);
                line = line[cut..];
            }
        }
        if (line.Length > 0 || lines.Count == 0) lines.Add(line);
        return lines;
    }
}

internal static class XElementAlso
{
    public static XElement Also(this XElement element, Action<XElement> change)
    {
        change(element);
        return element;
    }
}
