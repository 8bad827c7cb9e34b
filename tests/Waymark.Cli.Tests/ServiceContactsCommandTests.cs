using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Kpis;
using Waymark.Storage;

namespace Waymark.Cli.Tests;

/// <summary><c>waymark service-contacts</c> and KPIs computed from events stored on the command line.</summary>
public sealed class ServiceContactsCommandTests
{
    private static async Task<string> DemoAsync(Scratch scratch)
    {
        var db = scratch.File("w.db");
        Assert.Equal(0, (await WaymarkProcess.RunAsync(scratch.Path, "demo", "--db", db)).ExitCode);
        return db;
    }

    [Fact]
    public async Task The_service_contact_definition_is_shown_set_and_reset()
    {
        using var scratch = new Scratch();
        var db = await DemoAsync(scratch);

        var shown = await WaymarkProcess.RunAsync(scratch.Path, "service-contacts", "--workspace", "demo", "--db", db);
        Assert.True(shown.ExitCode == 0, shown.Errors);
        Assert.Contains("Built-in definition.", shown.Output);

        var set = await WaymarkProcess.RunAsync(scratch.Path, "service-contacts", "--workspace", "demo", "--touchpoints", "hotline-call, service-chat",
            "--resolved", "solved", "--unresolved", "", "--db", db);
        Assert.True(set.ExitCode == 0, set.Errors);
        Assert.Contains("Service contacts are events at 'hotline-call' or 'service-chat'; resolved means the outcome 'solved'.", set.Output);
        await using (var context = StorageSetup.CreateDb(new StorageOptions { SqliteFile = db }))
        {
            var stored = await context.ServiceContactSettings.SingleAsync();
            Assert.Equal(["hotline-call", "service-chat"], stored.Touchpoints);
            Assert.Equal(["solved"], stored.ResolvedOutcomes);
            Assert.Empty(stored.UnresolvedOutcomes);
        }

        var refused = await WaymarkProcess.RunAsync(scratch.Path, "service-contacts", "--workspace", "demo", "--resolved", "", "--db", db);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("--resolved: Name at least one outcome", refused.Errors);

        var reset = await WaymarkProcess.RunAsync(scratch.Path, "service-contacts", "--workspace", "demo", "--built-in", "--db", db);
        Assert.True(reset.ExitCode == 0, reset.Errors);
        Assert.Contains("Built-in definition.", reset.Output);
    }

    [Fact]
    public async Task Events_stored_by_ingest_fill_a_bound_kpi_before_the_command_ends()
    {
        using var scratch = new Scratch();
        var db = await DemoAsync(scratch);
        Guid kpiId;
        await using (var context = StorageSetup.CreateDb(new StorageOptions { SqliteFile = db }))
        {
            var kpi = new Kpi((await context.Workspaces.SingleAsync(w => w.Key == "demo")).Id, new KpiDefinition("Journeys", "journeys"));
            kpi.Bind(new KpiEventBinding(EventMeasure.JourneysStarted, PeriodGrain.Day));
            context.Kpis.Add(kpi);
            await context.SaveChangesAsync();
            kpiId = kpi.Id;
        }
        // Three journeys: a customer's events within 7 days are one journey, counted on the day it starts.
        await File.WriteAllTextAsync(scratch.File("events.ndjson"), """
            {"customer":"K-1","time":"2026-11-01T09:00:00Z","touchpoint":"order-placed","channel":"shop"}
            {"customer":"K-2","time":"2026-11-01T10:00:00Z","touchpoint":"order-placed","channel":"shop"}
            {"customer":"K-3","time":"2026-11-02T10:00:00Z","touchpoint":"return","channel":"store"}
            """);

        var run = await WaymarkProcess.RunAsync(scratch.Path, "ingest", "events.ndjson", "--workspace", "demo", "--db", db);

        Assert.True(run.ExitCode == 0, run.Errors);
        await using var after = StorageSetup.CreateDb(new StorageOptions { SqliteFile = db });
        var computed = await after.KpiMeasurements.Where(m => m.KpiId == kpiId && m.Source == MeasurementSource.Events)
            .OrderBy(m => m.MeasuredAt).Select(m => new { m.MeasuredAt, m.Value }).ToListAsync();
        Assert.Equal([(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), 2.0), (new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero), 1.0)],
            computed.Select(c => (c.MeasuredAt, c.Value)));
    }
}
