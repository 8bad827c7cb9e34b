using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Domain.Kpis;
using Waymark.Storage;
using Waymark.Storage.Demo;
using Waymark.Storage.Interactions;
using Waymark.Web.Features.Events;
using Waymark.Web.Features.Kpis;
using Waymark.Web.Infrastructure;
using Waymark.Web.Tests.Support;
using Xunit.Abstractions;

namespace Waymark.Web.Tests.Events;

/// <summary>The demo workspace with its year of events, as a first start creates it; <paramref name="count"/> events asked for.</summary>
public abstract class DemoEventsFactory(int? count) : WaymarkApiFactory(seedDemo: true)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting(DemoEvents.Setting, "true");
        if (count is { } n) builder.UseSetting(DemoEvents.CountSetting, n.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // The KPIs are computed when the test asks (RunPendingAsync), not also in the background at the same time.
        builder.UseSetting(KpiEventRefresh.DelaySetting, "600");
    }

    /// <summary>Starts the server and waits until the demo's events are stored (and, when asked, the KPIs bound to them computed).</summary>
    public async Task<(long Stored, TimeSpan Took)> SeededAsync(bool computeKpis)
    {
        CreateClient().Dispose();
        var clock = Stopwatch.StartNew();
        var stored = await Services.GetRequiredService<DemoEventSeeding>().Done.WaitAsync(TimeSpan.FromSeconds(60));
        var took = clock.Elapsed;
        if (computeKpis) await Services.GetRequiredService<KpiEventRefresh>().RunPendingAsync(CancellationToken.None);
        return (stored, took);
    }
}

public sealed class SmallDemoEventsFactory() : DemoEventsFactory(3_000);

public sealed class FullDemoEventsFactory() : DemoEventsFactory(null);

public sealed class DemoEventsTests(SmallDemoEventsFactory factory) : IClassFixture<SmallDemoEventsFactory>
{
    [Fact]
    public async Task The_demo_gets_its_events_for_the_current_state_maps_and_its_kpis_are_computed_from_them()
    {
        var (stored, _) = await factory.SeededAsync(computeKpis: true);
        var end = factory.Services.GetRequiredService<DemoEventSeeding>().End!.Value;

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaymarkDb>();
        var demo = await db.Workspaces.SingleAsync(w => w.Key == "demo");
        var events = new List<Domain.Events.InteractionEvent>();
        await foreach (var e in EventStore.For(db).ReadAsync(demo.Id, end.AddDays(-366), end.AddDays(1))) events.Add(e);

        // About the number asked for, over the year up to the end, in the customers of three maps.
        Assert.Equal(stored, events.Count);
        Assert.InRange(events.Count, 2_700, 3_300);
        Assert.True(events.Min(e => e.At) >= end.AddDays(-365) && events.Max(e => e.At) < end);
        Assert.True(events.Max(e => e.At) > end.AddDays(-3), "the newest event is a few days old at most");
        Assert.Equal(['P', 'R', 'S'], events.Select(e => e.Customer[0]).Distinct().Order());
        Assert.Contains(events, e => e.Touchpoint == "call-hotline" && e.Outcome == "unresolved" && e.WaitingSeconds > 0);
        Assert.Contains(events, e => e.Touchpoint == "email-feedback-survey" && e.ScoreKind == Domain.Events.EventScoreKind.Nps);
        Assert.Contains(events, e => e.Attributes == "{\"persona\":\"Walter Brenner\"}");

        // Deterministic: the same end gives the same events, whatever the identifiers of the stored workspace.
        var again = DemoEvents.Generate(DemoWorkspace.Build(kpisFromEvents: true), end, 3_000);
        Assert.Equal(again.OrderBy(e => e.At).ThenBy(e => e.Customer, StringComparer.Ordinal).ThenBy(e => e.Touchpoint, StringComparer.Ordinal),
            events.OrderBy(e => e.At).ThenBy(e => e.Customer, StringComparer.Ordinal).ThenBy(e => e.Touchpoint, StringComparer.Ordinal));

        // The KPIs the call-centre software and the survey feed are bound to events, with computed figures and no typed-in ones.
        var bound = await db.Kpis.Where(k => k.WorkspaceId == demo.Id && k.BoundMeasure != null).ToListAsync();
        Assert.Equal(
            [EventMeasure.JourneysStarted, EventMeasure.FirstContactResolution, EventMeasure.AverageHandlingTime, EventMeasure.AverageWaitingTime, EventMeasure.Nps],
            bound.Select(k => k.BoundMeasure!.Value).Order());
        foreach (var kpi in bound)
        {
            var sources = await db.KpiMeasurements.Where(m => m.KpiId == kpi.Id).Select(m => m.Source).ToListAsync();
            Assert.True(sources.Count >= 6, $"{kpi.Name}: {sources.Count} measurements");
            Assert.All(sources, s => Assert.Equal(MeasurementSource.Events, s));
        }
        var fcr = await db.Kpis.SingleAsync(k => k.WorkspaceId == demo.Id && k.BoundMeasure == EventMeasure.FirstContactResolution);
        var values = await db.KpiMeasurements.Where(m => m.KpiId == fcr.Id).Select(m => m.Value).ToListAsync();
        Assert.All(values, v => Assert.InRange(v, 40, 100));
    }

    [Fact]
    public void The_same_end_gives_the_same_events_and_another_end_moves_them()
    {
        var end = new DateTime(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);
        var a = DemoEvents.Generate(DemoWorkspace.Build(today: new DateOnly(2026, 3, 1)), end, 2_000);
        var b = DemoEvents.Generate(DemoWorkspace.Build(today: new DateOnly(2026, 3, 1)), end, 2_000);
        Assert.Equal(a, b);
        var later = DemoEvents.Generate(DemoWorkspace.Build(), end.AddDays(1), 2_000);
        Assert.Equal(a[0] with { At = a[0].At.AddDays(1) }, later[0]);
        Assert.Equal(DateTime.SpecifyKind(new DateTime(2026, 12, 4, 3, 0, 0), DateTimeKind.Utc), DemoEvents.EndFor(new DateTimeOffset(2026, 12, 4, 3, 59, 59, TimeSpan.Zero)));
    }
}

/// <summary>The demo as a new user gets it: about 200,000 events, reported by the analytics endpoint.</summary>
public sealed class FullDemoEventsTests(FullDemoEventsFactory factory, ITestOutputHelper output) : IClassFixture<FullDemoEventsFactory>
{
    [Fact]
    public async Task The_default_demo_stores_about_200_000_events_and_the_analytics_report_them()
    {
        var (stored, took) = await factory.SeededAsync(computeKpis: false);
        output.WriteLine($"stored {stored:N0} demo events in {took.TotalSeconds:F1} s");
        Assert.InRange(stored, 190_000, 210_000);

        var end = factory.Services.GetRequiredService<DemoEventSeeding>().End!.Value;
        var client = factory.CreateClient();
        var response = await client.GetAsync($"/api/workspaces/demo/analytics?from={end.AddDays(-366):yyyy-MM-dd}&to={end:yyyy-MM-dd}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        var report = JsonDocument.Parse(text).RootElement;
        Assert.Equal(stored, report.GetProperty("events").GetInt64());
        Assert.True(report.GetProperty("cases").GetInt64() > 10_000);
    }
}
