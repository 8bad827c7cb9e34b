using Waymark.Analytics.Metrics;

namespace Waymark.Analytics.Reporting;

/// <summary>
/// Where the directly-follows graph puts its boxes, edges and edge labels. Back edges are found by a depth-first walk
/// from the start touchpoints (most frequent first) and set aside, so the rest is acyclic; a node's column is then its
/// longest path from a start, and the order within a column follows its predecessors (barycentres), which keeps
/// crossings down. Columns are spaced so that a label fits between two boxes; each label then takes the first place
/// along its edge that covers no box and no label placed before it (the most frequent edges choose first), and an edge
/// that finds none goes without a label (its count and time stay in its tooltip and the table).
/// </summary>
internal sealed class DfgLayout
{
    public const double NodeW = 190, NodeH = 30, RowH = 64, Top = 36, Left = 20, LabelH = 13, CharW = 6.2;

    public sealed record Node(string Name, double X, double Y)
    {
        public Box Box => new(X, Y, NodeW, NodeH);
    }

    public readonly record struct Box(double X, double Y, double W, double H)
    {
        public bool Overlaps(Box o) => X < o.X + o.W && o.X < X + W && Y < o.Y + o.H && o.Y < Y + H;
    }

    public sealed record Edge(DfgEdge Data, string Path, string? Label, Box? LabelBox);

    public IReadOnlyList<Node> Nodes { get; }
    public IReadOnlyList<Edge> Edges { get; }
    public double Width { get; }
    public double Height { get; }

    public DfgLayout(AnalysisReport r, int maxEdges = 60, int maxLabels = 12)
    {
        var edges = r.Dfg.Take(maxEdges).ToList();
        var counts = r.Activities.ToDictionary(a => a.Name, a => a.Count);
        var names = edges.SelectMany(e => new[] { e.From, e.To }).Distinct()
            .OrderByDescending(n => counts.GetValueOrDefault(n)).ThenBy(n => n, StringComparer.Ordinal).ToList();
        var outgoing = names.ToDictionary(n => n, n => edges.Where(e => e.From == n && e.To != n).OrderByDescending(e => e.Count).ToList());

        // 1. Back edges: depth-first from the starts, without recursion (a long process must not exhaust the stack).
        var back = new HashSet<(string, string)>();
        var state = new Dictionary<string, int>(); // 1 on the stack, 2 done
        void Visit(string root)
        {
            var stack = new Stack<(string Node, int Next)>();
            state[root] = 1;
            stack.Push((root, 0));
            while (stack.Count > 0)
            {
                var (n, next) = stack.Pop();
                var outs = outgoing[n];
                if (next == outs.Count) { state[n] = 2; continue; }
                stack.Push((n, next + 1));
                var e = outs[next];
                if (state.GetValueOrDefault(e.To) == 1) back.Add((e.From, e.To));
                else if (!state.ContainsKey(e.To)) { state[e.To] = 1; stack.Push((e.To, 0)); }
            }
        }
        foreach (var start in r.StartActivities.Select(a => a.Name).Where(outgoing.ContainsKey)) if (!state.ContainsKey(start)) Visit(start);
        foreach (var n in names) if (!state.ContainsKey(n)) Visit(n);
        var forward = edges.Where(e => e.From != e.To && !back.Contains((e.From, e.To))).ToList();

        // 2. Columns: longest path over the forward edges (nodes are few; relax until nothing changes).
        var column = names.ToDictionary(n => n, _ => 0);
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var e in forward)
                if (column[e.To] < column[e.From] + 1) { column[e.To] = column[e.From] + 1; changed = true; }
        }
        var columns = names.GroupBy(n => column[n]).OrderBy(g => g.Key).Select(g => g.ToList()).ToList();

        // 3. Order within columns by the mean row of the predecessors, two sweeps.
        var row = new Dictionary<string, double>();
        foreach (var col in columns) for (var i = 0; i < col.Count; i++) row[col[i]] = i;
        double Barycentre(string n)
        {
            var before = forward.Where(e => e.To == n).ToList();
            return before.Count == 0 ? row[n] : before.Sum(e => row[e.From] * e.Count) / before.Sum(e => (double)e.Count);
        }
        for (var sweep = 0; sweep < 2; sweep++)
            foreach (var col in columns.Skip(1))
            {
                col.Sort((a, b) => Barycentre(a).CompareTo(Barycentre(b)));
                for (var i = 0; i < col.Count; i++) row[col[i]] = i;
            }

        var labelled = edges.Take(maxLabels).ToHashSet();
        var texts = edges.ToDictionary(e => e, e => $"{e.Count:N0} · {Durations.Words(e.MedianSeconds)}");
        var widest = labelled.Count == 0 ? 0 : labelled.Max(e => LabelWidth(texts[e]));
        var colW = NodeW + Math.Max(80, widest + 24);
        var pos = new Dictionary<string, (double X, double Y)>();
        foreach (var col in columns)
            foreach (var n in col) pos[n] = (Left + column[n] * colW, Top + row[n] * RowH);
        Nodes = names.Select(n => new Node(n, pos[n].X, pos[n].Y)).ToList();
        var rows = columns.Max(c => c.Count);
        var bottom = Top + (rows - 1) * RowH + NodeH;
        var backCount = edges.Count(e => e.From != e.To && (back.Contains((e.From, e.To)) || pos[e.To].X <= pos[e.From].X));
        Width = Left * 2 + (columns.Count - 1) * colW + NodeW + 60;
        Height = bottom + 40 + (LabelH + 5) * backCount;

        // 4. Paths, then labels placed most frequent first where they cover nothing.
        var taken = Nodes.Select(n => n.Box).ToList();
        var placed = new List<Edge>();
        var backIndex = 0;
        foreach (var e in edges)
        {
            var (x1, y1) = pos[e.From];
            var (x2, y2) = pos[e.To];
            (double X, double Y)[] curve;
            if (e.From == e.To)
            {
                // A loop over the node's top right corner.
                var cx = x1 + NodeW - 24;
                curve = [(cx, y1), (cx - 4, y1 - 26), (cx + 30, y1 - 26), (cx + 18, y1)];
            }
            else if (back.Contains((e.From, e.To)) || x2 <= x1)
            {
                // Back edges arc under the graph, each a label's height deeper than the one before.
                var depth = bottom + 24 + (LabelH + 5) * backIndex++;
                var sx = x1 + NodeW / 2.0 + 8; var tx = x2 + NodeW / 2.0 - 8;
                curve = [(sx, y1 + NodeH), (sx, depth), (tx, depth), (tx, y2 + NodeH)];
            }
            else
            {
                var sx = x1 + NodeW; var sy = y1 + NodeH / 2.0; var tx = x2 - 2; var ty = y2 + NodeH / 2.0;
                var mx = (sx + tx) / 2;
                curve = [(sx, sy), (mx, sy), (mx, ty), (tx, ty)];
            }
            var path = $"M{F(curve[0].X)},{F(curve[0].Y)} C{F(curve[1].X)},{F(curve[1].Y)} {F(curve[2].X)},{F(curve[2].Y)} {F(curve[3].X)},{F(curve[3].Y)}";
            Box? box = null;
            if (labelled.Contains(e))
            {
                var w = LabelWidth(texts[e]);
                foreach (var t in Along)
                {
                    var (px, py) = Point(curve, t);
                    foreach (var dy in Offsets)
                    {
                        var candidate = new Box(px - w / 2, py + dy - LabelH / 2, w, LabelH);
                        if (candidate.X < 0 || candidate.Y < 0 || candidate.X + w > Width || candidate.Y + LabelH > Height) continue;
                        if (taken.Any(candidate.Overlaps)) continue;
                        box = candidate;
                        break;
                    }
                    if (box is not null) break;
                }
                if (box is { } b) taken.Add(b);
            }
            placed.Add(new Edge(e, path, box is null ? null : texts[e], box));
        }
        Edges = placed;
    }

    // Places along an edge (as a share of the way) and above or below it, tried in this order.
    private static readonly double[] Along = [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.1, 0.9];
    private static readonly double[] Offsets = [-8, 8, -20, 20];

    public static double LabelWidth(string text) => text.Length * CharW + 6;

    private static (double X, double Y) Point((double X, double Y)[] c, double t)
    {
        var u = 1 - t;
        double At(Func<(double X, double Y), double> v) =>
            u * u * u * v(c[0]) + 3 * u * u * t * v(c[1]) + 3 * u * t * t * v(c[2]) + t * t * t * v(c[3]);
        return (At(p => p.X), At(p => p.Y));
    }

    private static string F(double d) => d.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
}
