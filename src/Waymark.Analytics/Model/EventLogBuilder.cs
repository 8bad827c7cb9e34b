namespace Waymark.Analytics.Model;

/// <summary>Collects events in file order, then sorts them once into an <see cref="EventLog"/>.</summary>
public sealed class EventLogBuilder
{
    private ChunkedColumn<int> _customer = new();
    private ChunkedColumn<int>? _case;
    private ChunkedColumn<long> _time = new();
    private ChunkedColumn<int> _activity = new();
    private ChunkedColumn<int> _channel = new();
    private ChunkedColumn<int> _outcome = new();
    private ChunkedColumn<float> _score = new();
    private ChunkedColumn<ScoreKind> _scoreKind = new();
    private ChunkedColumn<float> _duration = new();
    private ChunkedColumn<float> _waiting = new();
    private readonly Dictionary<int, ChunkedColumn<int>> _attributes = [];
    private readonly int _noChannel;
    private readonly int _noOutcome;
    private bool _built;

    public EventLogBuilder()
    {
        _noChannel = Pools.Channels.GetOrAdd("");
        _noOutcome = Pools.Outcomes.GetOrAdd("");
    }

    public EventLogPools Pools { get; } = new();
    public int Count { get; private set; }
    public long SkippedRecords { get; set; }
    public List<string> Warnings { get; } = [];

    /// <summary>Adds one event; pass -1 for no case or channel/outcome, NaN for missing numbers.</summary>
    public int Add(int customer, int @case, long timeTicks, int activity, int channel = -1, int outcome = -1,
        float score = float.NaN, ScoreKind scoreKind = ScoreKind.None, float duration = float.NaN, float waiting = float.NaN)
    {
        if (_built) throw new InvalidOperationException("The builder has already built its log.");
        var index = Count;
        _customer.Add(customer);
        if (@case >= 0 || _case is not null)
        {
            _case ??= new ChunkedColumn<int>(-1);
            _case.Set(index, @case);
        }
        _time.Add(timeTicks);
        _activity.Add(activity);
        _channel.Add(channel < 0 ? _noChannel : channel);
        _outcome.Add(outcome < 0 ? _noOutcome : outcome);
        _score.Add(score);
        _scoreKind.Add(float.IsNaN(score) ? ScoreKind.None : scoreKind);
        _duration.Add(duration);
        _waiting.Add(waiting);
        Count++;
        return index;
    }

    /// <summary>Convenience for tests and small logs.</summary>
    public int Add(string customer, DateTime time, string activity, string? channel = null, string? outcome = null,
        float score = float.NaN, ScoreKind scoreKind = ScoreKind.None, float duration = float.NaN, float waiting = float.NaN, string? @case = null)
    {
        var utc = time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : time;
        return Add(Pools.Customers.GetOrAdd(customer), @case is null ? -1 : Pools.Cases.GetOrAdd(@case), utc.Ticks,
            Pools.Activities.GetOrAdd(activity), channel is null ? -1 : Pools.Channels.GetOrAdd(channel),
            outcome is null ? -1 : Pools.Outcomes.GetOrAdd(outcome), score, scoreKind, duration, waiting);
    }

    public void SetCustomer(int index, int customer) => _customer.Set(index, customer);

    public void SetCase(int index, int @case)
    {
        _case ??= new ChunkedColumn<int>(-1);
        _case.Set(index, @case);
    }

    public void SetAttribute(int index, int key, int value)
    {
        if (!_attributes.TryGetValue(key, out var col)) _attributes[key] = col = new ChunkedColumn<int>(-1);
        col.Set(index, value);
    }

    public void SetAttribute(int index, string key, string value) =>
        SetAttribute(index, Pools.AttributeKeys.GetOrAdd(key), Pools.AttributeValues.GetOrAdd(value));

    /// <summary>Drops the events from <paramref name="count"/> on (used to undo a bad record when skipping).</summary>
    internal int LastIndex => Count - 1;

    /// <summary>Sorts by journey key then time (stable) and returns the columnar log. The builder cannot be used afterwards.</summary>
    public EventLog Build(JourneyKey sortBy = JourneyKey.Customer)
    {
        if (_built) throw new InvalidOperationException("The builder has already built its log.");
        _built = true;
        var n = Count;
        ChunkedColumn<int> keyColumn;
        int keyCount;
        if (sortBy == JourneyKey.Case)
        {
            if (_case is null) throw new InvalidOperationException("Journeys by case need a case id on the events, and this log has none.");
            _case.PadTo(n);
            for (var i = 0; i < n; i++)
                if (_case[i] < 0) throw new InvalidOperationException($"Event {i + 1} has no case id; journeys by case need one on every event.");
            keyColumn = _case;
            keyCount = Pools.Cases.Count;
        }
        else
        {
            keyColumn = _customer;
            keyCount = Pools.Customers.Count;
        }

        // Input already in (key, time) order — the usual case for logs written journey by journey — needs no
        // permutation: each column is copied chunk by chunk and every chunk freed right after it is copied.
        int[]? order = null;
        long[] time;
        // Events per key, then summed into where each key's events start in the sorted log.
        var offsets = new int[keyCount + 1];
        for (var i = 0; i < n; i++) offsets[keyColumn[i] + 1]++;
        for (var k = 0; k < keyCount; k++) offsets[k + 1] += offsets[k];
        if (IsInKeyAndTimeOrder(keyColumn, n))
        {
            time = _time.GatherAndClear(null, n);
        }
        else
        {
            // Counting sort by key: O(n), stable (file order kept inside a key).
            order = GC.AllocateUninitializedArray<int>(n);
            var next = (int[])offsets.Clone();
            for (var i = 0; i < n; i++) order[next[keyColumn[i]]++] = i;
            next = null;

            time = _time.GatherAndClear(order, n);
            for (var k = 0; k < keyCount; k++)
                SortSegmentByTime(time, order, offsets[k], offsets[k + 1]);
        }

        // Each column's chunks are freed (returned to the OS) as soon as it is gathered, so at most one column
        // exists twice at a time.
        // Sorted by customer, the customer column is the runs of the counting sort: one int per customer.
        int[]? customer = null, customerRuns = null;
        if (sortBy == JourneyKey.Customer)
        {
            customerRuns = offsets;
            _customer.Clear();
        }
        else customer = _customer.GatherAndClear(order, n);
        int[]? @case = null;
        if (_case is not null) { _case.PadTo(n); @case = _case.GatherAndClear(order, n); }
        var activity = _activity.GatherAndClear(order, n);
        var channel = _channel.GatherAndClear(order, n);
        var outcome = _outcome.GatherAndClear(order, n);
        var score = _score.GatherAndClear(order, n);
        var kind = _scoreKind.GatherAndClear(order, n);
        var duration = _duration.GatherAndClear(order, n);
        var waiting = _waiting.GatherAndClear(order, n);
        var attributes = new Dictionary<int, int[]>();
        foreach (var (key, col) in _attributes) attributes[key] = col.GatherAndClear(order, n);
        _attributes.Clear();

        return new EventLog(n, sortBy, Pools, customer, customerRuns, @case, time, activity, channel, outcome, score, kind, duration, waiting, attributes)
        {
            SkippedRecords = SkippedRecords,
            Warnings = Warnings.ToArray(),
        };
    }

    /// <summary>True when keys never decrease and times never decrease within a key: the sort is then the identity.</summary>
    private bool IsInKeyAndTimeOrder(ChunkedColumn<int> keyColumn, int n)
    {
        for (var i = 1; i < n; i++)
        {
            var k0 = keyColumn[i - 1];
            var k1 = keyColumn[i];
            if (k1 < k0 || (k1 == k0 && _time[i] < _time[i - 1])) return false;
        }
        return true;
    }

    private static void SortSegmentByTime(long[] time, int[] order, int from, int to)
    {
        var sorted = true;
        for (var i = from + 1; i < to; i++)
            if (time[i] < time[i - 1]) { sorted = false; break; }
        if (sorted) return;
        var length = to - from;
        if (length <= 32)
        {
            // Insertion sort is stable: equal times keep file order.
            for (var i = from + 1; i < to; i++)
            {
                var t = time[i];
                var o = order[i];
                var j = i - 1;
                while (j >= from && time[j] > t)
                {
                    time[j + 1] = time[j];
                    order[j + 1] = order[j];
                    j--;
                }
                time[j + 1] = t;
                order[j + 1] = o;
            }
            return;
        }
        // (time, file position) is unique, so an unstable sort on it is a stable sort on time.
        var pairs = new (long Time, int Order)[length];
        for (var i = 0; i < length; i++) pairs[i] = (time[from + i], order[from + i]);
        Array.Sort(pairs);
        for (var i = 0; i < length; i++) (time[from + i], order[from + i]) = pairs[i];
    }
}
