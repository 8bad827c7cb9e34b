using Waymark.Domain.Kpis;
using Waymark.Domain.Tests.Support;

namespace Waymark.Domain.Tests.Kpis;

public class KpiRangeTests
{
    private static readonly DateTimeOffset March = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static Kpi Nps() => new(Some.WorkspaceId, new KpiDefinition("NPS", "points", Target: 40, ValidMinimum: -100, ValidMaximum: 100));

    [Fact]
    public void A_measurement_outside_the_valid_range_is_refused_with_the_range_and_the_value()
    {
        var kpi = Nps();

        var e = Rule.Broken("value", () => kpi.Measure(-99_999_999, March, MeasurementSource.Manual));

        Assert.Equal("A value of NPS must be between -100 and 100; -99999999 is outside.", e.Message);
        Assert.Equal(100, kpi.Measure(100, March, MeasurementSource.Manual).Value);
        Assert.Equal(-100, kpi.Measure(-100, March, MeasurementSource.Manual).Value);
    }

    [Fact]
    public void A_range_may_be_open_on_one_side_and_without_one_every_number_is_taken()
    {
        var waiting = new Kpi(Some.WorkspaceId, new KpiDefinition("Waiting time", "min", ValidMinimum: 0));
        Rule.Broken("value", () => waiting.Measure(-1, March, MeasurementSource.Api));
        Assert.Equal("at least 0", waiting.RangeText);
        Assert.Equal(1e9, waiting.Measure(1e9, March, MeasurementSource.Api).Value);

        var open = new Kpi(Some.WorkspaceId, new KpiDefinition("Anything", "units"));
        Assert.Null(open.RangeText);
        Assert.Equal(-99_999_999, open.Measure(-99_999_999, March, MeasurementSource.Api).Value);
    }

    [Fact]
    public void The_range_must_not_be_upside_down_and_target_and_best_in_class_lie_inside_it()
    {
        Rule.Broken("validMaximum", () => new Kpi(Some.WorkspaceId, new KpiDefinition("CSAT", "%", ValidMinimum: 100, ValidMaximum: 0)));
        Rule.Broken("target", () => new Kpi(Some.WorkspaceId, new KpiDefinition("CSAT", "%", Target: 101, ValidMinimum: 0, ValidMaximum: 100)));
        Rule.Broken("bestInClass", () => new Kpi(Some.WorkspaceId, new KpiDefinition("CSAT", "%", BestInClass: -1, ValidMinimum: 0, ValidMaximum: 100)));
        Rule.Broken("validMinimum", () => new Kpi(Some.WorkspaceId, new KpiDefinition("CSAT", "%", ValidMinimum: double.NaN)));
    }

    [Fact]
    public void A_correction_changes_value_time_and_note_but_not_the_source_and_keeps_to_the_range()
    {
        var kpi = Nps();
        var m = kpi.Measure(43, March, MeasurementSource.Import, "survey");

        kpi.Correct(m, 34, March.AddDays(1), "typo in the survey export");

        Assert.Equal(34, m.Value);
        Assert.Equal(March.AddDays(1), m.MeasuredAt);
        Assert.Equal("typo in the survey export", m.Note);
        Assert.Equal(MeasurementSource.Import, m.Source);
        Rule.Broken("value", () => kpi.Correct(m, 101, March, null));
        Assert.Equal(34, m.Value);
        Rule.Broken("measurementId", () => Nps().Correct(m, 1, March, null));
    }

    [Fact]
    public void A_correction_made_on_an_older_copy_is_refused()
    {
        var m = Nps().Measure(43, March, MeasurementSource.Manual);
        m.Version = 3;

        Assert.Throws<Waymark.Domain.Common.StaleVersionException>(() => m.EnsureVersion(2));
        m.EnsureVersion(3);
    }
}
