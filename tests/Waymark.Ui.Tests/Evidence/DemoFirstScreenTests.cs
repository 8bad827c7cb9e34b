using Bunit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Domain.Journeys;
using Waymark.Domain.Kpis;
using Waymark.Storage.Access;
using Waymark.Ui.Tests.Support;
using Waymark.Web.Components.Pages.Journeys;
using Waymark.Web.Features.Events;
using Waymark.Web.Features.Kpis;
using Waymark.Web.Infrastructure;

namespace Waymark.Ui.Tests.Evidence;

/// <summary>The demo as a first start creates it, with its events (3,000 here, so the test stays quick).</summary>
public sealed class DemoEventsUiFactory : UiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting(DemoEvents.Setting, "true");
        builder.UseSetting(DemoEvents.CountSetting, "3000");
        builder.UseSetting(KpiEventRefresh.DelaySetting, "600");
    }
}

/// <summary>What a new user sees first: evidence on the demo's maps and KPI figures computed from the demo's events.</summary>
public sealed class DemoFirstScreenTests(DemoEventsUiFactory factory) : IClassFixture<DemoEventsUiFactory>
{
    [Fact]
    public async Task The_demo_map_shows_fresh_evidence_and_the_dashboard_the_figures_computed_from_events()
    {
        await factory.Services.GetRequiredService<DemoEventSeeding>().Done.WaitAsync(TimeSpan.FromSeconds(60));
        await factory.Services.GetRequiredService<KpiEventRefresh>().RunPendingAsync(CancellationToken.None);
        Guid map;
        string waiting;
        await using (var db = factory.OpenDb())
        {
            var demo = factory.DemoId;
            map = await db.Journeys.Where(j => j.WorkspaceId == demo && j.Scenario == JourneyScenario.InitialPurchase && j.State == JourneyState.Current)
                .Select(j => j.Id).SingleAsync();
            var kpi = await db.Kpis.SingleAsync(k => k.WorkspaceId == demo && k.Name == "Average hotline waiting time");
            var latest = (await db.KpiMeasurements.Where(m => m.KpiId == kpi.Id).ToListAsync()).MaxBy(m => m.MeasuredAt)!;
            Assert.Equal(MeasurementSource.Events, latest.Source);
            waiting = Web.Features.Wording.Number(latest.Value) + " min";
        }

        using var host = new PageHost(factory, WorkspaceRole.Viewer);
        var page = host.Context.Render<JourneyMap>(p => p.Add(x => x.Ws, "demo").Add(x => x.Id, map));
        page.WaitForAssertion(() => Assert.Matches(@"^Evidence from events: last event (less than a minute|\d+ minutes?|\d+ hours?|\d+ days?) ago$",
            page.Find("[data-testid=evidence-freshness]").TextContent.Trim()), TimeSpan.FromSeconds(20));
        Assert.Contains(page.FindAll("[data-step-evidence] [data-reached]"), e => int.Parse(e.GetAttribute("data-reached")!) > 0);

        var dashboard = host.Context.Render<Web.Components.Pages.Dashboard.Dashboard>(p => p.Add(x => x.Ws, "demo"));
        dashboard.WaitForAssertion(() =>
        {
            var row = dashboard.FindAll("[data-testid=dashboard] tr").Single(r => r.TextContent.Contains("Average hotline waiting time"));
            Assert.Contains(waiting, row.TextContent);
        }, TimeSpan.FromSeconds(20));
    }
}
