namespace Waymark.Analytics.Model;

/// <summary>
/// An interaction event log held in columns. Strings are dictionary-encoded (ids into the pools);
/// events are sorted by journey key (customer or case, in order of first appearance), then by time,
/// with ties kept in file order. Missing numbers are NaN; a missing case or attribute value is -1.
/// </summary>
public sealed class EventLog
{
    internal EventLog(int count, JourneyKey sortedBy, EventLogPools pools, int[]? customer, int[]? customerRuns, int[]? @case, long[] time,
        int[] activity, int[] channel, int[] outcome, float[] score, ScoreKind[] scoreKind, float[] duration, float[] waiting,
        Dictionary<int, int[]> attributes)
    {
        Count = count;
        SortedBy = sortedBy;
        Pools = pools;
        if ((customer is null) == (customerRuns is null)) throw new ArgumentException("A log holds its customers either per event or as runs.");
        Customer = customer;
        CustomerRuns = customerRuns;
        Case = @case;
        Time = time;
        Activity = activity;
        Channel = channel;
        Outcome = outcome;
        Score = score;
        ScoreKind = scoreKind;
        Duration = duration;
        Waiting = waiting;
        Attributes = attributes;
    }

    public int Count { get; }
    public JourneyKey SortedBy { get; }
    public EventLogPools Pools { get; }

    /// <summary>Records a reader skipped because the caller asked to skip bad records.</summary>
    public long SkippedRecords { get; internal set; }

    /// <summary>Notes from the reader (first skipped records, lenient choices made).</summary>
    public IReadOnlyList<string> Warnings { get; internal set; } = [];

    /// <summary>Customer id per event; null when the log is sorted by customer and keeps <see cref="CustomerRuns"/> instead.</summary>
    internal int[]? Customer { get; }
    /// <summary>
    /// When sorted by customer, the events of customer id k are [CustomerRuns[k], CustomerRuns[k + 1]): one int per
    /// customer instead of one per event.
    /// </summary>
    internal int[]? CustomerRuns { get; }
    internal int[]? Case { get; }
    /// <summary>UTC ticks (100 ns since 0001-01-01).</summary>
    internal long[] Time { get; }
    internal int[] Activity { get; }
    internal int[] Channel { get; }
    internal int[] Outcome { get; }
    internal float[] Score { get; }
    internal ScoreKind[] ScoreKind { get; }
    /// <summary>Handling time in seconds.</summary>
    internal float[] Duration { get; }
    /// <summary>Waiting time in seconds.</summary>
    internal float[] Waiting { get; }
    /// <summary>Free attributes: key id → value id per event (-1 when absent).</summary>
    internal Dictionary<int, int[]> Attributes { get; }

    public string CustomerOf(int i) => Pools.Customers[CustomerIdOf(i)];

    internal int CustomerIdOf(int i)
    {
        if (Customer is not null) return Customer[i];
        if ((uint)i >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(i));
        // The last run starting at or before i (runs of customers without events are empty and skipped over).
        var k = CustomerRuns.AsSpan().BinarySearch(i);
        if (k < 0) return ~k - 1;
        while (k + 1 < CustomerRuns!.Length && CustomerRuns[k + 1] == i) k++;
        return k;
    }
    public string? CaseOf(int i) => Case is null || Case[i] < 0 ? null : Pools.Cases[Case[i]];
    public string ActivityOf(int i) => Pools.Activities[Activity[i]];
    public string ChannelOf(int i) => Pools.Channels[Channel[i]];
    public string OutcomeOf(int i) => Pools.Outcomes[Outcome[i]];
    public DateTime TimeOf(int i) => new(Time[i], DateTimeKind.Utc);
    public float ScoreOf(int i) => Score[i];
    public ScoreKind ScoreKindOf(int i) => ScoreKind[i];
    public float DurationOf(int i) => Duration[i];
    public float WaitingOf(int i) => Waiting[i];

    public string? AttributeOf(int i, string key) =>
        Pools.AttributeKeys.TryGet(key, out var k) && Attributes.TryGetValue(k, out var col) && col[i] >= 0
            ? Pools.AttributeValues[col[i]]
            : null;

    public IEnumerable<string> AttributeKeys => Attributes.Keys.Select(k => Pools.AttributeKeys[k]);

    /// <summary>Approximate bytes held by the columns (not the string pools).</summary>
    public long ColumnBytes =>
        (long)Count * (8 + 4 + 4 + 4 + 4 + 1 + 4 + 4) + (Customer is null ? 4L * CustomerRuns!.Length : 4L * Count)
        + (Case is null ? 0 : 4L * Count) + 4L * Count * Attributes.Count;
}

/// <summary>The dictionaries of an event log's string columns.</summary>
public sealed class EventLogPools
{
    public StringPool Customers { get; } = new();
    public StringPool Cases { get; } = new();
    public StringPool Activities { get; } = new();
    public StringPool Channels { get; } = new();
    public StringPool Outcomes { get; } = new();
    public StringPool AttributeKeys { get; } = new();
    public StringPool AttributeValues { get; } = new();
}
