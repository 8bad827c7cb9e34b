using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;
using Waymark.Domain.Improvements;
using Waymark.Domain.Journeys;
using Waymark.Web.Features;
using Waymark.Web.Features.Journeys;
using Waymark.Web.Features.Journeys.Layout;

namespace Waymark.Web.Components.Pages.Journeys;

/// <summary>
/// The cells of the map's lanes that do not react to clicks (texts, backstage, highlights, KPIs, ideas and actions,
/// touchpoint chips, the emotion curve), as one piece of HTML per lane row instead of thousands of render frames per
/// page. Built once per <see cref="MapView"/>, which every page of a map shares after a change, and a row whose HTML
/// did not change keeps the very string the pages already hold, so an open page costs a reference per lane and an
/// edit re-renders only the rows whose HTML changed. All text of users is HTML-encoded here.
/// </summary>
public static class MapLaneMarkup
{
    private static readonly ConditionalWeakTable<MapView, Built> ByView = new();
    // The rows last built per map, to hand out the same strings again: pages that load a map each read their own view.
    private static readonly ConcurrentDictionary<Guid, WeakReference<string?[]>> Latest = new();

    private sealed record Built(string Link, string?[] Rows);

    /// <summary>
    /// The cells of each row of <see cref="MapView.Layout"/>'s lanes, in order, with the filler cell at the end; null for the
    /// customer actions lane, whose cells are buttons (drawn by <see cref="MapLaneRow"/>). <paramref name="link"/> starts the
    /// workspace's links ("/w/demo/").
    /// </summary>
    public static IReadOnlyList<string?> Rows(MapView view, string link)
    {
        // Pages of one map render side by side: GetValue hands every caller the one set of rows that got into the table,
        // so two pages that built a view's rows at the same moment still hold the same strings.
        var built = ByView.GetValue(view, v => new Built(link, Share(v, link)));
        if (built.Link != link)
        {
            built = new Built(link, Share(view, link));
            ByView.AddOrUpdate(view, built);
        }
        if (!Latest.TryGetValue(view.Map.Id, out var latest) || !latest.TryGetTarget(out var rows) || rows != built.Rows)
            Latest[view.Map.Id] = new WeakReference<string?[]>(built.Rows);
        return built.Rows;
    }

    /// <summary>The rows of the view, each the very string of the map's last rows where its HTML did not change.</summary>
    private static string?[] Share(MapView view, string link)
    {
        var rows = Build(view, link);
        if (Latest.TryGetValue(view.Map.Id, out var weak) && weak.TryGetTarget(out var known))
            for (var i = 0; i < rows.Length; i++)
                if (rows[i] is { } row && Array.Find(known, k => k == row) is { } same) rows[i] = same;
        return rows;
    }

    private static string?[] Build(MapView view, string link)
    {
        var layout = view.Layout;
        var departments = view.Departments.ToDictionary(d => d.Id, d => d.Name);
        var rows = new string?[layout.Lanes.Count];
        var html = new StringBuilder();
        for (var r = 0; r < rows.Length; r++)
        {
            var row = layout.Lanes[r];
            // The customer actions are buttons (MapLaneRow), the evidence comes from events (EvidenceMarkup).
            if (row.Lane is JourneyLanes.Actions or JourneyLanes.Evidence) continue;
            html.Clear();
            if (row.IsChannelsWithoutTouchpoints)
                html.Append($"<div class=\"wm-cell wm-muted wm-small\" role=\"cell\" style=\"grid-column: span {layout.Columns.Count + 1}\">No touchpoints attached yet. Open a step to attach touchpoints; each channel gets its own lane.</div>");
            else if (row.IsEmotion)
                html.Append($"<div class=\"wm-cell wm-emotion-cell\" role=\"cell\" style=\"grid-column: span {layout.Columns.Count + 1}; height:{F(layout.Emotion.Height)}px\" data-lane=\"emotion\">")
                    .Append(EmotionSvg(layout.Emotion)).Append("</div>");
            else
            {
                var lane = row.IsChannel ? $"channel:{row.Title}" : row.Lane;
                foreach (var column in layout.Columns)
                {
                    html.Append($"<div class=\"wm-cell\" role=\"cell\" data-lane=\"{E(lane)}\">");
                    if (column.Step is { } step)
                    {
                        if (row.IsChannel) Chips(html, row, step, link);
                        else Cell(html, row.Lane, step, view, departments, link);
                    }
                    html.Append("</div>");
                }
                html.Append("<div class=\"wm-cell wm-filler\" role=\"cell\"></div>");
            }
            rows[r] = html.ToString();
        }
        return rows;
    }

    private static void Chips(StringBuilder html, MapLane row, StepResponse step, string link)
    {
        html.Append("<div class=\"wm-chips\">");
        foreach (var chip in row.Chips(step))
            html.Append($"<a class=\"wm-chip {chip.Colours.CssClass}\" href=\"{E($"{link}touchpoints/{chip.Touchpoint.Id}")}\" title=\"{E(chip.Title)}\"><span>{E(chip.Touchpoint.Name)}</span> <b>{E(chip.Score)}</b></a>");
        html.Append("</div>");
    }

    private static void Cell(StringBuilder html, string lane, StepResponse s, MapView view, Dictionary<Guid, string> departments, string link)
    {
        switch (lane)
        {
            case JourneyLanes.Thoughts: html.Append(E(s.ThoughtsAndMotivation)); break;
            case JourneyLanes.Questions: html.Append(E(s.Questions)); break;
            case JourneyLanes.Obstacles: html.Append(E(s.Obstacles)); break;
            case JourneyLanes.Backstage:
                if (s.BackstageDepartmentId is { } d) html.Append(E(departments.GetValueOrDefault(d)));
                if (s.WaitingMinutes is { } w)
                    html.Append("<div class=\"wm-muted wm-small\" data-testid=\"step-waiting\">").Append(Hourglass)
                        .Append($" waits {E(Waymark.Analytics.Reporting.Durations.Minutes(w))}</div>");
                break;
            case JourneyLanes.Highlights:
                // As the Flags component draws them.
                if (s.IsMomentOfTruth) html.Append("<span class=\"wm-tag wm-tag-mot\" title=\"Moment of truth\">★ Moment of truth</span>");
                if (s.IsPainPoint) html.Append("<span class=\"wm-tag wm-tag-pain\" title=\"Pain point\">⚠ Pain point</span>");
                if (s.IsBrandSuccessPoint) html.Append("<span class=\"wm-tag wm-tag-success\" title=\"Brand success point\">✓ Brand success</span>");
                break;
            case JourneyLanes.Kpis:
                foreach (var k in view.KpisByStep.GetValueOrDefault(s.Id) ?? [])
                {
                    var meets = k.MeetsTarget == true ? "wm-good" : k.MeetsTarget == false ? "wm-bad" : "wm-flat";
                    html.Append($"<div class=\"wm-kpi\" title=\"{E($"{k.Name}: actual {Wording.Number(k.Actual)} {k.Unit}, target {Wording.Number(k.Target)}")}\">")
                        .Append($"<a href=\"{E($"{link}kpis?kpi={k.Id}")}\">{E(k.Name)}</a> ")
                        .Append($"<span class=\"{meets}\">{E(Wording.Number(k.Actual))} / {E(Wording.Number(k.Target))}</span></div>");
                }
                break;
            case JourneyLanes.Improvements:
                foreach (var i in view.ImprovementsByStep.GetValueOrDefault(s.Id) ?? [])
                {
                    var title = $"{Wording.Words(i.Kind)} · {Wording.Words(i.Status)}{(i.Owner is null ? "" : " · " + i.Owner)}{(i.Overdue ? " · overdue" : "")}";
                    html.Append($"<a class=\"wm-idea {(i.Kind == ImprovementKind.Action ? "wm-action" : "")} {(i.Overdue ? "wm-overdue" : "")}\" href=\"{E(link + "actions")}\" title=\"{E(title)}\">")
                        .Append(i.Kind == ImprovementKind.Idea ? "Idea: " : "").Append(E(i.Title)).Append("</a>");
                }
                break;
        }
    }

    /// <summary>The waiting time's hourglass, as MudBlazor's small icon draws it.</summary>
    private static readonly string Hourglass =
        "<svg class=\"mud-icon-root mud-svg-icon mud-icon-size-small\" style=\"font-size:1em;vertical-align:-0.125em\" focusable=\"false\" viewBox=\"0 0 24 24\" role=\"img\" aria-hidden=\"true\">"
        + MudBlazor.Icons.Material.Outlined.HourglassEmpty + "</svg>";

    /// <summary>The emotion curve as SVG markup: its levels, its line and a point with its value per step.</summary>
    private static string EmotionSvg(MapEmotionLane emotion)
    {
        var svg = new StringBuilder();
        svg.Append($"<svg width=\"{F(emotion.Width)}\" height=\"{F(emotion.Height)}\" role=\"img\" aria-label=\"{E(emotion.Summary)}\">");
        foreach (var (level, levelY) in MapEmotionLane.Levels)
            svg.Append($"<line x1=\"0\" x2=\"{F(emotion.Width)}\" y1=\"{F(levelY)}\" y2=\"{F(levelY)}\" stroke=\"{(level == 0 ? "#aab4c0" : "#eef1f5")}\" stroke-dasharray=\"{(level == 0 ? "4 4" : "none")}\"></line>");
        svg.Append($"<path d=\"{E(emotion.Path())}\" fill=\"none\" stroke=\"#0f5f73\" stroke-width=\"3\" stroke-linecap=\"round\"></path>");
        foreach (var point in emotion.Points)
            svg.Append($"<g class=\"wm-emotion-point\" data-emotion=\"{point.Emotion}\">")
                .Append($"<circle cx=\"{F(point.X)}\" cy=\"{F(point.Y)}\" r=\"7\" fill=\"{E(point.Colour)}\" stroke=\"#1d2733\" stroke-width=\"1.5\"><title>{E(point.Title)}</title></circle>")
                .Append($"<text x=\"{F(point.X + 12)}\" y=\"{F(point.Y + 4.5)}\" font-size=\"12\" font-weight=\"700\" fill=\"#1d2733\" stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\">{E(point.Label)}</text></g>");
        return svg.Append("</svg>").ToString();
    }

    private static string F(double v) => EmotionLine.F(v);

    private static string E(string? text) => System.Net.WebUtility.HtmlEncode(text ?? "");
}
