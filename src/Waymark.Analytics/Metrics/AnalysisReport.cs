using Waymark.Analytics.Conformance;

namespace Waymark.Analytics.Metrics;

/// <summary>The full analysis of an event log. Serialise with <see cref="ReportJson"/> (camelCase).</summary>
public sealed record AnalysisReport
{
    /// <summary>Number of journeys (cases after reconstruction and gap splitting).</summary>
    public long Cases { get; init; }
    public long Events { get; init; }
    public IReadOnlyList<NameCount> Activities { get; init; } = [];
    public IReadOnlyList<NameCount> StartActivities { get; init; } = [];
    /// <summary>Where journeys end: the drop-out points.</summary>
    public IReadOnlyList<NameCount> EndActivities { get; init; } = [];
    public IReadOnlyList<VariantRow> Variants { get; init; } = [];
    public IReadOnlyList<DfgEdge> Dfg { get; init; } = [];
    public IReadOnlyList<SankeyFlow> Sankey { get; init; } = [];
    public ChannelSwitchReport ChannelSwitches { get; init; } = new();
    public RepeatContactReport RepeatContacts { get; init; } = new();
    public TimesReport Times { get; init; } = new();
    public FunnelReport? Funnel { get; init; }
    public KpiReport Kpis { get; init; } = new();
    public DurationStats? JourneyDuration { get; init; }
    public ConformanceReport? Conformance { get; init; }
}

public sealed record NameCount(string Name, long Count);

public sealed record VariantRow(IReadOnlyList<string> Activities, long Count, double Share);

public sealed record DfgEdge(string From, string To, long Count, double MedianSeconds, double P90Seconds);

/// <summary>A flow from the activity at step position <c>Step</c> (1-based) to the one at <c>Step + 1</c>.</summary>
public sealed record SankeyFlow(int Step, string From, string To, long Count);

public sealed record ChannelSwitchReport
{
    public IReadOnlyList<string> Channels { get; init; } = [];
    /// <summary>Consecutive contacts in different channels (events without a channel take no part).</summary>
    public long Switches { get; init; }
    /// <summary>Switches / all consecutive pairs of contacts that both have a channel.</summary>
    public double SwitchRate { get; init; }
    /// <summary>Every from → to pair, including staying in the same channel; rate = count / transitions out of <c>from</c>.</summary>
    public IReadOnlyList<ChannelCell> Matrix { get; init; } = [];
    /// <summary>The touchpoint right before a switch.</summary>
    public IReadOnlyList<NameCount> Triggers { get; init; } = [];
}

public sealed record ChannelCell(string From, string To, long Count, double Rate);

/// <summary>
/// A repeat contact is a service contact within the window after the journey's previous service contact (see
/// <see cref="Definition"/> for what counted as a service contact).
/// </summary>
public sealed record RepeatContactReport
{
    public double WindowSeconds { get; init; }
    /// <summary>Repeat contacts.</summary>
    public long Total { get; init; }
    /// <summary>Journeys with at least one service contact.</summary>
    public long ContactJourneys { get; init; }
    /// <summary>Journeys with more than one service contact within the window.</summary>
    public long RepeatJourneys { get; init; }
    /// <summary>Repeat journeys / journeys with a service contact; null when no journey had one.</summary>
    public double? Rate { get; init; }
    /// <summary>Repeat contacts per touchpoint (of the repeat).</summary>
    public IReadOnlyList<NameCount> ByTouchpoint { get; init; } = [];
    public ServiceContactDefinition Definition { get; init; } = ServiceContactDefinition.Default;
}

public sealed record TimesReport
{
    public IReadOnlyList<TimeRow> ByTouchpoint { get; init; } = [];
    public IReadOnlyList<TimeRow> ByChannel { get; init; } = [];
}

public sealed record TimeRow(string Name, long Events, long WaitingCount, double? MeanWaitingSeconds, long HandlingCount, double? MeanHandlingSeconds);

public sealed record FunnelReport(IReadOnlyList<FunnelStep> Steps);

/// <summary>Journeys that reached this step (all earlier steps in order, not necessarily adjacent) and how many stopped before it.</summary>
public sealed record FunnelStep(string Touchpoint, long Reached, long DropOff, double DropOffRate);

public sealed record KpiReport
{
    public ScoreStats? Csat { get; init; }
    public NpsStats? Nps { get; init; }
    public ScoreStats? Ces { get; init; }
    public IReadOnlyList<TouchpointKpis> ByTouchpoint { get; init; } = [];
    public FcrStats FirstContactResolution { get; init; } = new(0, 0, 0, null);
    public IReadOnlyList<ChannelAht> AverageHandlingTimeByChannel { get; init; } = [];
    /// <summary>Switches from a service contact whose outcome was not resolved.</summary>
    public IReadOnlyList<ChannelCell> Escalations { get; init; } = [];
}

public sealed record TouchpointKpis(string Touchpoint, ScoreStats? Csat, NpsStats? Nps, ScoreStats? Ces);

/// <summary>Distribution: count per rounded score 0 … 10.</summary>
public sealed record ScoreStats(long Count, double Mean, IReadOnlyList<long> Distribution);

/// <summary>NPS = 100 × (promoters (9–10) − detractors (0–6)) / answers.</summary>
public sealed record NpsStats(long Count, long Promoters, long Passives, long Detractors, double Score);

/// <summary>
/// First-contact resolution over the journeys with a service contact (<see cref="Definition"/> says which events
/// counted): Rate = journeys whose first service contact was resolved / journeys with a service contact; null when
/// no journey had one. ResolvedJourneys had a resolved service contact at any point.
/// </summary>
public sealed record FcrStats(long ContactJourneys, long ResolvedJourneys, long FirstContactResolved, double? Rate)
{
    public ServiceContactDefinition Definition { get; init; } = ServiceContactDefinition.Default;
}

public sealed record ChannelAht(string Channel, long Count, double MeanSeconds);

public sealed record DurationStats(double MedianSeconds, double P90Seconds, double MeanSeconds);

public sealed record ConformanceReport
{
    public int Steps { get; init; }
    public long Journeys { get; init; }
    /// <summary>Share of journeys that fit the map perfectly (fitness 1).</summary>
    public double ConformanceRate { get; init; }
    public double AverageFitness { get; init; }
    /// <summary>Journeys per fitness decile: [0, 0.1), …, [0.9, 1), and exactly 1 last.</summary>
    public IReadOnlyList<long> FitnessHistogram { get; init; } = [];
    public IReadOnlyList<DeviationCount> Deviations { get; init; } = [];
    /// <summary>Per step of the map, in map order: the journeys whose optimal alignment fulfils it in place.</summary>
    public IReadOnlyList<StepFulfilment> StepFulfilment { get; init; } = [];
    public IReadOnlyList<JourneyConformance> WorstJourneys { get; init; } = [];
}

/// <summary>How many journeys fulfilled a step of the map in place (an event of one of its touchpoints, in the map's order).</summary>
public sealed record StepFulfilment(string Stage, string Step, long Fulfilled, double Share);

public sealed record DeviationCount(DeviationKind Kind, string Subject, long Count);
