using Waymark.Domain.Kpis;
using Waymark.Domain.Tests.Support;

namespace Waymark.Domain.Tests.Kpis;

public class KpiTests
{
    private static readonly KpiDefinition Csat = new("CSAT", "%");

    private static Kpi Create(KpiDefinition definition) => new(Some.WorkspaceId, definition);

    [Fact]
    public void A_kpi_needs_a_name_and_a_unit_of_at_most_40_characters()
    {
        Rule.Broken("name", () => Create(Csat with { Name = "" }));
        Rule.Broken("unit", () => Create(Csat with { Unit = " " }));
        Rule.Broken("unit", () => Create(Csat with { Unit = Some.Text(41) }));
        Assert.Equal(Some.Text(40), Create(Csat with { Unit = Some.Text(40) }).Unit);
    }

    [Fact]
    public void Target_and_best_in_class_must_be_numbers()
    {
        Rule.Broken("target", () => Create(Csat with { Target = double.NaN }));
        Rule.Broken("bestInClass", () => Create(Csat with { BestInClass = double.NegativeInfinity }));
        Rule.Broken("direction", () => Create(Csat with { Direction = (KpiDirection)5 }));
        Rule.Broken("computedFrom", () => Create(Csat with { ComputedFrom = Some.Text(101) }));
        Rule.Broken("description", () => Create(Csat with { Description = Some.Text(4001) }));
    }

    [Fact]
    public void Advantage_is_positive_when_better_whatever_the_direction()
    {
        var higher = Some.Kpi(KpiDirection.HigherIsBetter);
        var lower = Some.Kpi(KpiDirection.LowerIsBetter);

        Assert.Equal(5, higher.Advantage(85, 80));
        Assert.Equal(-5, higher.Advantage(75, 80));
        Assert.Equal(-5, lower.Advantage(85, 80));
        Assert.Equal(5, lower.Advantage(75, 80));
        Assert.Null(higher.Advantage(75, null));
    }

    [Fact]
    public void A_measurement_belongs_to_its_kpi_and_is_kept_in_utc()
    {
        var kpi = Some.Kpi();
        var local = new DateTimeOffset(2025, 3, 10, 12, 0, 0, TimeSpan.FromHours(2));

        var measurement = kpi.Measure(81.5, local, MeasurementSource.Api, "from the call centre");

        Assert.Equal(kpi.Id, measurement.KpiId);
        Assert.Equal(kpi.WorkspaceId, measurement.WorkspaceId);
        Assert.Equal(81.5, measurement.Value);
        Assert.Equal(new DateTimeOffset(2025, 3, 10, 10, 0, 0, TimeSpan.Zero), measurement.MeasuredAt);
        Assert.Equal(TimeSpan.Zero, measurement.MeasuredAt.Offset);
        Assert.Equal(MeasurementSource.Api, measurement.Source);
    }

    [Fact]
    public void A_measurement_must_be_a_number_at_a_time_from_a_known_source()
    {
        var kpi = Some.Kpi();

        Rule.Broken("value", () => kpi.Measure(double.NaN, Some.Instant, MeasurementSource.Manual));
        Rule.Broken("value", () => kpi.Measure(double.PositiveInfinity, Some.Instant, MeasurementSource.Manual));
        Rule.Broken("measuredAt", () => kpi.Measure(1, default, MeasurementSource.Manual));
        Rule.Broken("source", () => kpi.Measure(1, Some.Instant, (MeasurementSource)9));
        Rule.Broken("note", () => kpi.Measure(1, Some.Instant, MeasurementSource.Manual, Some.Text(1001)));
    }
}
