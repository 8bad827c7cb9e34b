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
}
