using System.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace Waymark.Cli.Tests;

public sealed class DemoCommandTests
{
    [Fact]
    public async Task Demo_size_large_creates_the_large_workspace_with_plain_progress_when_redirected()
    {
        using var scratch = new Scratch();
        var db = scratch.File("large.db");
        // Storing 220,000 rows takes well under a minute on an idle machine; the limit allows for a busy one.
        var run = await WaymarkProcess.RunAsync(TimeSpan.FromMinutes(6), scratch.Path, "demo", "--size", "large", "--db", db);

        Assert.True(run.ExitCode == 0, run.Errors);
        Assert.Equal("large", run.LastLine);
        Assert.Contains("Created 'Meridian Telecom'", run.Output);
        Assert.Contains("100,000 evaluations", run.Output);
        Assert.DoesNotContain("\u001b[", run.Output); // no terminal control sequences in a redirected output
        await using var data = Storage.StorageSetup.CreateDb(new Storage.StorageOptions { SqliteFile = db });
        var ws = await data.Workspaces.SingleAsync(w => w.Key == "large");
        Assert.Equal(2000, await data.Touchpoints.CountAsync(t => t.WorkspaceId == ws.Id));
        Assert.Equal(100_000, await data.Evaluations.CountAsync(e => e.WorkspaceId == ws.Id));
        Assert.Equal(109_560, await data.KpiMeasurements.CountAsync(m => m.WorkspaceId == ws.Id));
        Assert.Equal(50, await data.Memberships.CountAsync(m => m.WorkspaceId == ws.Id));
    }

    [Fact]
    public async Task Demo_refuses_a_size_it_does_not_know_and_creates_nothing()
    {
        using var scratch = new Scratch();
        var db = scratch.File("huge.db");
        var run = await WaymarkProcess.RunAsync(scratch.Path, "demo", "--size", "huge", "--db", db);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("'huge' is not a demo size: use small (the TV retailer) or large", run.Errors);
        Assert.False(File.Exists(db));
    }

    [Fact]
    public async Task Demo_without_a_size_is_the_small_one()
    {
        using var scratch = new Scratch();
        var run = await WaymarkProcess.RunAsync(scratch.Path, "demo", "--db", scratch.File("small.db"));

        Assert.True(run.ExitCode == 0, run.Errors);
        Assert.Contains("Created 'Brightview TV & Home Cinema'", run.Output);
        Assert.Equal("demo", run.LastLine);
    }

    [Fact]
    public async Task Demo_gives_the_small_demo_its_events_and_computes_its_kpis_from_them_unless_told_not_to()
    {
        using var scratch = new Scratch();
        var db = scratch.File("events.db");
        var info = WaymarkProcess.StartInfo(scratch.Path, "demo", "--db", db);
        info.Environment["Waymark__SeedDemoEvents"] = "true";
        info.Environment["Waymark__DemoEventCount"] = "2000";
        using (var process = Process.Start(info)!)
        {
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token);
            Assert.True(process.ExitCode == 0, await errors);
            Assert.Matches(@"Gave it a year of [\d,]+ interaction events, the last on .* UTC, and computed its KPIs from them in", await output);
        }
        var without = await WaymarkProcess.RunAsync(scratch.Path, "demo", "--db", db, "--no-events");
        Assert.True(without.ExitCode == 0, without.Errors);
        Assert.DoesNotContain("interaction events", without.Output);

        await using var data = Storage.StorageSetup.CreateDb(new Storage.StorageOptions { SqliteFile = db });
        var demo = await data.Workspaces.SingleAsync(w => w.Key == "demo");
        Assert.InRange(await Storage.Interactions.EventStore.For(data).CountAsync(demo.Id), 1_800, 2_200);
        Assert.True(await data.KpiMeasurements.CountAsync(m => m.WorkspaceId == demo.Id && m.Source == Domain.Kpis.MeasurementSource.Events) >= 5 * 6);
        var second = await data.Workspaces.SingleAsync(w => w.Key == "demo-2");
        Assert.Equal(0, await Storage.Interactions.EventStore.For(data).CountAsync(second.Id));
        Assert.Equal(0, await data.Kpis.CountAsync(k => k.WorkspaceId == second.Id && k.BoundMeasure != null));
    }
}

