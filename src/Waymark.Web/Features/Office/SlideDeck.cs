using System.Globalization;
using System.Xml.Linq;
using SkiaSharp;
using Waymark.Web.Features.Journeys;
using Waymark.Domain.Kpis;
using static Waymark.Web.Features.Office.PptxTheme;
using static Waymark.Web.Features.Office.SlideShapes;

namespace Waymark.Web.Features.Office;

/// <summary>
/// The deck a CX lead presents unchanged: a title slide; the map as pictures, a run of stages per slide when it is wide
/// (<see cref="MapSlices"/>); the pain points and moments of truth without an action; the KPIs against target and best in
/// class as a table and as small charts; the open actions by owner and due date. Long lists go on as many slides as they
/// need, <see cref="RowsPerSlide"/> rows each, and every text is cut to its box.
/// </summary>
public static class SlideDeck
{
    public const int RowsPerSlide = 12, ChartsPerSlide = 4;
    private const long Left = 457200, Width = PptxPackage.SlideWidth - 2 * Left, Top = 1097280, Bottom = 6309360, RowHeight = 365760;

    public static byte[] Write(DeckContent deck)
    {
        var title = deck.Map?.Map.Name ?? "Customer experience review";
        using var package = new PptxPackage($"{deck.Workspace} · {title}");
        var footer = $"{deck.Workspace} · {title}";
        var slides = new List<Func<Func<byte[], string>, IEnumerable<XElement>>> { _ => TitleSlide(deck, title) };
        if (deck.Map is { } map)
            foreach (var slice in MapSlices.Of(map))
                slides.Add(add => MapSlide(slice, add));
        slides.AddRange(MomentSlides(deck.Moments));
        slides.AddRange(KpiSlides(deck.Kpis));
        slides.AddRange(ActionSlides(deck.Actions, deck.Today));
        var date = deck.Today.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        for (var i = 0; i < slides.Count; i++)
        {
            var (shapes, number) = (slides[i], i + 1);
            package.AddSlide(add => number == 1 ? shapes(add) : [.. shapes(add), .. Footer(footer, $"{date} · {number} / {slides.Count}")]);
        }
        return package.ToArray();
    }

    private static IEnumerable<XElement> TitleSlide(DeckContent deck, string title)
    {
        var about = deck.Map is { } m
            ? string.Join(" · ", new[] { m.Map.CustomScenario ?? Wording.Words(m.Map.Scenario), Wording.StateText(m.Map.State), m.Persona is { } p ? $"Persona: {p}" : null }.Where(s => s is not null))
            : "KPIs, pain points, moments of truth and open actions";
        return
        [
            Rect(2, "Background", 0, 0, PptxPackage.SlideWidth, PptxPackage.SlideHeight, DarkTeal),
            Rect(3, "Accent", Left, 3063240, 1828800, 54864, "E07A1F"),
            Box(4, "Title", Left, 1097280, Width, 1828800, [Paragraph(Fit(title, Width, 40, bold: true, lines: 2), 40, "FFFFFF", bold: true)], anchor: "b"),
            Box(5, "Workspace", Left, 3246120, Width, 548640, [Paragraph(Fit(deck.Workspace, Width, 24), 24, "FFFFFF")]),
            Box(6, "About", Left, 3794760, Width, 457200, [Paragraph(Fit(about, Width, 18), 18, "D5E5EA")]),
            Box(7, "Date", Left, 5577840, Width, 457200,
                [Paragraph(deck.Today.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) + " · made with Waymark", 14, "D5E5EA")]),
        ];
    }

    private static IEnumerable<XElement> MapSlide(MapSlice slice, Func<byte[], string> add)
    {
        // Twice the map's natural size (96 dpi), so it stays sharp on a projector.
        var png = MapPictures.PngAtDpi(slice.Part, 2 * (int)MapPictures.PixelsPerInch, slice.Lanes);
        var size = SKBitmap.DecodeBounds(png);
        // As large as the content area allows, keeping the picture's proportions, centred.
        var scale = Math.Min((double)Width / size.Width, (double)(Bottom - Top) / size.Height);
        var (cx, cy) = ((long)(size.Width * scale), (long)(size.Height * scale));
        return
        [
            .. Heading(slice.Part.Map.Name, slice.Caption),
            Picture(10, "Journey map", $"Journey map {slice.Part.Map.Name}: {slice.Caption}", add(png), Left + (Width - cx) / 2, Top, cx, cy),
        ];
    }

    private static IEnumerable<Func<Func<byte[], string>, IEnumerable<XElement>>> MomentSlides(IReadOnlyList<DeckMoment> moments)
    {
        const string title = "Pain points and moments of truth without an action";
        if (moments.Count == 0)
        {
            yield return _ => [.. Heading(title, null), Box(10, "Nothing open", Left, Top, Width, 548640,
                [Paragraph("Every pain point and moment of truth has an open action.", 20, Green)])];
            yield break;
        }
        long[] widths = [5577840, 3840480, 1859280];
        foreach (var (page, part, parts) in Pages(moments))
            yield return _ =>
            [
                .. Heading(title, $"{moments.Count(m => m.IsPainPoint)} pain point(s), {moments.Count(m => m.IsMomentOfTruth)} moment(s) of truth nobody works on" + Continued(part, parts)),
                Table(10, "Moments", Left, Top, widths, RowHeight, 14, ["Pain point or moment of truth", "Where", "Kind"],
                    page.Select(m => new SlideCell[]
                    {
                        new(m.Name, Bold: m.IsPainPoint), new(m.Where),
                        new(m is { IsPainPoint: true, IsMomentOfTruth: true } ? "Both" : m.IsPainPoint ? "Pain point" : "Moment of truth", m.IsPainPoint ? Red : null),
                    })),
            ];
    }

    private static IEnumerable<Func<Func<byte[], string>, IEnumerable<XElement>>> KpiSlides(IReadOnlyList<DeckKpi> kpis)
    {
        if (kpis.Count == 0) yield break;
        long[] widths = [3474720, 914400, 1188720, 1188720, 1371600, 1463040, 1676400];
        foreach (var (page, part, parts) in Pages(kpis))
            yield return _ =>
            [
                .. Heading("KPIs against target and best in class", "Variances are positive when better, whichever way the KPI points" + Continued(part, parts)),
                Table(10, "KPIs", Left, Top, widths, RowHeight, 14, ["KPI", "Unit", "Actual", "Target", "Best in class", "vs target", "Trend"],
                    page.Select(k => new SlideCell[]
                    {
                        new(k.Name), new(k.Unit), new(Wording.Number(k.Performance.Actual), Bold: true), new(Wording.Number(k.Target)), new(Wording.Number(k.BestInClass)),
                        new(Signed(k.Performance.VersusTarget), k.Performance.MeetsTarget switch { true => Green, false => Red, _ => null }),
                        new(Wording.Words(k.Performance.Trend), k.Performance.Trend switch { KpiTrend.Improving => Green, KpiTrend.Worsening => Red, _ => null }),
                    })),
            ];
        foreach (var (page, part, parts) in Pages(kpis, ChartsPerSlide))
            yield return add => [.. Heading("KPI trends", "Line: the latest measurements · dashed green: target · dotted blue: best in class" + Continued(part, parts)),
                .. page.SelectMany((k, i) => KpiChart(k, i, add))];
    }

    private static IEnumerable<XElement> KpiChart(DeckKpi kpi, int index, Func<byte[], string> add)
    {
        const long gap = 228600, cellWidth = (Width - gap) / 2, cellHeight = (Bottom - Top - gap) / 2, pictureHeight = cellHeight - 640080;
        var (x, y) = (Left + index % 2 * (cellWidth + gap), Top + index / 2 * (cellHeight + gap));
        var pictureWidth = pictureHeight * KpiChartPicture.Width / KpiChartPicture.Height;
        var unit = kpi.Unit.Length == 0 ? "" : $" {kpi.Unit}";
        var caption = $"Actual {Wording.Number(kpi.Performance.Actual)}{unit} · target {Wording.Number(kpi.Target)} · best in class {Wording.Number(kpi.BestInClass)}";
        var id = 20 + index * 3;
        return
        [
            Box(id, $"KPI {index + 1}", x, y, cellWidth, 338328, [Paragraph(Fit(kpi.Name, cellWidth, 16, bold: true), 16, Ink, bold: true)]),
            Box(id + 1, $"KPI {index + 1} figures", x, y + 338328, cellWidth, 301752, [Paragraph(Fit(caption, cellWidth, 12), 12, Muted)]),
            Picture(id + 2, $"KPI {index + 1} chart", $"Chart of {kpi.Name}: {caption}", add(KpiChartPicture.Draw(kpi)), x, y + 640080, pictureWidth, pictureHeight),
        ];
    }

    private static IEnumerable<Func<Func<byte[], string>, IEnumerable<XElement>>> ActionSlides(IReadOnlyList<DeckAction> actions, DateOnly today)
    {
        const string title = "Open actions by owner and due date";
        if (actions.Count == 0)
        {
            yield return _ => [.. Heading(title, null), Box(10, "Nothing open", Left, Top, Width, 548640, [Paragraph("No open actions.", 20, Muted)])];
            yield break;
        }
        long[] widths = [2011680, 4023360, 2286000, 1600200, 1356360];
        var overdue = actions.Count(a => a.IsOverdue);
        foreach (var (page, part, parts) in Pages(actions))
            yield return _ =>
            [
                .. Heading(title, $"{actions.Count} open, {overdue} overdue on {today:yyyy-MM-dd}" + Continued(part, parts)),
                Table(10, "Actions", Left, Top, widths, RowHeight, 14, ["Owner", "Action", "Due", "Status", "Priority"],
                    page.Select(a => new SlideCell[]
                    {
                        new(a.Owner, Bold: true), new(a.Title),
                        new(a.DueOn is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + (a.IsOverdue ? " overdue" : "") : "–", a.IsOverdue ? Red : null, a.IsOverdue),
                        new(a.Status), new(a.Priority),
                    })),
            ];
    }

    private static IEnumerable<XElement> Heading(string title, string? subtitle) =>
    [
        // A long title is set smaller before it is cut.
        Box(2, "Title", Left, 228600, Width, 548640, [FitsOnOneLine(title, Width, 28, bold: true)
            ? Paragraph(title, 28, Ink, bold: true) : Paragraph(Fit(title, Width, 22, bold: true), 22, Ink, bold: true)], anchor: "b"),
        Rect(3, "Accent", Left, 795528, 1828800, 36576, Teal),
        .. subtitle is null ? Array.Empty<XElement>() : [Box(4, "Subtitle", Left, 841248, Width, 256032, [Paragraph(Fit(subtitle, Width, 12), 12, Muted)])],
    ];

    private static IEnumerable<XElement> Footer(string left, string right) =>
    [
        Box(90, "Footer", Left, 6400800, Width / 2, 320040, [Paragraph(Fit(left, Width / 2, 10), 10, Muted)]),
        Box(91, "Slide number", Left + Width / 2, 6400800, Width / 2, 320040, [Paragraph(right, 10, Muted, align: "r")]),
    ];

    private static IEnumerable<(List<T> Page, int Part, int Parts)> Pages<T>(IReadOnlyList<T> items, int size = RowsPerSlide)
    {
        var parts = (items.Count + size - 1) / size;
        for (var i = 0; i < parts; i++) yield return (items.Skip(i * size).Take(size).ToList(), i + 1, parts);
    }

    private static string Continued(int part, int parts) => parts == 1 ? "" : $" · {part} of {parts}";

    private static string Signed(double? v) => v is { } x ? (x > 0 ? "+" : "") + Wording.Number(x) : "–";
}
