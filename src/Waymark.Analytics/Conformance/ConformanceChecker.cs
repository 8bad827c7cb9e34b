namespace Waymark.Analytics.Conformance;

/// <summary>
/// Alignment-based conformance of a journey to a designed journey (see docs/analytics.md).
/// The model is the sequence of the map's steps (stage order, then step order). A journey fulfils a step by one visit
/// to it: one or more of the step's touchpoints, in any order, one after the other; a touchpoint of the step after the
/// journey has moved on to another step of the map is a repeat. An optimal alignment of the journey's touchpoints with the steps costs 0 per synchronous move
/// (event fulfils step), 1 per log move (event not matched, including touchpoints the map does not contain) and
/// 1 per model move (step not fulfilled). Fitness = 1 − cost / (events + steps).
/// One checker is not thread-safe (it reuses its buffers); use one per partition.
/// </summary>
public sealed class ConformanceChecker
{
    private readonly string[] _stepNames;
    private readonly string[] _stepStage;
    private readonly int _k;
    private readonly Func<string, int[]> _stepsOfName;
    private int[][] _stepsOfActivity = [];
    private string[] _activityNames = [];
    private int[] _open = new int[1024], _closed = new int[1024];
    private const int Never = int.MaxValue / 4;
    private readonly List<(byte Move, int I, int J)> _moves = [];

    public ConformanceChecker(DesignedJourney journey)
    {
        var names = new List<string>();
        var stages = new List<string>();
        var stepsOfKey = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var stage in journey.Stages)
            foreach (var step in stage.Steps)
            {
                if (step.Touchpoints.Count == 0) continue; // nothing observable can fulfil it
                var index = names.Count;
                names.Add(string.IsNullOrEmpty(step.Name) ? string.Join("/", step.Touchpoints) : step.Name);
                stages.Add(stage.Name);
                foreach (var tp in step.Touchpoints)
                {
                    if (!stepsOfKey.TryGetValue(tp, out var list)) stepsOfKey[tp] = list = [];
                    if (!list.Contains(index)) list.Add(index);
                }
            }
        _stepNames = names.ToArray();
        _stepStage = stages.ToArray();
        _k = names.Count;
        var map = journey.TouchpointMap;
        _stepsOfName = name =>
        {
            var key = map.TryGetValue(name, out var mapped) ? mapped : name;
            return stepsOfKey.TryGetValue(key, out var steps) ? steps.ToArray() : [];
        };
    }

    public int StepCount => _k;

    /// <summary>The checked steps' names and their stages, in map order (step index = position here).</summary>
    internal IReadOnlyList<(string Stage, string Step)> Steps => _stepStage.Zip(_stepNames).ToArray();

    /// <summary>Prepares the activity dictionary of the log being checked (ids are indexes into <paramref name="activityNames"/>).</summary>
    public void Bind(IReadOnlyList<string> activityNames)
    {
        _activityNames = activityNames.ToArray();
        _described = [];
        _stepsOfActivity = new int[_activityNames.Length][];
        for (var a = 0; a < _activityNames.Length; a++) _stepsOfActivity[a] = _stepsOfName(_activityNames[a]);
    }

    /// <summary>Checks a journey given as activity names (convenience; binds its own dictionary).</summary>
    public (int Cost, double Fitness, IReadOnlyList<Deviation> Deviations) Check(IReadOnlyList<string> touchpoints)
    {
        var names = touchpoints.Distinct().ToArray();
        Bind(names);
        var ids = touchpoints.Select(t => Array.IndexOf(names, t)).ToArray();
        var deviations = new List<Deviation>();
        var cost = Check(ids, deviations);
        return (cost, Fitness(cost, ids.Length), deviations);
    }

    public double Fitness(int cost, int events) => events + _k == 0 ? 1.0 : 1.0 - (double)cost / (events + _k);

    private readonly List<int> _codes = [];
    private Deviation?[] _described = [];

    /// <summary>Deviation codes are kind × <see cref="CodeStride"/> + subject (an activity id, or a step index for skipped steps).</summary>
    internal int CodeStride => Math.Max(_activityNames.Length, _k) + 1;

    internal int CodeCount => 4 * CodeStride;

    /// <summary>The deviation a code stands for (built once per code).</summary>
    internal Deviation Describe(int code)
    {
        if (_described.Length != CodeCount) _described = new Deviation?[CodeCount];
        return _described[code] ??= Build(code);

        Deviation Build(int c)
        {
            var kind = (DeviationKind)(c / CodeStride);
            var subject = c % CodeStride;
            return kind switch
            {
                DeviationKind.SkippedStep => new Deviation(kind, _stepNames[subject]),
                DeviationKind.OutOfOrderStage => new Deviation(kind, $"{_activityNames[subject]} ({_stepStage[_stepsOfActivity[subject][0]]})"),
                _ => new Deviation(kind, _activityNames[subject]),
            };
        }
    }

    /// <summary>Aligns the journey (activity ids of the bound dictionary); adds its deviations when a list is given.</summary>
    public int Check(ReadOnlySpan<int> activities, List<Deviation>? deviations)
    {
        if (deviations is null) return Check(activities, (List<int>?)null);
        _codes.Clear();
        var cost = Check(activities, _codes);
        foreach (var code in _codes) deviations.Add(Describe(code));
        return cost;
    }

    /// <summary>Aligns the journey; adds its deviation codes (see <see cref="Describe"/>) when a list is given. Allocates nothing.</summary>
    internal int Check(ReadOnlySpan<int> activities, List<int>? deviations) => Check(activities, deviations, null);

    /// <summary>
    /// Aligns the journey; adds its deviation codes when a list is given, and counts in <paramref name="fulfilled"/>
    /// (by step index) each step the optimal alignment fulfils in place, by a synchronous move.
    /// </summary>
    internal int Check(ReadOnlySpan<int> activities, List<int>? deviations, long[]? fulfilled)
    {
        // Two tables: Open[i][j] = cost of the best alignment of the first i events with the first j steps in which
        // event i is a synchronous move of step j (the journey is in step j: its next touchpoints of step j continue
        // the same visit, at no cost); Closed[i][j] = the same where it is not (a log or model move came last).
        var n = activities.Length;
        var k = _k;
        var w = k + 1;
        var size = (n + 1) * w;
        if (_open.Length < size)
        {
            _open = new int[Math.Max(size, _open.Length * 2)];
            _closed = new int[_open.Length];
        }
        var open = _open;
        var closed = _closed;
        for (var j = 0; j <= k; j++) { closed[j] = j; open[j] = Never; }
        for (var i = 1; i <= n; i++)
        {
            var steps = _stepsOfActivity[activities[i - 1]];
            var openBefore = open.AsSpan(i * w - w, w);
            var closedBefore = closed.AsSpan(i * w - w, w);
            var openRow = open.AsSpan(i * w, w);
            var closedRow = closed.AsSpan(i * w, w);
            if (steps.Length == 0)
            {
                // A touchpoint the map does not contain costs a log move but does not take the journey out of its step.
                openRow[0] = Never;
                closedRow[0] = closedBefore[0] + 1;
                for (var j = 1; j <= k; j++)
                {
                    openRow[j] = openBefore[j] == Never ? Never : openBefore[j] + 1;
                    closedRow[j] = Math.Min(closedBefore[j], Math.Min(openRow[j - 1], closedRow[j - 1])) + 1; // log or model move
                }
                continue;
            }
            // The steps this touchpoint belongs to, ascending: only in their columns can event i be a synchronous move.
            var next = 0;
            var syncColumn = steps[0] + 1;
            openRow[0] = Never;
            closedRow[0] = Math.Min(openBefore[0], closedBefore[0]) + 1;
            var left = closedRow[0];
            for (var j = 1; j <= k; j++)
            {
                var c = Math.Min(Math.Min(openBefore[j], closedBefore[j]), left) + 1; // log move, or model move
                var o = Never;
                if (j == syncColumn)
                {
                    o = Math.Min(openBefore[j], Math.Min(openBefore[j - 1], closedBefore[j - 1])); // same visit, or the next step begins
                    while (++next < steps.Length && steps[next] + 1 <= j) { } // a step listed twice counts once
                    syncColumn = next < steps.Length ? steps[next] + 1 : -1;
                }
                openRow[j] = o;
                closedRow[j] = c;
                left = Math.Min(o, c);
            }
        }
        var cost = Math.Min(open[n * w + k], closed[n * w + k]);
        if (cost == 0 && fulfilled is not null)
            for (var j = 0; j < k; j++) fulfilled[j]++;
        if (cost == 0 || (deviations is null && fulfilled is null)) return cost;

        // Backtrace, preferring synchronous, then log, then model moves; then classify in forward order.
        _moves.Clear();
        int bi = n, bj = k;
        var inStep = open[n * w + k] == cost;
        while (bi > 0 || bj > 0)
        {
            var at = bi * w + bj;
            if (inStep)
            {
                var here = open[at];
                var back = at - w;
                if (_stepsOfActivity[activities[bi - 1]].Length == 0)
                {
                    _moves.Add((1, bi - 1, -1)); // an off-map event inside a step's visit
                    bi--;
                    continue;
                }
                _moves.Add((0, bi - 1, bj - 1));
                bi--;
                if (open[back] == here) continue; // the same visit goes on
                bj--;
                inStep = open[back - 1] == here;
                continue;
            }
            var cost0 = closed[at];
            if (bi > 0)
            {
                var back = at - w;
                var offMap = _stepsOfActivity[activities[bi - 1]].Length == 0;
                if (offMap ? closed[back] + 1 == cost0 : Math.Min(open[back], closed[back]) + 1 == cost0)
                {
                    _moves.Add((1, bi - 1, -1));
                    bi--;
                    inStep = !offMap && open[back] + 1 == cost0;
                    continue;
                }
            }
            _moves.Add((2, -1, bj - 1));
            bj--;
            inStep = open[at - 1] + 1 == cost0;
        }
        Span<bool> synced = k <= 256 ? stackalloc bool[k] : new bool[k];
        synced.Clear();
        foreach (var (move, _, j) in _moves) if (move == 0) synced[j] = true;
        if (fulfilled is not null)
            for (var j = 0; j < k; j++) if (synced[j]) fulfilled[j]++;
        if (deviations is null) return cost;
        for (var m = _moves.Count - 1; m >= 0; m--)
        {
            var (move, i, j) = _moves[m];
            if (move == 0) continue;
            var stride = CodeStride;
            if (move == 1)
            {
                var a = activities[i];
                var steps = _stepsOfActivity[a];
                if (steps.Length == 0) deviations.Add((int)DeviationKind.UnexpectedTouchpoint * stride + a);
                else
                {
                    var repeated = false;
                    foreach (var s in steps) if (synced[s]) { repeated = true; break; }
                    deviations.Add((int)(repeated ? DeviationKind.RepeatedContact : DeviationKind.OutOfOrderStage) * stride + a);
                }
                continue;
            }
            // A step not fulfilled in place: skipped unless one of its touchpoints occurs elsewhere (then it was out of order).
            var occurs = false;
            foreach (var a in activities)
                if (Contains(_stepsOfActivity[a], j)) { occurs = true; break; }
            if (!occurs) deviations.Add((int)DeviationKind.SkippedStep * CodeStride + j);
        }
        return cost;
    }

    private static bool Contains(int[] steps, int step)
    {
        foreach (var s in steps) if (s == step) return true;
        return false;
    }
}
