using Waymark.Domain.Common;
using Waymark.Domain.Events;
using Waymark.Domain.Kpis;

namespace Waymark.Domain.Tests.Kpis;

public sealed class KpiEventBindingTests
{
    private static string FieldOf(Action act) => Assert.Throws<DomainRuleException>(act).Field;

    [Fact]
    public void A_measure_at_a_touchpoint_needs_the_touchpoint()
    {
        var e = Assert.Throws<DomainRuleException>(() => new KpiEventBinding(EventMeasure.Conversion, PeriodGrain.Week));
        Assert.Equal("touchpoint", e.Field);
        Assert.Equal("The share reaching a touchpoint needs the touchpoint (its event key) it is measured at.", e.Message);
        Assert.Equal("touchpoint", FieldOf(() => new KpiEventBinding(EventMeasure.DropOff, PeriodGrain.Week, "  ")));
    }

    [Fact]
    public void The_time_between_two_touchpoints_needs_two_different_ones()
    {
        Assert.Equal("toTouchpoint", FieldOf(() => new KpiEventBinding(EventMeasure.MedianTimeBetween, PeriodGrain.Day, "order")));
        Assert.Equal("toTouchpoint", FieldOf(() => new KpiEventBinding(EventMeasure.MedianTimeBetween, PeriodGrain.Day, "order", "order")));
        var b = new KpiEventBinding(EventMeasure.MedianTimeBetween, PeriodGrain.Day, " order ", "delivery");
        Assert.Equal(("order", "delivery"), (b.Touchpoint, b.ToTouchpoint));
    }

    [Fact]
    public void Parameters_a_measure_does_not_use_are_refused_rather_than_ignored()
    {
        Assert.Equal("touchpoint", FieldOf(() => new KpiEventBinding(EventMeasure.FirstContactResolution, PeriodGrain.Month, "support-call")));
        Assert.Equal("toTouchpoint", FieldOf(() => new KpiEventBinding(EventMeasure.Nps, PeriodGrain.Month, "survey", "order")));
        Assert.Equal("journeyId", FieldOf(() => new KpiEventBinding(EventMeasure.Csat, PeriodGrain.Month, journeyId: Guid.NewGuid())));
        Assert.Equal("channel", FieldOf(() => new KpiEventBinding(EventMeasure.ChannelSwitchRate, PeriodGrain.Month, channel: "phone")));
        Assert.Equal("journeyId", FieldOf(() => new KpiEventBinding(EventMeasure.MapConformance, PeriodGrain.Month)));
    }

    [Theory]
    [InlineData(PeriodGrain.Day, "2026-03-04", "2026-03-04", "2026-03-04")]
    [InlineData(PeriodGrain.Week, "2026-03-04", "2026-03-02", "2026-03-08")] // a Wednesday: Monday to Sunday
    [InlineData(PeriodGrain.Week, "2026-03-08", "2026-03-02", "2026-03-08")] // the Sunday itself
    [InlineData(PeriodGrain.Month, "2024-02-10", "2024-02-01", "2024-02-29")]
    public void A_day_falls_in_its_day_week_or_month(PeriodGrain grain, string day, string from, string to)
    {
        var b = new KpiEventBinding(EventMeasure.JourneysStarted, grain);
        Assert.Equal((DateOnly.Parse(from), DateOnly.Parse(to)), b.PeriodOf(DateOnly.Parse(day)));
    }

    [Fact]
    public void The_days_of_a_batch_touch_each_of_their_periods_once()
    {
        var b = new KpiEventBinding(EventMeasure.JourneysStarted, PeriodGrain.Month);
        var periods = b.PeriodsOf([new DateOnly(2026, 3, 31), new DateOnly(2026, 1, 5), new DateOnly(2026, 3, 1)]);
        Assert.Equal([(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31)), (new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31))], periods);
    }

    [Theory]
    [InlineData("min", 90, 1.5)]
    [InlineData("hours", 5400, 1.5)]
    [InlineData("s", 90, 90)]
    [InlineData("%", 90, 90)]
    public void Times_are_written_in_the_kpis_unit(string unit, double seconds, double expected) =>
        Assert.Equal(expected, KpiEventBinding.InUnit(seconds, unit));

    [Fact]
    public void A_kpi_keeps_its_binding_and_forgets_it_when_unbound()
    {
        var kpi = new Kpi(Guid.NewGuid(), new KpiDefinition("NPS", "points"));
        var binding = new KpiEventBinding(EventMeasure.Nps, PeriodGrain.Week, "survey", channel: "email");
        kpi.Bind(binding);
        Assert.Equal(binding, kpi.Binding);
        kpi.Unbind();
        Assert.Null(kpi.Binding);
    }

    [Fact]
    public void A_service_contact_setting_needs_a_resolved_outcome_that_is_not_also_unresolved()
    {
        var setting = new ServiceContactSetting(Guid.NewGuid());
        Assert.Equal("resolvedOutcomes", FieldOf(() => setting.Define(["call"], null, [" "], null)));
        var both = Assert.Throws<DomainRuleException>(() => setting.Define(null, null, ["Resolved"], ["resolved"]));
        Assert.Equal(("unresolvedOutcomes", "The outcome 'Resolved' cannot mean both resolved and not resolved."), (both.Field, both.Message));

        setting.Define([" call ", "call", "chat"], ["Phone", "phone"], ["solved"], null);
        Assert.Equal(["call", "chat"], setting.Touchpoints);
        Assert.Equal(["Phone"], setting.Channels);
    }
}
