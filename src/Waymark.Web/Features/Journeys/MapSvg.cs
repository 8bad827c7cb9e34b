using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Waymark.Domain.Evaluations;
using Waymark.Domain.Improvements;
using Waymark.Domain.Journeys;
using Waymark.Web.Features.Journeys.Layout;
using Waymark.Web.Features.Printing;
using static Waymark.Web.Features.Journeys.EmotionLine;

namespace Waymark.Web.Features.Journeys;

/// <summary>
/// Draws a journey map as one standalone SVG file for workshops, slides and large prints: the header, stages over their
/// steps, then the lanes the map shows in its order, where <see cref="MapLayout"/> puts them, as the page does. No fonts,
/// images or scripts from elsewhere; every text goes through LINQ to XML, which escapes it, after characters XML cannot hold are dropped.
/// Text is measured with the shipped fonts (<see cref="PrintFonts"/>) and named in them, so the PDF and PNG, which are this
/// drawing rendered (<see cref="MapPictures"/>), wrap exactly as measured; characters DejaVu Sans lacks (emoji) are set in Symbola.
/// </summary>
public static partial class MapSvg
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private const string Font = PrintFonts.FontFamilies;
    private const string Ink = "#1d2733", Muted = "#4a5665", Grid = "#e7eaef", LaneInk = "#24404a";
    // How the file sets its text around the layout's columns and lanes, which the page leaves to waymark.css.
    private const double Margin = 24, Pad = 7, Gap = 4, MinRow = 34, Body = 12;
    private const double LaneHeadWidth = MapLayout.LaneHeadWidth, ColumnWidth = MapLayout.ColumnWidth, Left = Margin + LaneHeadWidth;

    /// <summary>Something drawn in a cell, stacked under the one before: how high it is at a width, and how to draw it at a place and width.</summary>
    private sealed record Block(Func<double, double> HeightAt, Func<double, double, double, IEnumerable<XElement>> Draw);

    /// <summary>The map with <paramref name="lanes"/> (the map's own lanes unless told), in that order.</summary>
    public static string Render(MapDrawing d, IReadOnlyList<string>? lanes = null)
    {
        var map = d.Map;
        var layout = MapLayout.Of(map, lanes);
        var columns = layout.Columns;
        var width = Margin * 2 + LaneHeadWidth + layout.Width;
        var body = new List<XElement>();
        var y = Margin;

        // The header: name, what the map is about, the score colours.
        var inner = width - Margin * 2;
        y = Place(body, Margin, y, inner, [Text(map.Name, 22, Ink, bold: true)]) + 2;
        var steps = layout.StepCount;
        var about = $"Persona: {d.Persona ?? "no persona"} · {Wording.StateText(map.State)} · {Wording.Words(map.Scenario)}"
                    + (map.CustomScenario is { } cs ? $" · {cs}" : "") + $" · {steps} step{(steps == 1 ? "" : "s")} in {map.Stages.Count} stage{(map.Stages.Count == 1 ? "" : "s")}";
        y = Place(body, Margin, y, inner, [Text(about, 13, Muted)]);
        if (map.Description is { } description) y = Place(body, Margin, y + 2, inner, [Text(description, 13, Ink)]);
        y = Legend(body, y + 8) + 12;

        // Stages over their steps.
        var stageCells = layout.Stages.Select(s => (IReadOnlyList<Block>)[Text(s.Stage.Name, 13, "#fff", bold: true)]).ToList();
        var stageHeight = RowHeight(layout.Stages.Select((s, i) => (stageCells[i], s.Width)));
        Cell(body, Margin, y, LaneHeadWidth, stageHeight, "#0b3d4a", [Text(Wording.StateText(map.State), 13, "#fff", bold: true)]);
        foreach (var (s, i) in layout.Stages.Select((s, i) => (s, i)))
            Cell(body, Left + s.X, y, s.Width, stageHeight, "#0f5f73", stageCells[i], stroke: "#fff");
        y += stageHeight;

        var actionsLane = layout.Lanes.Any(l => l.Lane == JourneyLanes.Actions);
        var stepRow = Row(columns, c => c.Step is { } s ? StepHead(s, c.Number, actionsLane) : [Text("No steps yet", Body, Muted, italic: true)]);
        Cell(body, Margin, y, LaneHeadWidth, stepRow.Height, "#f3f6f8", [Text("Steps", Body, LaneInk, bold: true)]);
        foreach (var c in columns)
            Cell(body, Left + c.X, y, ColumnWidth, stepRow.Height, c.Highlight switch { StepHighlight.PainPoint => "#fff1f1", StepHighlight.MomentOfTruth => "#f6f3ff", _ => "#fff" },
                stepRow.Cells[c.Index]);
        y += stepRow.Height;

        foreach (var lane in layout.Lanes)
        {
            if (lane.Lane == JourneyLanes.Evidence) y = EvidenceLane(body, columns, y, lane.Title, d.Evidence);
            else if (lane.IsEmotion) y = EmotionLane(body, layout, y);
            else y = Lane(body, columns, y, lane.Title, lane.Subtitle,
                lane.Lane == JourneyLanes.Channels ? s => lane.Chips(s).Select(Chip).ToList() : s => LaneBlocks(d, lane.Lane, s));
        }

        y += 10;
        y = Place(body, Margin, y, inner, [Text(Footer(d), 10, Muted)]);
        var height = y + Margin;

        var root = new XElement(Svg + "svg",
            new XAttribute("width", F(width)), new XAttribute("height", F(height)), new XAttribute("viewBox", $"0 0 {F(width)} {F(height)}"),
            new XAttribute("role", "img"), new XAttribute("aria-label", Clean($"Journey map {map.Name}")),
            new XAttribute("font-family", Font), new XAttribute("font-size", F(Body)), new XAttribute("fill", Ink),
            // Set as measured: no ligatures (which would also turn "fi" into one sign when the PDF's text is copied) and no kerning.
            new XAttribute("font-variant-ligatures", "none"), new XAttribute("font-kerning", "none"),
            new XElement(Svg + "title", Clean($"Journey map: {map.Name}")),
            new XElement(Svg + "rect", new XAttribute("width", "100%"), new XAttribute("height", "100%"), new XAttribute("fill", "#fff")),
            body);
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + root.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>What a printed map says at its foot: where it comes from, which map in which state for whom, its version and day.</summary>
    private static string Footer(MapDrawing d) =>
        $"Waymark · {(d.Workspace is { } w ? $"{w} · " : "")}{d.Map.Name} · {Wording.StateText(d.Map.State)} · persona: {d.Persona ?? "none"} · version {d.Map.Version} · exported {d.Today:yyyy-MM-dd}";

    /// <summary>A file name for the downloaded map: the journey's name without what file systems or the header would trip over.</summary>
    public static string FileName(string journeyName, string extension = ".svg")
    {
        var name = NotInFileNames().Replace(Clean(journeyName), " ");
        name = Spaces().Replace(name, " ").Trim().Trim('.').Trim();
        if (name.Length > 100) name = name[..(char.IsHighSurrogate(name[99]) ? 99 : 100)].TrimEnd();
        return (name.Length == 0 ? "journey map" : name) + extension;
    }

    // ---- rows and cells -----------------------------------------------------------------------

    private sealed record RowLayout(double Height, IReadOnlyList<IReadOnlyList<Block>> Cells);

    private static RowLayout Row(IReadOnlyList<MapColumn> columns, Func<MapColumn, IReadOnlyList<Block>> content)
    {
        var cells = columns.Select(content).ToList();
        return new RowLayout(RowHeight(cells.Select(c => (c, ColumnWidth))), cells);
    }

    /// <summary>How high a row is: its fullest cell at the cell's width, and never lower than <see cref="MinRow"/>.</summary>
    private static double RowHeight(IEnumerable<(IReadOnlyList<Block> Blocks, double Width)> cells) =>
        Math.Max(MinRow, cells.Select(c => Stacked(c.Blocks, c.Width - Pad * 2)).DefaultIfEmpty(0).Max() + Pad * 2);

    private static double Stacked(IReadOnlyList<Block> blocks, double width) => blocks.Sum(b => b.HeightAt(width)) + Math.Max(0, blocks.Count - 1) * Gap;

    /// <summary>A lane: its head on the left, a cell per column with what <paramref name="content"/> gives for the step; answers where the next lane starts.</summary>
    private static double Lane(List<XElement> body, IReadOnlyList<MapColumn> columns, double y, string title, string? subtitle, Func<StepResponse, IReadOnlyList<Block>> content)
    {
        IReadOnlyList<Block> head = subtitle is null ? [Text(title, Body, LaneInk, bold: true)] : [Text(title, Body, LaneInk, bold: true), Text(subtitle, 10, Muted)];
        var row = Row(columns, c => c.Step is { } s ? content(s) : []);
        var height = Math.Max(row.Height, Stacked(head, LaneHeadWidth - Pad * 2) + Pad * 2);
        Cell(body, Margin, y, LaneHeadWidth, height, "#f3f6f8", head);
        foreach (var c in columns) Cell(body, Left + c.X, y, ColumnWidth, height, "#fff", row.Cells[c.Index]);
        return y + height;
    }

    private static void Cell(List<XElement> body, double x, double y, double width, double height, string fill, IReadOnlyList<Block> blocks, string stroke = Grid)
    {
        body.Add(Rect(x, y, width, height, fill, stroke));
        Place(body, x + Pad, y + Pad, width - Pad * 2, blocks);
    }

    /// <summary>Draws blocks one under the other; answers the y under the last.</summary>
    private static double Place(List<XElement> body, double x, double y, double width, IReadOnlyList<Block> blocks)
    {
        foreach (var b in blocks)
        {
            body.AddRange(b.Draw(x, y, width));
            y += b.HeightAt(width) + Gap;
        }
        return blocks.Count == 0 ? y : y - Gap;
    }

    // ---- what the cells hold ------------------------------------------------------------------

    private static IReadOnlyList<Block> StepHead(StepResponse s, int number, bool actionsLane)
    {
        var marks = (s.IsMomentOfTruth ? " ★" : "") + (s.IsPainPoint ? " ⚠" : "") + (s.IsBrandSuccessPoint ? " ✓" : "");
        // The actions lane names the step already; without it the head does.
        return actionsLane ? [Text($"Step {number}{marks}", Body, Ink, bold: true)] : [Text($"Step {number}{marks}", 10, Muted), Text(s.Action, Body, Ink, bold: true)];
    }

    private static IReadOnlyList<Block> LaneBlocks(MapDrawing d, string lane, StepResponse s) => lane switch
    {
        JourneyLanes.Actions => [Text(s.Action, Body, Ink, bold: true)],
        JourneyLanes.Thoughts => Optional(s.ThoughtsAndMotivation),
        JourneyLanes.Questions => Optional(s.Questions),
        JourneyLanes.Obstacles => Optional(s.Obstacles),
        JourneyLanes.Backstage =>
        [
            .. Optional(s.BackstageDepartmentId is { } id ? d.Departments.GetValueOrDefault(id) : null),
            .. s.WaitingMinutes is { } w ? [Text($"waits {Waymark.Analytics.Reporting.Durations.Minutes(w)}", 10, Muted)] : Array.Empty<Block>(),
        ],
        JourneyLanes.Highlights =>
        [
            .. s.IsMomentOfTruth ? [Tag("★ Moment of truth", "#ede9fe", "#5b21b6")] : Array.Empty<Block>(),
            .. s.IsPainPoint ? [Tag("⚠ Pain point", "#fee2e2", "#991b1b")] : Array.Empty<Block>(),
            .. s.IsBrandSuccessPoint ? [Tag("✓ Brand success", "#dcfce7", "#166534")] : Array.Empty<Block>(),
        ],
        JourneyLanes.Kpis => (d.KpisByStep.GetValueOrDefault(s.Id) ?? []).Select(Kpi).ToList(),
        JourneyLanes.Improvements => (d.ImprovementsByStep.GetValueOrDefault(s.Id) ?? []).Select(Improvement).ToList(),
        _ => [],
    };

    /// <summary>The evidence lane, headed by its period; left out, as on the page, until the workspace has events.</summary>
    private static double EvidenceLane(List<XElement> body, IReadOnlyList<MapColumn> columns, double y, string title, Evidence.JourneyEvidence? evidence) =>
        evidence is { LastEventAt: not null }
            ? Lane(body, columns, y, title, Evidence.EvidenceWords.Period(evidence.From, evidence.To), s => EvidenceBlocks(evidence, s))
            : y;

    /// <summary>The evidence lane's cell, in the words of the page: the step's figures, then its touchpoints' events and next channel.</summary>
    private static IReadOnlyList<Block> EvidenceBlocks(Evidence.JourneyEvidence evidence, StepResponse s)
    {
        var blocks = new List<Block>();
        if (evidence.Step(s.Id) is { } step) blocks.AddRange(Evidence.EvidenceWords.Step(step, evidence.Journeys).Select(line => Text(line, 10, Ink)));
        else blocks.Add(Text(Evidence.EvidenceWords.NoTouchpoint, 10, Muted, italic: true));
        var touchpoints = evidence.Touchpoints.ToDictionary(t => t.TouchpointId);
        foreach (var chip in s.Touchpoints)
            if (touchpoints.TryGetValue(chip.Id, out var t)) blocks.Add(Text($"{chip.Name}: {Evidence.EvidenceWords.Chip(t)}", 10, LaneInk, bold: true));
        return blocks;
    }

    private static IReadOnlyList<Block> Optional(string? text) => string.IsNullOrWhiteSpace(text) ? [] : [Text(text, Body, Ink)];

    private static Block Kpi(StepKpi k)
    {
        var colour = k.MeetsTarget switch { true => "#15803d", false => "#b91c1c", _ => Muted };
        var figures = $"{Wording.Number(k.Actual)} / {Wording.Number(k.Target)} {k.Unit}".TrimEnd();
        var name = Text(k.Name, 11, Ink);
        var value = Text(figures, 11, colour, bold: true);
        return new Block(w => name.HeightAt(w) + value.HeightAt(w), (x, y, w) => [.. name.Draw(x, y, w), .. value.Draw(x, y + name.HeightAt(w), w)]);
    }

    private static Block Improvement(StepImprovement i)
    {
        var (stripe, fill) = i.Overdue ? ("#b91c1c", "#fef2f2") : i.Kind == ImprovementKind.Action ? ("#0f5f73", "#ecf6f8") : ("#6d28d9", "#f5f3ff");
        var who = (i.Owner is null ? "" : $" · {i.Owner}") + (i.Overdue ? " · overdue" : "");
        var text = Text($"{(i.Kind == ImprovementKind.Idea ? "Idea: " : "")}{i.Title}", 11, Ink);
        var meta = Text($"{Wording.Words(i.Status)}{who}", 10, Muted);
        double Height(double w) => text.HeightAt(w - 8) + meta.HeightAt(w - 8) + 4;
        return new Block(Height, (x, y, w) =>
        [
            Rect(x, y, w, Height(w), fill, null), Rect(x, y, 3, Height(w), stripe, null),
            .. text.Draw(x + 8, y + 2, w - 8), .. meta.Draw(x + 8, y + 2 + text.HeightAt(w - 8), w - 8),
        ]);
    }

    /// <summary>A touchpoint in the colours of its current score's band, with the score, like the page's chips.</summary>
    private static Block Chip(MapChip chip)
    {
        var colours = chip.Colours;
        var scoreWidth = TextWidth(chip.Score, 11, bold: true) + 14;
        var name = Text(chip.Touchpoint.Name, 11, colours.Ink);
        double Height(double w) => name.HeightAt(w - scoreWidth) + 6;
        return new Block(Height, (x, y, w) =>
        [
            new XElement(Svg + "g", new XAttribute("class", $"touchpoint band-{colours.Band}"),
                new XElement(Svg + "title", Clean(chip.Title)),
                Rect(x, y, w, Height(w), colours.Fill, colours.Border, rounded: 5),
                name.Draw(x + 5, y + 3, w - scoreWidth),
                Line(x + w - 5, y + 3 + 11, chip.Score, 11, colours.Ink, bold: true, anchor: "end")),
        ]);
    }

    private static Block Tag(string text, string fill, string ink)
    {
        var inner = Text(text, 10, ink, bold: true);
        return new Block(w => inner.HeightAt(w - 12) + 4, (x, y, w) =>
            [Rect(x, y, Math.Min(w, TextWidth(text, 10, bold: true) + 12), inner.HeightAt(w - 12) + 4, fill, null, rounded: 8), .. inner.Draw(x + 6, y + 2, w - 12)]);
    }

    private static double Legend(List<XElement> body, double y)
    {
        var x = Margin;
        body.Add(Line(x, y + 11, "Score colours:", 11, Muted));
        x += TextWidth("Score colours:", 11) + 8;
        foreach (var band in MapColours.Legend)
        {
            var label = $"{band.Range} {Wording.BandText(band.Band)}";
            var w = TextWidth(label, 11) + 12;
            body.Add(Rect(x, y - 2, w, 19, band.Fill, band.Border, rounded: 5));
            body.Add(Line(x + 6, y + 12, label, 11, band.Ink));
            x += w + 8;
        }
        return y + 18;
    }

    /// <summary>The emotion curve across the steps, drawn like on the page, with the average as a dashed line.</summary>
    private static double EmotionLane(List<XElement> body, MapLayout layout, double y)
    {
        var lane = layout.Emotion;
        var average = lane.Average is { } a ? $"average {(a > 0 ? "+" : "")}{a:0.0}" : "no steps yet";
        Cell(body, Margin, y, LaneHeadWidth, lane.Height, "#f3f6f8", [Text(Wording.LaneNames[JourneyLanes.Emotion], Body, LaneInk, bold: true), Text(average, 10, Muted)]);
        body.Add(Rect(Left, y, lane.Width, lane.Height, "#fff", Grid));
        var (x0, x1) = (F(Left), F(Left + lane.Width));
        var curve = new XElement(Svg + "g", new XAttribute("class", "emotion-curve"),
            new XElement(Svg + "line", new XAttribute("x1", x0), new XAttribute("x2", x1),
                new XAttribute("y1", F(y + MapEmotionLane.Y(0))), new XAttribute("y2", F(y + MapEmotionLane.Y(0))),
                new XAttribute("stroke", "#cbd5e1"), new XAttribute("stroke-dasharray", "4 4")));
        if (lane.Average is { } avg)
        {
            var ay = F(y + MapEmotionLane.Y(avg));
            curve.Add(new XElement(Svg + "line", new XAttribute("class", "emotion-average"), new XAttribute("x1", x0), new XAttribute("x2", x1),
                new XAttribute("y1", ay), new XAttribute("y2", ay), new XAttribute("stroke", "#0f5f73"), new XAttribute("stroke-opacity", "0.35"), new XAttribute("stroke-dasharray", "2 6")));
        }
        // The scale: a faint line and a label at each level, the labels at the right edge of the lane's head.
        var scale = new XElement(Svg + "g", new XAttribute("class", "emotion-scale"));
        foreach (var (level, levelY) in MapEmotionLane.Levels)
        {
            var ly = y + levelY;
            if (level != 0)
                curve.Add(new XElement(Svg + "line", new XAttribute("x1", x0), new XAttribute("x2", x1),
                    new XAttribute("y1", F(ly)), new XAttribute("y2", F(ly)), new XAttribute("stroke", "#f1f3f6")));
            scale.Add(Line(Left - 6, ly + 4, Wording.Signed(level), 11, Muted, anchor: "end"));
        }
        curve.Add(scale);
        curve.Add(new XElement(Svg + "path", new XAttribute("class", "emotion-line"), new XAttribute("d", lane.Path(Left, y)),
            new XAttribute("fill", "none"), new XAttribute("stroke", "#0f5f73"), new XAttribute("stroke-width", "3"), new XAttribute("stroke-linecap", "round")));
        foreach (var p in lane.Points)
        {
            var (x, py) = (Left + p.X, y + p.Y);
            curve.Add(new XElement(Svg + "g", new XAttribute("class", "emotion-point"), new XAttribute("data-emotion", p.Emotion),
                new XElement(Svg + "title", Clean(p.Title)),
                new XElement(Svg + "circle", new XAttribute("cx", F(x)), new XAttribute("cy", F(py)), new XAttribute("r", "7"),
                    new XAttribute("fill", p.Colour), new XAttribute("stroke", Ink), new XAttribute("stroke-width", "1.5")),
                // Dark text on a white halo beside the point: readable whatever the point's colour.
                Halo(Line(x + 12, py + 4.5, p.Label, 12, Ink, bold: true))));
        }
        body.Add(curve);
        return y + lane.Height;
    }

    // ---- text ---------------------------------------------------------------------------------

    /// <summary>
    /// Text wrapped to the width it is drawn at. A line broken between words keeps the space, so the text element reads
    /// as the whole text (search, copy, screen readers); each line is placed on its own.
    /// </summary>
    private static Block Text(string text, double size, string colour, bool bold = false, bool italic = false)
    {
        var lineHeight = size * 1.3;
        return new Block(width => Wrap(text, width, size, bold).Count * lineHeight, (x, y, width) =>
        {
            var lines = Wrap(text, width, size, bold);
            var element = new XElement(Svg + "text", new XAttribute("x", F(x)), new XAttribute("y", F(y + size)), new XAttribute("font-size", F(size)), new XAttribute("fill", colour));
            if (bold) element.Add(new XAttribute("font-weight", "700"));
            if (italic) element.Add(new XAttribute("font-style", "italic"));
            for (var i = 0; i < lines.Count; i++)
                element.Add(new XElement(Svg + "tspan", new XAttribute("x", F(x)), new XAttribute("dy", i == 0 ? "0" : F(lineHeight)),
                    Runs(i < lines.Count - 1 ? lines[i] : lines[i].TrimEnd(), bold)));
            return [element];
        });
    }

    private static XElement Line(double x, double y, string text, double size, string colour, bool bold = false, string anchor = "start")
    {
        var element = new XElement(Svg + "text", new XAttribute("x", F(x)), new XAttribute("y", F(y)), new XAttribute("font-size", F(size)), new XAttribute("fill", colour), Runs(Clean(text), bold));
        if (bold) element.Add(new XAttribute("font-weight", "700"));
        if (anchor != "start") element.Add(new XAttribute("text-anchor", anchor));
        return element;
    }

    private static XElement Halo(XElement text)
    {
        text.Add(new XAttribute("stroke", "#fff"), new XAttribute("stroke-width", "3"), new XAttribute("paint-order", "stroke"));
        return text;
    }

    private static XElement Rect(double x, double y, double width, double height, string fill, string? stroke, double rounded = 0)
    {
        var rect = new XElement(Svg + "rect", new XAttribute("x", F(x)), new XAttribute("y", F(y)), new XAttribute("width", F(width)), new XAttribute("height", F(height)),
            new XAttribute("fill", fill));
        if (stroke is not null) rect.Add(new XAttribute("stroke", stroke));
        if (rounded > 0) rect.Add(new XAttribute("rx", F(rounded)));
        return rect;
    }

    /// <summary>Greedy word wrap by estimated width; a word wider than the line is broken; line breaks the user typed are kept. Lines that end between words end in a space.</summary>
    private static List<string> Wrap(string text, double width, double size, bool bold)
    {
        var lines = new List<string>();
        foreach (var paragraph in Clean(text).Replace("\r\n", "\n").Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (TextWidth(candidate, size, bold) <= width) { line = candidate; continue; }
                if (line.Length > 0) lines.Add(line + " ");
                line = word;
                while (TextWidth(line, size, bold) > width && line.Length > 1)
                {
                    var cut = line.Length - 1;
                    while (cut > 1 && TextWidth(line[..cut], size, bold) > width) cut--;
                    if (char.IsHighSurrogate(line[cut - 1]) && cut > 1) cut--;
                    lines.Add(line[..cut]);
                    line = line[cut..];
                }
            }
            if (line.Length > 0 || lines.Count == 0) lines.Add(line + " ");
        }
        while (lines.Count > 1 && lines[^1].Trim().Length == 0) lines.RemoveAt(lines.Count - 1);
        return lines;
    }

    /// <summary>How wide a text is, set in the shipped fonts that the PDF and PNG draw it with.</summary>
    private static double TextWidth(string text, double size, bool bold = false) => PrintFonts.Width(text, size, bold);

    /// <summary>A line's text as it is set: runs DejaVu Sans has no glyphs for (emoji) name Symbola, which has them.</summary>
    private static IEnumerable<object> Runs(string text, bool bold) =>
        PrintFonts.Runs(text, bold).Select(r => r.Symbol ? new XElement(Svg + "tspan", new XAttribute("font-family", PrintFonts.SymbolFamily), r.Text) : (object)r.Text);

    /// <summary>The text without the characters XML 1.0 cannot hold (controls other than tab and line breaks, lone surrogates, U+FFFE/U+FFFF).</summary>
    internal static string Clean(string text)
    {
        var b = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { b.Append(c).Append(text[++i]); continue; }
            if (c is '\t' or '\n' or '\r' || !(char.IsControl(c) || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF')) b.Append(c);
        }
        return b.ToString();
    }

    [GeneratedRegex("[\\p{C}\"*/:<>?\\\\|]")]
    private static partial Regex NotInFileNames();

    [GeneratedRegex("\\s+")]
    private static partial Regex Spaces();
}
