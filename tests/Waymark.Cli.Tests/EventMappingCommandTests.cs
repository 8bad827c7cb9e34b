using Microsoft.EntityFrameworkCore;
using Waymark.Storage;
using Waymark.Storage.Interactions;

namespace Waymark.Cli.Tests;

/// <summary><c>waymark event-mapping</c>, and <c>waymark ingest</c> reading a file with the mapping the workspace saved.</summary>
public sealed class EventMappingCommandTests
{
    [Fact]
    public async Task A_saved_mapping_reads_files_given_without_one_until_it_is_removed()
    {
        using var scratch = new Scratch();
        var db = scratch.File("w.db");
        Assert.Equal(0, (await WaymarkProcess.RunAsync(scratch.Path, "demo", "--db", db)).ExitCode);
        var file = scratch.File("calls.csv");
        await File.WriteAllTextAsync(file, "cust_id,ts,activity,medium\nK-300,2026-11-01T09:00:00Z,support-call,phone\nK-300,2026-11-01T09:40:00Z,callback,phone\n");

        var shown = await WaymarkProcess.RunAsync(scratch.Path, "event-mapping", "--workspace", "demo", "--db", db);
        Assert.True(shown.ExitCode == 0, shown.Errors);
        Assert.Contains("No saved mapping", shown.Output);
        var unread = await WaymarkProcess.RunAsync(scratch.Path, "ingest", file, "--workspace", "demo", "--db", db);
        Assert.Equal(1, unread.ExitCode);

        var refused = await WaymarkProcess.RunAsync(scratch.Path, "event-mapping", "--workspace", "demo", "--set", "colour=red", "--db", db);
        Assert.Equal(1, refused.ExitCode);
        Assert.StartsWith("--set: ", refused.Errors.Trim());

        var set = await WaymarkProcess.RunAsync(scratch.Path, "event-mapping", "--workspace", "demo", "--set", "customer=cust_id,time=ts,activity=activity,channel=medium", "--db", db);
        Assert.True(set.ExitCode == 0, set.Errors);
        Assert.Contains("Saved mapping: customer=cust_id,time=ts,activity=activity,channel=medium", set.Output);

        var ingested = await WaymarkProcess.RunAsync(scratch.Path, "ingest", file, "--workspace", "demo", "--db", db);
        Assert.True(ingested.ExitCode == 0, ingested.Errors);
        await using (var context = StorageSetup.CreateDb(new StorageOptions { SqliteFile = db }))
        {
            var ws = await context.Workspaces.SingleAsync(w => w.Key == "demo");
            var calls = await EventStore.For(context).ReadCustomerAsync(ws.Id, "K-300").ToListAsync();
            Assert.Equal(["support-call", "callback"], calls.Select(e => e.Touchpoint));
        }

        var removed = await WaymarkProcess.RunAsync(scratch.Path, "event-mapping", "--workspace", "demo", "--remove", "--db", db);
        Assert.True(removed.ExitCode == 0, removed.Errors);
        Assert.Contains("No saved mapping", removed.Output);
        Assert.Equal(1, (await WaymarkProcess.RunAsync(scratch.Path, "ingest", file, "--workspace", "demo", "--db", db)).ExitCode);
    }
}
