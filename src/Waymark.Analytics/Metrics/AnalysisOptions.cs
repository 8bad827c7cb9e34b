using Waymark.Analytics.Conformance;

namespace Waymark.Analytics.Metrics;

/// <summary>Which metrics to compute (all by default; the benchmark times them one by one).</summary>
[Flags]
public enum Metric
{
    None = 0,
    Activities = 1,
    Variants = 2,
    Dfg = 4,
    ChannelSwitches = 8,
    Sankey = 16,
    RepeatContacts = 32,
    Times = 64,
    Kpis = 128,
    Funnel = 256,
    JourneyDurations = 512,
    Conformance = 1024,
    All = Activities | Variants | Dfg | ChannelSwitches | Sankey | RepeatContacts | Times | Kpis | Funnel | JourneyDurations | Conformance,
}

public sealed record AnalysisOptions
{
    /// <summary>A customer's (or case's) events more than this apart start a new journey; null keeps one journey per key.</summary>
    public TimeSpan? InactivityGap { get; init; }
    /// <summary>A service contact within this time after the journey's previous service contact is a repeat.</summary>
    public TimeSpan RepeatWindow { get; init; } = TimeSpan.FromDays(7);
    /// <summary>Touchpoint sequence for the funnel; no funnel when null or empty.</summary>
    public IReadOnlyList<string>? Funnel { get; init; }
    /// <summary>Sankey flows are counted between step positions 1 … SankeyDepth.</summary>
    public int SankeyDepth { get; init; } = 8;
    /// <summary>Which events are service contacts and which outcomes mean resolved (first-contact resolution, repeat contacts, escalations).</summary>
    public ServiceContactDefinition ServiceContacts { get; init; } = ServiceContactDefinition.Default;
    public Metric Metrics { get; init; } = Metric.All;
    /// <summary>The designed journey to check conformance against; none when null.</summary>
    public DesignedJourney? Journey { get; init; }
    /// <summary>Number of partitions computed in parallel; the processor count when null.</summary>
    public int? Parallelism { get; init; }
    /// <summary>How many of the least conforming journeys the report lists.</summary>
    public int WorstJourneys { get; init; } = 20;

    internal bool Has(Metric m) => (Metrics & m) != 0;
}
