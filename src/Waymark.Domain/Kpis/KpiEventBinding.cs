using System.Globalization;
using Waymark.Domain.Common;

namespace Waymark.Domain.Kpis;

/// <summary>What a KPI bound to interaction events measures in each period.</summary>
public enum EventMeasure
{
    /// <summary>Journeys in the period (a customer's events, split where they are more than a week apart).</summary>
    JourneysStarted,
    /// <summary>Share (%) of the period's journeys that reach a touchpoint.</summary>
    Conversion,
    /// <summary>Share (%) of the journeys reaching a touchpoint that end there.</summary>
    DropOff,
    /// <summary>Share (%) of journeys with a service contact whose first service contact resolved the matter.</summary>
    FirstContactResolution,
    /// <summary>Share (%) of journeys with a service contact that contacted the service again within a week.</summary>
    RepeatContactRate,
    /// <summary>Share (%) of consecutive contacts in which the customer changed channel.</summary>
    ChannelSwitchRate,
    /// <summary>Median time from a touchpoint to the next event at a second touchpoint in the same journey.</summary>
    MedianTimeBetween,
    AverageHandlingTime,
    AverageWaitingTime,
    Nps,
    Csat,
    Ces,
    /// <summary>Share (%) of journeys that follow a journey map exactly.</summary>
    MapConformance,
}

/// <summary>How long a period a computed measurement covers.</summary>
public enum PeriodGrain { Day, Week, Month }

/// <summary>
/// A KPI filled from interaction events: the measure, its parameters and the period each measurement covers. Shares
/// are percentages (0–100); times are seconds, or minutes, hours or days when the KPI's unit says so; NPS is −100…100,
/// CSAT and CES the mean score.
/// </summary>
public sealed record KpiEventBinding
{
    public KpiEventBinding(EventMeasure measure, PeriodGrain grain, string? touchpoint = null, string? toTouchpoint = null,
        string? channel = null, Guid? journeyId = null)
    {
        Measure = Guard.Defined(measure, "measure");
        Grain = Guard.Defined(grain, "grain");
        Touchpoint = Clean(touchpoint, "touchpoint");
        ToTouchpoint = Clean(toTouchpoint, "toTouchpoint");
        Channel = Clean(channel, "channel");
        JourneyId = journeyId == Guid.Empty ? null : journeyId;
        switch (Measure)
        {
            case EventMeasure.Conversion or EventMeasure.DropOff when Touchpoint is null:
                throw new DomainRuleException("touchpoint", $"{Describe(Measure)} needs the touchpoint (its event key) it is measured at.");
            case EventMeasure.MedianTimeBetween when Touchpoint is null:
                throw new DomainRuleException("touchpoint", "The time between two touchpoints needs the touchpoint it starts at.");
            case EventMeasure.MedianTimeBetween when ToTouchpoint is null:
                throw new DomainRuleException("toTouchpoint", "The time between two touchpoints needs the touchpoint it ends at.");
            case EventMeasure.MedianTimeBetween when ToTouchpoint == Touchpoint:
                throw new DomainRuleException("toTouchpoint", "The time between two touchpoints needs two different touchpoints.");
            case EventMeasure.MapConformance when JourneyId is null:
                throw new DomainRuleException("journeyId", "The share of journeys that follow a map needs the journey map.");
        }
        if (Channel is not null && Measure == EventMeasure.ChannelSwitchRate)
            throw new DomainRuleException("channel", "The channel-switch rate looks at every channel; leave the channel empty.");
        if (ToTouchpoint is not null && Measure != EventMeasure.MedianTimeBetween)
            throw new DomainRuleException("toTouchpoint", $"{Describe(Measure)} is measured at one touchpoint; leave the second touchpoint empty.");
        if (JourneyId is not null && Measure != EventMeasure.MapConformance)
            throw new DomainRuleException("journeyId", $"{Describe(Measure)} does not use a journey map; leave it empty.");
        if (Touchpoint is not null && Measure is EventMeasure.JourneysStarted or EventMeasure.FirstContactResolution
                or EventMeasure.RepeatContactRate or EventMeasure.ChannelSwitchRate or EventMeasure.MapConformance)
            throw new DomainRuleException("touchpoint", $"{Describe(Measure)} covers whole journeys; leave the touchpoint empty.");
    }

    public EventMeasure Measure { get; }
    public PeriodGrain Grain { get; }
    /// <summary>The touchpoint (event key) the measure is taken at; for the time between two, the first.</summary>
    public string? Touchpoint { get; }
    public string? ToTouchpoint { get; }
    /// <summary>Only the events of this channel count; all channels when null.</summary>
    public string? Channel { get; }
    /// <summary>The journey map real journeys are held against.</summary>
    public Guid? JourneyId { get; }

    /// <summary>The period holding a day: the day itself, its week (Monday to Sunday) or its month.</summary>
    public (DateOnly From, DateOnly To) PeriodOf(DateOnly day) => Grain switch
    {
        PeriodGrain.Day => (day, day),
        PeriodGrain.Week => (day.AddDays(-(((int)day.DayOfWeek + 6) % 7)), day.AddDays(-(((int)day.DayOfWeek + 6) % 7) + 6)),
        _ => (new DateOnly(day.Year, day.Month, 1), new DateOnly(day.Year, day.Month, 1).AddMonths(1).AddDays(-1)),
    };

    /// <summary>The periods holding any of the days, each once, in time order.</summary>
    public IReadOnlyList<(DateOnly From, DateOnly To)> PeriodsOf(IEnumerable<DateOnly> days) =>
        days.Select(PeriodOf).Distinct().Order().ToList();

    /// <summary>The period's name as a person reads it, e.g. "3 March 2026", "week of 2 March 2026", "March 2026".</summary>
    public string PeriodName(DateOnly from) => Grain switch
    {
        PeriodGrain.Day => from.ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
        PeriodGrain.Week => "week of " + from.ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
        _ => from.ToString("MMMM yyyy", CultureInfo.InvariantCulture),
    };

    /// <summary>A computed time in seconds, in the KPI's unit when that is minutes, hours or days.</summary>
    public static double InUnit(double seconds, string unit) => unit.Trim().ToLowerInvariant() switch
    {
        "min" or "mins" or "minute" or "minutes" => seconds / 60,
        "h" or "hr" or "hrs" or "hour" or "hours" => seconds / 3600,
        "d" or "day" or "days" => seconds / 86400,
        _ => seconds,
    };

    /// <summary>The measure in words, e.g. "First-contact resolution".</summary>
    public static string Describe(EventMeasure measure) => measure switch
    {
        EventMeasure.JourneysStarted => "Journeys started",
        EventMeasure.Conversion => "The share reaching a touchpoint",
        EventMeasure.DropOff => "Drop-off at a touchpoint",
        EventMeasure.FirstContactResolution => "First-contact resolution",
        EventMeasure.RepeatContactRate => "The repeat-contact rate",
        EventMeasure.ChannelSwitchRate => "The channel-switch rate",
        EventMeasure.MedianTimeBetween => "The median time between two touchpoints",
        EventMeasure.AverageHandlingTime => "The average handling time",
        EventMeasure.AverageWaitingTime => "The average waiting time",
        EventMeasure.Nps => "NPS",
        EventMeasure.Csat => "CSAT",
        EventMeasure.Ces => "CES",
        EventMeasure.MapConformance => "The share of journeys that follow a map",
        _ => measure.ToString(),
    };

    private static string? Clean(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? null : Guard.Line(value.Trim(), field, 200);
}
