using System.Globalization;
using System.Net;
using System.Text;
using Waymark.Analytics.Metrics;

namespace Waymark.Analytics.Reporting;

/// <summary>
/// A self-contained HTML report (inline CSS and SVG, no script, nothing fetched): summary, DFG, Sankey, channel-switch
/// heatmap, top variants, KPIs and conformance. Every string taken from the log is HTML-encoded, in text and attributes.
/// </summary>
public static class HtmlReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Render(AnalysisReport r, string title)
    {
        var h = new StringBuilder(1 << 16);
        h.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">");
        h.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">");
        h.Append("<title>").Append(E(title)).Append("</title><style>")
         .Append("body{font:14px system-ui,sans-serif;margin:24px;color:#1d2433;background:#fff}h1{font-size:22px}h2{font-size:17px;margin-top:32px;border-bottom:1px solid #dde}")
         .Append(".cards{display:flex;flex-wrap:wrap;gap:12px}.card{border:1px solid #dde;border-radius:8px;padding:10px 14px;min-width:120px}.card b{display:block;font-size:20px}")
         .Append("table{border-collapse:collapse;margin:8px 0}td,th{border-bottom:1px solid #eef;padding:3px 10px;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}")
         .Append(".chip{display:inline-block;background:#eef3ff;border-radius:4px;padding:1px 6px;margin:1px}svg text{font:11px system-ui,sans-serif}svg text.edge{font-size:10px;fill:#374151;paint-order:stroke;stroke:#fff;stroke-width:3px}")
         .Append(".note{color:#4b5563;font-size:12px}.scroll{overflow-x:auto;border:1px solid #eef;border-radius:6px}")
         .Append("</style></head><body>");
        h.Append("<h1>").Append(E(title)).Append("</h1>");
        Summary(h, r);
        h.Append("<h2>Directly-follows graph</h2>");
        Dfg(h, r);
        h.Append("<h2>Journey flow (Sankey, first steps)</h2>");
        Sankey(h, r.Sankey, "Sankey diagram");
        h.Append("<h2>Channel switches</h2>");
        Heatmap(h, r);
        h.Append("<h2>Top variants</h2>");
        Variants(h, r);
        h.Append("<h2>Touchpoints</h2>");
        Touchpoints(h, r);
        if (r.Funnel is { } f)
        {
            h.Append("<h2>Funnel</h2><table><tr><th>step</th><th>reached</th><th>drop-off</th><th>rate</th></tr>");
            foreach (var s in f.Steps) h.Append($"<tr><td>{E(s.Touchpoint)}</td><td class=n>{s.Reached:N0}</td><td class=n>{s.DropOff:N0}</td><td class=n>{s.DropOffRate:P1}</td></tr>");
            h.Append("</table>");
        }
        if (r.Conformance is { } c)
        {
            h.Append("<h2>Conformance to the designed journey</h2>");
            h.Append($"<p>{c.ConformanceRate:P1} of journeys fit the map exactly; average fitness {c.AverageFitness:F3} over {c.Steps} steps.</p>");
            h.Append("<table><tr><th>deviation</th><th>subject</th><th>journeys</th></tr>");
            foreach (var d in c.Deviations.Take(20)) h.Append($"<tr><td>{E(d.Kind.ToString())}</td><td>{E(d.Subject)}</td><td class=n>{d.Count:N0}</td></tr>");
            h.Append("</table>");
        }
        h.Append("</body></html>");
        return h.ToString();
    }

    /// <summary>
    /// The directly-follows graph alone, as an HTML fragment (a scrolling <c>div.scroll</c> with an inline SVG, a
    /// <c>p.note</c> and the edge table), for pages that show it inside their own layout. Every string taken from the
    /// log is HTML-encoded, so the fragment can be inserted as markup. With <paramref name="edgeLink"/>, every edge —
    /// in the drawing and in the table — is a link to the address it gives (a drill-down).
    /// </summary>
    public static string DirectlyFollowsGraph(AnalysisReport r, Func<DfgEdge, string>? edgeLink = null)
    {
        var h = new StringBuilder(1 << 14);
        Dfg(h, r, edgeLink);
        return h.ToString();
    }

    /// <summary>
    /// A Sankey diagram of flows as an inline SVG fragment, the flows from step 1 to 6 (later ones are left out), named
    /// <paramref name="label"/> for screen readers. Every name is HTML-encoded.
    /// </summary>
    public static string SankeyDiagram(IReadOnlyList<SankeyFlow> flows, string label)
    {
        var h = new StringBuilder(1 << 13);
        Sankey(h, flows, label);
        return h.ToString();
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);
    private static string F(double d) => d.ToString("0.#", Inv);

    private static string Duration(double seconds) => Durations.Words(seconds);

    private static void Summary(StringBuilder h, AnalysisReport r)
    {
        void Card(string label, string value) => h.Append("<div class=card>").Append(E(label)).Append("<b>").Append(E(value)).Append("</b></div>");
        h.Append("<div class=cards>");
        Card("journeys", r.Cases.ToString("N0", Inv));
        Card("events", r.Events.ToString("N0", Inv));
        Card("touchpoints", r.Activities.Count.ToString(Inv));
        Card("variants", r.Variants.Count.ToString("N0", Inv));
        Card("channel switch rate", r.ChannelSwitches.SwitchRate.ToString("P1", Inv));
        if (r.RepeatContacts.Rate is { } repeat) Card("repeat contacts", repeat.ToString("P1", Inv));
        if (r.Kpis.FirstContactResolution.Rate is { } fcr) Card("first-contact resolution", fcr.ToString("P1", Inv));
        if (r.Kpis.Csat is { } csat) Card("CSAT", csat.Mean.ToString("0.00", Inv));
        if (r.Kpis.Nps is { } nps) Card("NPS", nps.Score.ToString("0", Inv));
        if (r.Kpis.Ces is { } ces) Card("CES", ces.Mean.ToString("0.00", Inv));
        if (r.JourneyDuration is { } d) Card("median journey", Duration(d.MedianSeconds));
        if (r.Conformance is { } c) Card("conforming journeys", c.ConformanceRate.ToString("P1", Inv));
        h.Append("</div>");
        // First-contact resolution and repeat contacts mean little without knowing what counted as a contact.
        var contacts = r.Kpis.FirstContactResolution;
        h.Append("<p class=note>").Append(E(contacts.Definition.Description)).Append(' ')
         .Append(E(contacts.ContactJourneys switch
         {
             0 => "No journey had a service contact.",
             1 => "1 journey had a service contact",
             var n => $"{n.ToString("N0", Inv)} journeys had a service contact",
         }));
        if (contacts.ContactJourneys > 0)
            h.Append(E($"; a repeat is a service contact within {Duration(r.RepeatContacts.WindowSeconds)} of the previous one."));
        h.Append("</p>");
    }

    /// <summary>
    /// Layered drawing of the most frequent edges (see <see cref="DfgLayout"/>): forward edges run left to right, back
    /// edges arc below, self-loops sit on the node; the most frequent edges carry their count and median time where
    /// the label covers no box and no other label, every edge has them in its tooltip and in the table under the drawing.
    /// </summary>
    private static void Dfg(StringBuilder h, AnalysisReport r, Func<DfgEdge, string>? link = null)
    {
        if (r.Dfg.Count == 0) { h.Append("<p>No transitions.</p>"); return; }
        var layout = new DfgLayout(r);
        var edges = layout.Edges;
        var counts = r.Activities.ToDictionary(a => a.Name, a => a.Count);
        var max = edges.Max(e => e.Data.Count);
        double Width(DfgEdge e) => 1 + 7.0 * e.Count / max;
        string Tip(DfgEdge e) => $"{e.From} → {e.To}: {(e.Count == 1 ? "once" : $"{e.Count:N0} times")}, median {Duration(e.MedianSeconds)}, 90 % within {Duration(e.P90Seconds)}";

        // Full size in a scrolling box that the keyboard can reach: a long process stays legible instead of shrinking to fit.
        h.Append("<div class=scroll tabindex=\"0\" role=\"region\" aria-label=\"Which touchpoint follows which (scrolls; use the arrow keys)\">");
        // Links inside an image would be hidden from screen readers: with links the drawing is a group.
        h.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{F(layout.Width)}\" height=\"{F(layout.Height)}\" role=\"{(link is null ? "img" : "group")}\" aria-label=\"directly-follows graph\">");
        h.Append("<defs><marker id=\"arr\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"9\" markerHeight=\"9\" markerUnits=\"userSpaceOnUse\" orient=\"auto\"><path d=\"M0,0L10,5L0,10z\" fill=\"#5b6b9a\"/></marker></defs>");
        var labels = new StringBuilder();
        foreach (var edge in edges)
        {
            var e = edge.Data;
            if (link is not null) h.Append("<a href=\"").Append(E(link(e))).Append("\" aria-label=\"").Append(E(Tip(e))).Append("\">");
            h.Append($"<path d=\"{edge.Path}\" fill=\"none\" stroke=\"#5b6b9a\" stroke-opacity=\".55\" stroke-width=\"{F(Width(e))}\" marker-end=\"url(#arr)\">");
            h.Append("<title>").Append(E(Tip(e))).Append("</title></path>");
            if (link is not null) h.Append("</a>");
            if (edge.LabelBox is { } b)
                labels.Append($"<text x=\"{F(b.X + b.W / 2)}\" y=\"{F(b.Y + b.H - 3)}\" text-anchor=\"middle\" class=\"edge\">").Append(E(edge.Label!)).Append("</text>");
        }
        foreach (var node in layout.Nodes)
        {
            var (name, x, y) = (node.Name, node.X, node.Y);
            h.Append($"<g><rect x=\"{F(x)}\" y=\"{F(y)}\" width=\"{F(DfgLayout.NodeW)}\" height=\"{F(DfgLayout.NodeH)}\" rx=\"6\" fill=\"#eef3ff\" stroke=\"#4b5d9a\"/>");
            var label = name.Length > 22 ? name[..21] + "…" : name;
            h.Append($"<text x=\"{F(x + 8)}\" y=\"{F(y + 19)}\">").Append(E(label)).Append($" <tspan fill=\"#4b5563\">{counts.GetValueOrDefault(name):N0}</tspan></text>");
            h.Append("<title>").Append(E($"{name}: {counts.GetValueOrDefault(name):N0} events")).Append("</title></g>");
        }
        h.Append(labels).Append("</svg></div>");
        var labelled = edges.Count(e => e.LabelBox is not null);
        h.Append($"<p class=note>Edge thickness is frequency; labels on {labelled} of the most frequent edges (where they cover nothing) say how often and the median time between the two touchpoints.");
        if (r.Dfg.Count > edges.Count) h.Append($" The drawing shows the {edges.Count} most frequent of {r.Dfg.Count} edges.");
        h.Append("</p><details><summary>All edges as a table</summary><table><tr><th>from</th><th>to</th><th>times</th><th>median</th><th>90th percentile</th></tr>");
        foreach (var e in r.Dfg)
        {
            var times = link is null ? $"{e.Count:N0}" : $"<a href=\"{E(link(e))}\">{e.Count:N0}</a>";
            h.Append($"<tr><td>{E(e.From)}</td><td>{E(e.To)}</td><td class=n>{times}</td><td class=n>{Duration(e.MedianSeconds)}</td><td class=n>{Duration(e.P90Seconds)}</td></tr>");
        }
        h.Append("</table></details>");
    }

    private static void Sankey(StringBuilder h, IReadOnlyList<SankeyFlow> all, string label)
    {
        var flows = all.Where(f => f.Step <= 6).ToList();
        if (flows.Count == 0) { h.Append("<p>No flows.</p>"); return; }
        var steps = flows.Max(f => f.Step) + 1;
        // Node size per (position, activity) = max(in, out).
        var size = new Dictionary<(int, string), long>();
        foreach (var f in flows)
        {
            size[(f.Step, f.From)] = size.GetValueOrDefault((f.Step, f.From)) + f.Count;
        }
        var inflow = new Dictionary<(int, string), long>();
        foreach (var f in flows) inflow[(f.Step + 1, f.To)] = inflow.GetValueOrDefault((f.Step + 1, f.To)) + f.Count;
        foreach (var (k, v) in inflow) size[k] = Math.Max(size.GetValueOrDefault(k), v);
        const double height = 420, colW = 170, nodeW = 12, gap = 6;
        var total = Enumerable.Range(1, steps).Max(s => size.Where(kv => kv.Key.Item1 == s).Sum(kv => kv.Value));
        var scale = (height - 10 * gap) / Math.Max(1, total);
        var y = new Dictionary<(int, string), double>();
        for (var s = 1; s <= steps; s++)
        {
            var at = 10.0;
            foreach (var kv in size.Where(kv => kv.Key.Item1 == s).OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key.Item2, StringComparer.Ordinal))
            {
                y[kv.Key] = at;
                at += kv.Value * scale + gap;
            }
        }
        var outOff = new Dictionary<(int, string), double>();
        var inOff = new Dictionary<(int, string), double>();
        h.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{F(steps * colW + 160)}\" height=\"{F(height + 40)}\" role=\"img\" aria-label=\"").Append(E(label)).Append("\">");
        foreach (var f in flows.OrderByDescending(f => f.Count))
        {
            var a = (f.Step, f.From);
            var b = (f.Step + 1, f.To);
            var w = f.Count * scale;
            var y1 = y[a] + outOff.GetValueOrDefault(a) + w / 2;
            var y2 = y[b] + inOff.GetValueOrDefault(b) + w / 2;
            outOff[a] = outOff.GetValueOrDefault(a) + w;
            inOff[b] = inOff.GetValueOrDefault(b) + w;
            var x1 = 10 + (f.Step - 1) * colW + nodeW;
            var x2 = 10 + f.Step * colW;
            var mx = (x1 + x2) / 2;
            h.Append($"<path d=\"M{F(x1)},{F(y1)} C{F(mx)},{F(y1)} {F(mx)},{F(y2)} {F(x2)},{F(y2)}\" fill=\"none\" stroke=\"#9fb3e8\" stroke-opacity=\".55\" stroke-width=\"{F(Math.Max(1, w))}\">");
            h.Append("<title>").Append(E($"step {f.Step}: {f.From} → {f.To}: {f.Count:N0}")).Append("</title></path>");
        }
        foreach (var ((s, name), top) in y)
        {
            var x = 10 + (s - 1) * colW;
            var hgt = Math.Max(2, size[(s, name)] * scale);
            h.Append($"<rect x=\"{F(x)}\" y=\"{F(top)}\" width=\"{nodeW}\" height=\"{F(hgt)}\" fill=\"#4b5d9a\"><title>").Append(E($"{name} at step {s}: {size[(s, name)]:N0}")).Append("</title></rect>");
            if (hgt >= 10) h.Append($"<text x=\"{F(x + nodeW + 3)}\" y=\"{F(top + Math.Min(hgt, 24) / 2 + 4)}\">").Append(E(name.Length > 24 ? name[..23] + "…" : name)).Append("</text>");
        }
        h.Append("</svg>");
    }

    private static void Heatmap(StringBuilder h, AnalysisReport r)
    {
        var s = r.ChannelSwitches;
        var channels = s.Channels.Where(c => c.Length > 0).ToList();
        if (channels.Count == 0) { h.Append("<p>The events carry no channel.</p>"); return; }
        h.Append($"<p>{s.Switches:N0} switches, {s.SwitchRate:P1} of consecutive contacts. Cell: rate of moving from the row's channel to the column's (count in the tooltip).</p>");
        const int cell = 64, left = 110, top = 90;
        h.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{left + channels.Count * cell + 10}\" height=\"{top + channels.Count * cell + 10}\" role=\"img\" aria-label=\"channel switch heatmap\">");
        for (var j = 0; j < channels.Count; j++)
            h.Append($"<text transform=\"translate({left + j * cell + cell / 2},{top - 6}) rotate(-40)\">").Append(E(channels[j])).Append("</text>");
        for (var i = 0; i < channels.Count; i++)
        {
            h.Append($"<text x=\"4\" y=\"{top + i * cell + cell / 2 + 4}\">").Append(E(channels[i])).Append("</text>");
            for (var j = 0; j < channels.Count; j++)
            {
                var c = s.Matrix.FirstOrDefault(m => m.From == channels[i] && m.To == channels[j]);
                var rate = c?.Rate ?? 0;
                var light = (int)(97 - rate * 55);
                h.Append($"<rect x=\"{left + j * cell}\" y=\"{top + i * cell}\" width=\"{cell - 2}\" height=\"{cell - 2}\" fill=\"hsl(225,60%,{light}%)\"><title>")
                 .Append(E($"{channels[i]} → {channels[j]}: {c?.Count ?? 0:N0} ({rate:P1})")).Append("</title></rect>");
                h.Append($"<text x=\"{left + j * cell + 8}\" y=\"{top + i * cell + cell / 2 + 4}\" fill=\"{(light < 65 ? "#fff" : "#1d2433")}\">{rate * 100:0}%</text>");
            }
        }
        h.Append("</svg>");
        if (s.Triggers.Count > 0)
        {
            h.Append("<p>Touchpoints right before a switch: ");
            h.Append(string.Join(", ", s.Triggers.Take(8).Select(t => $"<span class=chip>{E(t.Name)} {t.Count:N0}</span>")));
            h.Append("</p>");
        }
    }

    private static void Variants(StringBuilder h, AnalysisReport r)
    {
        h.Append("<table><tr><th>#</th><th>journeys</th><th>share</th><th>path</th></tr>");
        var i = 0;
        foreach (var v in r.Variants.Take(15))
        {
            var bar = (int)Math.Round(120 * v.Share / Math.Max(1e-9, r.Variants[0].Share));
            h.Append($"<tr><td class=n>{++i}</td><td class=n>{v.Count:N0}</td><td><svg width=\"124\" height=\"10\"><rect width=\"{bar}\" height=\"10\" fill=\"#4b5d9a\"/></svg> {v.Share:P1}</td><td>");
            foreach (var a in v.Activities.Take(30)) h.Append("<span class=chip>").Append(E(a)).Append("</span>");
            if (v.Activities.Count > 30) h.Append($" … {v.Activities.Count - 30} more");
            h.Append("</td></tr>");
        }
        h.Append("</table>");
    }

    private static void Touchpoints(StringBuilder h, AnalysisReport r)
    {
        var times = r.Times.ByTouchpoint.ToDictionary(t => t.Name);
        var kpis = r.Kpis.ByTouchpoint.ToDictionary(k => k.Touchpoint);
        var repeats = r.RepeatContacts.ByTouchpoint.ToDictionary(x => x.Name, x => x.Count);
        h.Append("<table><tr><th>touchpoint</th><th>events</th><th>mean wait</th><th>mean handling</th><th>repeats</th><th>CSAT</th><th>NPS</th><th>CES</th></tr>");
        foreach (var a in r.Activities)
        {
            times.TryGetValue(a.Name, out var t);
            kpis.TryGetValue(a.Name, out var k);
            h.Append("<tr><td>").Append(E(a.Name)).Append($"</td><td class=n>{a.Count:N0}</td>")
             .Append($"<td class=n>{(t?.MeanWaitingSeconds is { } w ? Duration(w) : "–")}</td><td class=n>{(t?.MeanHandlingSeconds is { } hs ? Duration(hs) : "–")}</td>")
             .Append($"<td class=n>{repeats.GetValueOrDefault(a.Name):N0}</td>")
             .Append($"<td class=n>{(k?.Csat is { } c ? c.Mean.ToString("0.00", Inv) : "–")}</td><td class=n>{(k?.Nps is { } n ? n.Score.ToString("0", Inv) : "–")}</td><td class=n>{(k?.Ces is { } e ? e.Mean.ToString("0.00", Inv) : "–")}</td></tr>");
        }
        h.Append("</table>");
    }
}
