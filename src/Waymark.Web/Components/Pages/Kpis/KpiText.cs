using System.Globalization;

namespace Waymark.Web.Components.Pages.Kpis;

/// <summary>Wording of KPI figures shared by the KPI pages.</summary>
public static class KpiText
{
    /// <summary>A variance with its sign; the performance figures are positive when better, whatever the KPI's direction.</summary>
    public static string Signed(double? v) => v is { } x ? x.ToString("+0.##;-0.##;0", CultureInfo.InvariantCulture) : "–";

    /// <summary>Where a measurement came from, as the measurement table says it.</summary>
    public static string Source(Domain.Kpis.MeasurementSource source) =>
        source == Domain.Kpis.MeasurementSource.Events ? "Computed from events" : Features.Wording.Words(source);

    /// <summary>What a bound KPI is computed from, in one sentence, e.g. "First-contact resolution per week, in phone".</summary>
    public static string Binding(Domain.Kpis.KpiEventBinding b, string? map = null)
    {
        var what = b.Measure switch
        {
            Domain.Kpis.EventMeasure.Conversion => $"The share of journeys reaching '{b.Touchpoint}'",
            Domain.Kpis.EventMeasure.DropOff => $"The share of journeys reaching '{b.Touchpoint}' that end there",
            Domain.Kpis.EventMeasure.MedianTimeBetween => $"The median time from '{b.Touchpoint}' to '{b.ToTouchpoint}'",
            Domain.Kpis.EventMeasure.MapConformance => $"The share of journeys that follow the map{(map is null ? "" : $" '{map}'")}",
            _ => Domain.Kpis.KpiEventBinding.Describe(b.Measure) + (b.Touchpoint is { } t ? $" at '{t}'" : ""),
        };
        var grain = b.Grain switch { Domain.Kpis.PeriodGrain.Day => "per day", Domain.Kpis.PeriodGrain.Week => "per week", _ => "per month" };
        return $"{what}, {grain}{(b.Channel is { } c ? $", in the channel '{c}'" : "")}.";
    }
}
