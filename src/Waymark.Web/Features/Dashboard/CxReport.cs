using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Improvements;
using Waymark.Domain.Kpis;
using Waymark.Storage;
using Waymark.Web.Features.Kpis;
using Waymark.Web.Features.Printing;
using Waymark.Web.Infrastructure;
using static Waymark.Web.Features.Dashboard.DashboardApi;

namespace Waymark.Web.Features.Dashboard;

/// <summary>
/// The CX report for a steering meeting, as A4 pages: the dashboard's figures (CX score and its trend, scores by phase
/// and channel, action progress), every KPI against target and best-in-class with its recent course, the
/// importance–performance grid, the touchpoints to concentrate on and the overdue actions. Read with the dashboard's
/// own use case (<see cref="DashboardApi.BuildAsync"/>) and the KPIs' performance, drawn as SVG pages and rendered to PDF.
/// </summary>
public static class CxReport
{
    /// <summary>How many of a KPI's latest measurements its small chart shows.</summary>
    public const int KpiHistory = 12;

    private const string Ink = "#1d2733", Muted = "#4a5665", Teal = "#0f5f73", Good = "#15803d", Bad = "#b91c1c", Line = "#d6dbe1";

    public static async Task<byte[]> PdfAsync(WaymarkDb db, CurrentWorkspace ws, DateOnly today, CancellationToken ct)
    {
        var dashboard = await BuildAsync(db, ws, today, ct);
        var kpis = await KpisApi.WithPerformanceAsync(db, await db.Kpis.AsNoTracking().Where(k => k.WorkspaceId == ws.Id).OrderBy(k => k.Name).ToListAsync(ct), ct);
        var history = new Dictionary<Guid, IReadOnlyList<double>>();
        foreach (var kpi in kpis)
            history[kpi.Id] = (await db.KpiMeasurements.AsNoTracking().Where(m => m.KpiId == kpi.Id)
                .OrderByDescending(m => m.MeasuredAt).ThenByDescending(m => m.RecordedAt).Take(KpiHistory).Select(m => m.Value).ToListAsync(ct)).AsEnumerable().Reverse().ToList();
        var owners = await db.People.AsNoTracking().Where(p => p.WorkspaceId == ws.Id).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var overdue = (await db.Improvements.AsNoTracking()
                .Where(i => i.WorkspaceId == ws.Id && i.Kind == ImprovementKind.Action && i.DueOn != null && i.DueOn < today).ToListAsync(ct))
            .Where(i => i.IsOverdue(today)).OrderBy(i => i.DueOn).ThenBy(i => i.Title).ToList();

        var pages = new SvgPages(PageSize.Of(Paper.A4), $"Waymark · CX report · {ws.Name}", today);
        pages.NewPage();
        Title(pages, ws.Name, today);
        Score(pages, dashboard);
        Groups(pages, "Score by phase", dashboard.ByPhase);
        Groups(pages, "Score by channel", dashboard.ByChannel);
        Kpis(pages, kpis, history);
        Grid(pages, dashboard.ImportancePerformance);
        Worst(pages, dashboard.ImportancePerformance);
        Overdue(pages, overdue, owners, today);
        return pages.Pdf();
    }

    private static void Heading(SvgPages p, string text, double space = 60)
    {
        p.Need(space);
        p.Y += 10;
        p.Line(p.Margin, p.Y + 14, text, 14, Teal, bold: true);
        p.Y += 24;
    }

    private static void Title(SvgPages p, string workspace, DateOnly today)
    {
        p.Y += p.Text(p.Margin, p.Y, p.Width, $"CX report · {workspace}", 20, Ink, bold: true) + 2;
        p.Line(p.Margin, p.Y + 11, $"As of {today:d MMMM yyyy} · scores 1–10, 10 = expectations exceeded", 10, Muted);
        p.Y += 20;
    }

    private static void Score(SvgPages p, DashboardResponse d)
    {
        Heading(p, "CX score");
        var x = p.Margin;
        p.Line(x, p.Y + 34, Wording.Number(d.CxScore.Score, "0.0"), 36, Teal, bold: true);
        p.Line(x, p.Y + 52, $"{d.CxScore.EvaluatedTouchpoints} of {d.CxScore.Touchpoints} touchpoints evaluated", 9, Muted);
        // The trend: the score at the end of each of the last months.
        var (cx, cw, ch) = (x + 170, p.Width - 170 - 150, 50.0);
        var points = d.CxScore.Trend.Select((t, i) => (t, i)).Where(v => v.t.Score is not null)
            .Select(v => (X: cx + v.i * cw / Math.Max(1, d.CxScore.Trend.Count - 1), Y: p.Y + 4 + ch * (1 - (v.t.Score!.Value - 1) / 9))).ToArray();
        p.Rect(cx, p.Y + 4, cw, ch, "#f7f9fb", Line);
        p.Stroke(Teal, 2, points);
        foreach (var point in points) p.Dot(point.X, point.Y, 2.5, Teal);
        foreach (var (t, i) in d.CxScore.Trend.Select((t, i) => (t, i)))
        {
            p.Line(cx + i * cw / Math.Max(1, d.CxScore.Trend.Count - 1), p.Y + ch + 14, t.Month, 7, Muted, anchor: "middle");
            p.Line(cx + i * cw / Math.Max(1, d.CxScore.Trend.Count - 1), p.Y + ch + 23, Wording.Number(t.Score, "0.0"), 7, Ink, bold: true, anchor: "middle");
        }
        var a = d.Actions;
        var ax = p.Margin + p.Width - 135;
        p.Line(ax, p.Y + 12, "Actions", 10, Ink, bold: true);
        p.Line(ax, p.Y + 26, $"{a.Open} open · {a.InProgress} in progress", 9, Muted);
        p.Line(ax, p.Y + 39, $"{a.Done} done · {a.Discarded} discarded", 9, Muted);
        p.Line(ax, p.Y + 52, $"{a.Overdue} overdue", 9, a.Overdue > 0 ? Bad : Muted, bold: a.Overdue > 0);
        p.Y += ch + 30;
    }

    private static void Groups(SvgPages p, string heading, IReadOnlyList<GroupScore> groups)
    {
        Heading(p, heading, 60 + Math.Min(groups.Count, 5) * 14);
        const double nameWidth = 150, row = 14;
        var barWidth = p.Width - nameWidth - 120;
        foreach (var g in groups)
        {
            p.Need(row);
            p.Line(p.Margin, p.Y + 10, g.Name, 9, Ink, width: nameWidth - 6);
            p.Rect(p.Margin + nameWidth, p.Y + 2, barWidth, 9, "#f1f3f6");
            if (g.Score is { } s) p.Rect(p.Margin + nameWidth, p.Y + 2, barWidth * s / 10, 9, s < 5 ? Bad : s < 7.5 ? "#b45309" : Good);
            p.Line(p.Margin + nameWidth + barWidth + 6, p.Y + 10, $"{Wording.Number(g.Score, "0.0")} · {g.EvaluatedTouchpoints}/{g.Touchpoints} evaluated", 8, Muted);
            p.Y += row;
        }
        if (groups.Count == 0) { p.Line(p.Margin, p.Y + 10, "None yet.", 9, Muted); p.Y += row; }
    }

    private static void Kpis(SvgPages p, IReadOnlyList<KpisApi.KpiResponse> kpis, IReadOnlyDictionary<Guid, IReadOnlyList<double>> history)
    {
        Heading(p, "KPIs against target and best in class", 100);
        double[] at = [0, 150, 192, 234, 276, 356, 436];
        string[] heads = ["KPI", "Latest", "Target", "Best", "vs target", "vs best", $"Last {KpiHistory}"];
        p.Need(16);
        for (var i = 0; i < heads.Length; i++) p.Line(p.Margin + at[i], p.Y + 9, heads[i], 8, Muted, bold: true);
        p.Y += 14;
        foreach (var k in kpis)
        {
            const double row = 26;
            p.Need(row);
            var perf = k.Performance;
            p.Rect(p.Margin, p.Y, p.Width, row - 2, perf.MeetsTarget == false ? "#fef2f2" : "#fff", Line);
            p.Line(p.Margin + 4, p.Y + 10, k.Name, 8.5, Ink, bold: true, width: at[1] - 8);
            p.Line(p.Margin + 4, p.Y + 20, $"{k.Unit} · {(k.Direction == KpiDirection.HigherIsBetter ? "higher" : "lower")} is better · {Wording.Words(perf.Trend)}", 7, Muted, width: at[1] - 8);
            p.Line(p.Margin + at[1], p.Y + 15, Wording.Number(perf.Actual), 8.5, Ink, bold: true, width: at[2] - at[1] - 4);
            p.Line(p.Margin + at[2], p.Y + 15, Wording.Number(k.Target), 8.5, Ink, width: at[3] - at[2] - 4);
            p.Line(p.Margin + at[3], p.Y + 15, Wording.Number(k.BestInClass), 8.5, Ink, width: at[4] - at[3] - 4);
            p.Line(p.Margin + at[4], p.Y + 15, Variance(perf.VersusTarget, perf.VersusTargetRelative), 8.5, Colour(perf.VersusTarget), bold: true, width: at[5] - at[4] - 4);
            p.Line(p.Margin + at[5], p.Y + 15, Variance(perf.VersusBestInClass, perf.VersusBestInClassRelative), 8.5, Colour(perf.VersusBestInClass), width: at[6] - at[5] - 4);
            Sparkline(p, p.Margin + at[6], p.Y + 3, p.Width - at[6] - 4, row - 8, history[k.Id], k.Target);
            p.Y += row;
        }
        if (kpis.Count == 0) { p.Line(p.Margin, p.Y + 10, "No KPIs yet.", 9, Muted); p.Y += 14; }
        p.Y += 4;
        p.Line(p.Margin, p.Y + 8, "Variance is signed so that positive is better, whatever the KPI's direction; the dashed line is the target.", 7, Muted);
        p.Y += 12;
    }

    private static string Variance(double? by, double? relative) =>
        by is null ? "–" : $"{(by > 0 ? "+" : "")}{Wording.Number(by)}" + (relative is { } r ? $" ({(r > 0 ? "+" : "")}{r * 100:0}%)" : "");

    private static string Colour(double? by) => by switch { > 0 => Good, < 0 => Bad, _ => Ink };

    private static void Sparkline(SvgPages p, double x, double y, double width, double height, IReadOnlyList<double> values, double? target)
    {
        if (values.Count == 0) { p.Line(x, y + height / 2 + 3, "no measurements", 7, Muted); return; }
        var all = target is { } t ? values.Append(t).ToList() : values.ToList();
        var (min, max) = (all.Min(), all.Max());
        if (max - min < 1e-9) (min, max) = (min - 1, max + 1);
        double Yof(double v) => y + height - (v - min) / (max - min) * height;
        if (target is { } tv) p.Add(new System.Xml.Linq.XElement((System.Xml.Linq.XNamespace)"http://www.w3.org/2000/svg" + "line",
            new System.Xml.Linq.XAttribute("x1", SvgPages.F(x)), new System.Xml.Linq.XAttribute("x2", SvgPages.F(x + width)),
            new System.Xml.Linq.XAttribute("y1", SvgPages.F(Yof(tv))), new System.Xml.Linq.XAttribute("y2", SvgPages.F(Yof(tv))),
            new System.Xml.Linq.XAttribute("stroke", Bad), new System.Xml.Linq.XAttribute("stroke-width", "0.6"), new System.Xml.Linq.XAttribute("stroke-dasharray", "2 2")));
        var points = values.Select((v, i) => (X: x + (values.Count == 1 ? width / 2 : i * width / (values.Count - 1)), Y: Yof(v))).ToArray();
        p.Stroke(Teal, 1.2, points);
        p.Dot(points[^1].X, points[^1].Y, 1.8, Teal);
    }

    private static void Grid(SvgPages p, ImportancePerformanceGrid grid)
    {
        const double height = 230;
        Heading(p, "Importance–performance grid", height + 60);
        var (left, top, width) = (p.Margin + 30, p.Y, p.Width - 40);
        double X(double score) => left + (score - 1) / 9 * width;
        double Y(int relevance) => top + height - (relevance - 0.5) / 5 * height;
        p.Rect(left, top, X(GoodFromScore) - left, Y(ImportantFromRelevance) - top + height / 10, "#fef2f2");
        p.Rect(X(GoodFromScore), top, left + width - X(GoodFromScore), Y(ImportantFromRelevance) - top + height / 10, "#f0fdf4");
        p.Rect(left, top, width, height, "none", Line);
        p.Line(left + 4, top + 11, $"Concentrate here · {grid.Quadrants.ConcentrateHere}", 8, Bad, bold: true);
        p.Line(left + width - 4, top + 11, $"Keep up the good work · {grid.Quadrants.KeepUpTheGoodWork}", 8, Good, bold: true, anchor: "end");
        p.Line(left + 4, top + height - 5, $"Low priority · {grid.Quadrants.LowPriority}", 8, Muted, bold: true);
        p.Line(left + width - 4, top + height - 5, $"Possible overkill · {grid.Quadrants.PossibleOverkill}", 8, "#92400e", bold: true, anchor: "end");
        for (var r = 1; r <= 5; r++) p.Line(left - 6, Y(r) + 3, $"{r}", 8, Muted, anchor: "end");
        for (var s = 1; s <= 10; s++) p.Line(X(s), top + height + 11, $"{s}", 8, Muted, anchor: "middle");
        p.Line(left - 28, top - 4, "relevance", 7, Muted);
        p.Line(left + width, top + height + 22, "current score", 7, Muted, anchor: "end");
        foreach (var cell in grid.Cells)
            p.Dot(X(cell.Score), Y(cell.Relevance), Math.Min(9, 3 + Math.Sqrt(cell.Touchpoints) * 1.5),
                cell.Quadrant switch { Quadrant.ConcentrateHere => "#dc2626", Quadrant.KeepUpTheGoodWork => "#16a34a", Quadrant.PossibleOverkill => "#d97706", _ => "#64748b" });
        p.Y += height + 30;
    }

    private static void Worst(SvgPages p, ImportancePerformanceGrid grid)
    {
        Heading(p, "Touchpoints to concentrate on (relevant, scoring lowest)", 80);
        foreach (var t in grid.ConcentrateHere)
        {
            p.Need(14);
            p.Line(p.Margin, p.Y + 10, t.Name, 9, Ink, width: p.Width - 140);
            p.Line(p.Margin + p.Width - 130, p.Y + 10, $"score {Wording.Number(t.Score, "0.0")} · relevance {t.Relevance}", 9, Bad);
            p.Y += 14;
        }
        if (grid.ConcentrateHere.Count == 0) { p.Line(p.Margin, p.Y + 10, "None: every relevant touchpoint scores 5.5 or more.", 9, Muted); p.Y += 14; }
    }

    private static void Overdue(SvgPages p, IReadOnlyList<Improvement> overdue, IReadOnlyDictionary<Guid, string> owners, DateOnly today)
    {
        Heading(p, $"Overdue actions · {overdue.Count}", 80);
        foreach (var a in overdue)
        {
            var owner = a.OwnerId is { } o ? owners.GetValueOrDefault(o, "no owner") : "no owner";
            var late = today.DayNumber - a.DueOn!.Value.DayNumber;
            p.Need(14);
            p.Line(p.Margin, p.Y + 10, a.Title, 9, Ink, width: p.Width - 230);
            p.Line(p.Margin + p.Width - 220, p.Y + 10, $"{owner} · due {a.DueOn:yyyy-MM-dd} · {late} day{(late == 1 ? "" : "s")} late", 9, Bad, width: 220);
            p.Y += 14;
        }
        if (overdue.Count == 0) { p.Line(p.Margin, p.Y + 10, "None.", 9, Muted); p.Y += 14; }
    }
}
