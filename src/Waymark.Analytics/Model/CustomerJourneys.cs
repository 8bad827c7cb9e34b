using Waymark.Domain.Events;

namespace Waymark.Analytics.Model;

/// <summary>A journey as <see cref="CustomerJourneys"/> cuts it: whose it is, the UTC day it belongs to (that of its first event) and its steps in time order.</summary>
public sealed record StoredJourney(string Customer, DateOnly Day, IReadOnlyList<JourneyStep> Steps);

/// <summary>One event of a <see cref="StoredJourney"/>, as the measures over journeys need it.</summary>
public readonly record struct JourneyStep(DateTime At, string Touchpoint, string Channel);

/// <summary>
/// The journey rule, in the one place every reader of stored events uses it (the journey analytics and their kept
/// results, the drill-down to example customers, the customer timeline, KPIs computed from events): a customer's events
/// that follow each other with no gap longer than <see cref="Gap"/> are one journey, which ends at the latest at the end
/// of the UTC calendar month it started in, and belongs to the UTC day of its first event (decision 0008). The events
/// are kept compactly (the same texts shared), so a busy month fits in memory; add them in time order.
/// </summary>
public sealed class CustomerJourneys
{
    /// <summary>A customer's events more than this apart belong to two journeys.</summary>
    public static readonly TimeSpan Gap = TimeSpan.FromDays(7);

    private readonly List<Row> _rows = [];
    private readonly List<string> _customers = [];
    private readonly Dictionary<string, int> _customerIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);
    private int[] _order = [], _starts = [];
    private bool _grouped;

    private readonly record struct Row(int Customer, long Ticks, string Touchpoint, string Channel, string? Outcome, float Score,
        ScoreKind Kind, float Handling, float Waiting);

    /// <summary>How many events were added.</summary>
    public int Count => _rows.Count;

    /// <summary>
    /// The days whose events decide the journeys that belong to <paramref name="day"/>: those of its month from the gap
    /// before it (an event then makes one on this day a continuation, not a start) to the month's end (which its journeys
    /// may reach). Whatever is kept per day stays valid while none of them changes.
    /// </summary>
    public static (DateOnly First, DateOnly Last) DaysDeciding(DateOnly day)
    {
        var (month, gap) = (new DateOnly(day.Year, day.Month, 1), GapDays);
        return (day.AddDays(-gap) < month ? month : day.AddDays(-gap), month.AddMonths(1).AddDays(-1));
    }

    /// <summary>
    /// The other way round: the days whose journeys a change to the events of <paramref name="day"/> may change — those of
    /// its month from the first (a journey that started then may reach it) to the gap after it.
    /// </summary>
    public static (DateOnly First, DateOnly Last) DaysDecidedBy(DateOnly day)
    {
        var (month, gap) = (new DateOnly(day.Year, day.Month, 1), GapDays);
        var end = month.AddMonths(1).AddDays(-1);
        return (month, day.AddDays(gap) < end ? day.AddDays(gap) : end);
    }

    /// <summary>The gap in whole days, as the rule reaches from one day to another.</summary>
    private static readonly int GapDays = (int)Math.Ceiling(Gap.TotalDays);

    /// <summary>Whether an event at <paramref name="next"/> continues the journey whose latest event was at <paramref name="previous"/>.</summary>
    public static bool Continues(DateTime previous, DateTime next) => Continues(previous.Ticks, next.Ticks);

    private static bool Continues(long previous, long next) =>
        next - previous <= Gap.Ticks && MonthOf(previous) == MonthOf(next);

    private static int MonthOf(long ticks)
    {
        var at = new DateTime(ticks);
        return at.Year * 12 + at.Month;
    }

    /// <summary>Adds an event; a customer's events must come in time order. Returns its row, the order of adding.</summary>
    public int Add(InteractionEvent e)
    {
        if (!_customerIndex.TryGetValue(e.Customer, out var customer))
        {
            _customerIndex[e.Customer] = customer = _customers.Count;
            _customers.Add(e.Customer);
        }
        _rows.Add(new Row(customer, e.At.Ticks, Shared(e.Touchpoint), Shared(e.Channel), e.Outcome is null ? null : Shared(e.Outcome),
            e.Score ?? float.NaN, Kind(e.ScoreKind), e.HandlingSeconds ?? float.NaN, e.WaitingSeconds ?? float.NaN));
        _grouped = false;
        return _rows.Count - 1;
    }

    private string Shared(string s) => _texts.TryGetValue(s, out var known) ? known : _texts[s] = s;

    /// <summary>
    /// Every journey with the UTC day it belongs to, as its rows (the order of adding) in time order, customer by
    /// customer. A reader of a period must have added the events from <see cref="Gap"/> before the period (or the start
    /// of its month) to the end of the month of its last day, so that journeys are whole and start where they do.
    /// </summary>
    public IEnumerable<(DateOnly Day, ArraySegment<int> Rows)> Segments()
    {
        Group();
        for (var c = 0; c < _customers.Count; c++)
        {
            int s = _starts[c], e = _starts[c + 1];
            var start = s;
            for (var i = s + 1; i <= e; i++)
            {
                if (i < e && Continues(_rows[_order[i - 1]].Ticks, _rows[_order[i]].Ticks)) continue;
                yield return (DateOnly.FromDayNumber((int)(_rows[_order[start]].Ticks / TimeSpan.TicksPerDay)), new ArraySegment<int>(_order, start, i - start));
                start = i;
            }
        }
    }

    /// <summary>The journeys that belong to the days <paramref name="from"/> to <paramref name="to"/>, earliest first.</summary>
    public List<StoredJourney> Journeys(DateOnly from, DateOnly to)
    {
        var journeys = new List<StoredJourney>();
        foreach (var (day, rows) in Segments())
        {
            if (day < from || day > to) continue;
            var steps = new JourneyStep[rows.Count];
            for (var i = 0; i < rows.Count; i++)
            {
                var r = _rows[rows[i]];
                steps[i] = new JourneyStep(new DateTime(r.Ticks, DateTimeKind.Utc), r.Touchpoint, r.Channel);
            }
            journeys.Add(new StoredJourney(_customers[_rows[rows[0]].Customer], day, steps));
        }
        journeys.Sort((a, b) => a.Steps[0].At != b.Steps[0].At ? a.Steps[0].At.CompareTo(b.Steps[0].At) : string.CompareOrdinal(a.Customer, b.Customer));
        return journeys;
    }

    /// <summary>Adds the event of a row to a log for the analyzer.</summary>
    public void AddTo(EventLogBuilder builder, int row)
    {
        var r = _rows[row];
        builder.Add(_customers[r.Customer], new DateTime(r.Ticks, DateTimeKind.Utc), r.Touchpoint, r.Channel, r.Outcome, r.Score, r.Kind, r.Handling, r.Waiting);
    }

    /// <summary>Orders the rows by customer, keeping the order of adding within each (a counting sort).</summary>
    private void Group()
    {
        if (_grouped) return;
        var count = new int[_customers.Count + 1];
        foreach (var r in _rows) count[r.Customer + 1]++;
        for (var c = 1; c < count.Length; c++) count[c] += count[c - 1];
        _starts = (int[])count.Clone();
        _order = new int[_rows.Count];
        var next = (int[])count.Clone();
        for (var i = 0; i < _rows.Count; i++) _order[next[_rows[i].Customer]++] = i;
        _grouped = true;
    }

    private static ScoreKind Kind(EventScoreKind? kind) => kind switch
    {
        EventScoreKind.Csat => ScoreKind.Csat,
        EventScoreKind.Nps => ScoreKind.Nps,
        EventScoreKind.Ces => ScoreKind.Ces,
        _ => ScoreKind.None,
    };
}
