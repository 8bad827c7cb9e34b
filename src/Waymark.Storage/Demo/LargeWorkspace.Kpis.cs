using Waymark.Domain.Kpis;

namespace Waymark.Storage.Demo;

public static partial class LargeWorkspace
{
    /// <summary>A KPI measured for every product line: its value moves from <c>Start</c> to <c>End</c> over the five years, with noise.</summary>
    private sealed record KpiSpec(string Name, string Unit, KpiDirection Direction, double Target, double Best,
        double Start, double End, double Noise, int Decimals, double? Min, double? Max, string Description);

    private const KpiDirection Up = KpiDirection.HigherIsBetter, Down = KpiDirection.LowerIsBetter;

    private static readonly KpiSpec[] KpiSpecs =
    [
        new("Net Promoter Score", "points", Up, 30, 45, 12, 26, 6, 0, -100, 100, "Promoters minus detractors, from the relationship survey."),
        new("Customer satisfaction", "%", Up, 82, 90, 74, 80, 2.5, 1, 0, 100, "Share of customers rating the last contact 4 or 5 of 5."),
        new("First-contact resolution", "%", Up, 75, 85, 64, 72, 2, 1, 0, 100, "Cases solved in the first contact, all service channels."),
        new("Average hotline waiting time", "min", Down, 3, 1, 7.5, 4.2, 0.8, 1, 0, null, "Average time in the queue before an agent answers."),
        new("Average handling time", "min", Down, 8, 6, 10, 8.3, 0.4, 1, 0, null, "Talk plus wrap-up time per contact."),
        new("Churn rate", "%", Down, 1.2, 0.8, 1.9, 1.4, 0.08, 2, 0, 100, "Share of customers cancelling in the month."),
        new("Installation first-time-right", "%", Up, 92, 97, 84, 90, 1.5, 1, 0, 100, "Installations without a second visit within 14 days."),
        new("Orders completed online", "%", Up, 60, 75, 38, 55, 2, 1, 0, 100, "Share of orders completed without a call or shop visit."),
        new("Complaints per 1,000 customers", "complaints", Down, 4, 2, 7.5, 5, 0.5, 1, 0, null, "Formal complaints per 1,000 active customers."),
        new("App rating", "stars", Up, 4.5, 4.7, 3.9, 4.3, 0.03, 2, 1, 5, "Average app store rating."),
    ];

    private sealed partial class Builder
    {
        private readonly List<Kpi> _kpis = [];

        public void AddKpis()
        {
            foreach (var product in ProductLines)
                foreach (var spec in KpiSpecs)
                    AddKpi(spec, product);
        }

        /// <summary>One measurement a day for the 1,826 days before today, at 06:00 UTC: a trend with a drifting deviation and a weekend dip.</summary>
        private void AddKpi(KpiSpec spec, string product)
        {
            var kpi = new Kpi(Ws, new KpiDefinition($"{spec.Name} — {product}", spec.Unit, spec.Direction, spec.Target, spec.Best,
                spec.Description, TouchpointId: Chance(0.5) ? Pick(_touchpoints).Id : null, ChannelId: Chance(0.5) ? Pick(_channels).Id : null,
                ValidMinimum: spec.Min, ValidMaximum: spec.Max));
            _kpis.Add(kpi);
            Content.Kpis.Add(kpi);
            var drift = 0.0;
            var worse = spec.Direction == Up ? -1 : 1;
            for (var d = 0; d < DaysMeasured; d++)
            {
                var day = _today.AddDays(d - DaysMeasured);
                drift = drift * 0.95 + Noise(spec.Noise * 0.4);
                var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? worse * spec.Noise * 0.3 : 0;
                var value = spec.Start + (spec.End - spec.Start) * d / (DaysMeasured - 1) + drift + weekend + Noise(spec.Noise * 0.3);
                value = Math.Clamp(Math.Round(value, spec.Decimals), spec.Min ?? double.MinValue, spec.Max ?? double.MaxValue);
                var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(6, 0)), TimeSpan.Zero);
                Content.Measurements.Add(kpi.Measure(value, at, d < 365 ? MeasurementSource.Import : MeasurementSource.Api));
            }
        }
    }
}
