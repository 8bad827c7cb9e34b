using Waymark.Storage;
using Waymark.Storage.Interactions;

namespace Waymark.Cli.Tests;

/// <summary><c>waymark ingest</c>: files checked whole, stored in committed batches, resumable, idempotent by event id.</summary>
public sealed class IngestCommandTests
{
    private const string Csv = """
        cust;ts;step;medium;id
        K-1;2026-11-01T09:00:00Z;order-placed;shop;e-1
        K-1;2026-11-01T09:20:00Z;delivery-question;chat;e-2
        K-2;2026-11-02T10:00:00Z;order-placed;shop;e-3
        K-2;2026-11-02T11:00:00Z;return;store;e-4
        K-3;2026-11-03T08:00:00Z;order-placed;shop;e-5
        """;

    private const string Map = "customer=cust,time=ts,touchpoint=step,channel=medium,eventId=id";

    private static async Task<long> StoredAsync(string db, string customer = "")
    {
        await using var context = StorageSetup.CreateDb(new StorageOptions { SqliteFile = db });
        var ws = context.Workspaces.Single(w => w.Key == "demo").Id;
        return await EventStore.For(context).CountAsync(ws, customer.Length == 0 ? null : customer);
    }

    private static async Task<string> DemoAsync(Scratch scratch)
    {
        var db = scratch.File("w.db");
        Assert.Equal(0, (await WaymarkProcess.RunAsync(scratch.Path, "demo", "--db", db)).ExitCode);
        return db;
    }

    [Fact]
    public async Task A_csv_file_is_stored_in_batches_and_a_second_run_counts_every_event_as_a_duplicate()
    {
        using var scratch = new Scratch();
        var db = await DemoAsync(scratch);
        await File.WriteAllTextAsync(scratch.File("events.csv"), Csv);

        var run = await WaymarkProcess.RunAsync(scratch.Path, "ingest", "events.csv", "--workspace", "demo", "--map", Map, "--batch", "2", "--db", db);

        Assert.True(run.ExitCode == 0, run.Errors + run.Output);
        // Batches of 2 events: committed through lines 3, 5 and 6, each reported as it is committed.
        Assert.Contains("stored through line 3 (2 events so far)", run.Output);
        Assert.Contains("stored through line 5 (4 events so far)", run.Output);
        Assert.Contains("Stored 5 events in 'demo'", run.Output);
        Assert.Equal("Last committed: line 6", run.LastLine);
        Assert.Equal(5, await StoredAsync(db));

        var again = await WaymarkProcess.RunAsync(scratch.Path, "ingest", "events.csv", "--workspace", "demo", "--map", Map, "--db", db);
        Assert.True(again.ExitCode == 0, again.Errors);
        Assert.Contains("Stored 0 events in 'demo'", again.Output);
        Assert.Contains("5 events already stored (same event id) left out", again.Output);
        Assert.Equal(5, await StoredAsync(db));
    }

    [Fact]
    public async Task From_line_goes_on_where_an_earlier_run_stopped_for_events_without_an_id()
    {
        using var scratch = new Scratch();
        var db = await DemoAsync(scratch);
        await File.WriteAllTextAsync(scratch.File("events.ndjson"), string.Join("\n", Csv.Split('\n').Skip(1).Select(l => l.Split(';')).Select(f =>
            $$"""{"customer":"{{f[0]}}","time":"{{f[1]}}","touchpoint":"{{f[2]}}","channel":"{{f[3]}}"}""")));

        var run = await WaymarkProcess.RunAsync(scratch.Path, "ingest", "events.ndjson", "--workspace", "demo", "--from-line", "3", "--db", db);

        Assert.True(run.ExitCode == 0, run.Errors);
        Assert.Contains("Stored 3 events", run.Output);
        Assert.Equal(0, await StoredAsync(db, "K-1"));
        Assert.Equal(2, await StoredAsync(db, "K-2"));
        Assert.Equal(1, await StoredAsync(db, "K-3"));
    }

    [Fact]
    public async Task A_file_with_bad_records_names_file_line_and_field_and_stores_nothing()
    {
        using var scratch = new Scratch();
        var db = await DemoAsync(scratch);
        // The bad records come after the first batch: the whole file is checked before anything is stored.
        await File.WriteAllTextAsync(scratch.File("events.csv"), Csv + "\nK-4;tomorrow;order-placed;shop;e-6\nK-5;2026-11-04T08:00:00Z;order-placed;;e-7\n");

        var run = await WaymarkProcess.RunAsync(scratch.Path, "ingest", "events.csv", "--workspace", "demo", "--map", Map, "--batch", "2", "--db", db);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("events.csv: line 7, field 'time': 'tomorrow' is not a timestamp", run.Errors);
        Assert.Contains("events.csv: line 8, field 'channel': is empty", run.Errors);
        Assert.Contains("nothing was stored: 2 problems", run.Errors);
        Assert.Equal(0, await StoredAsync(db));
    }

    [Fact]
    public async Task An_xes_log_is_stored_with_a_channel_taken_from_one_of_its_attributes()
    {
        using var scratch = new Scratch();
        var db = await DemoAsync(scratch);

        var run = await WaymarkProcess.RunAsync(scratch.Path, "ingest", EventLog("running-example.xes"), "--workspace", "demo",
            "--map", "channel=org:resource", "--db", db);

        Assert.True(run.ExitCode == 0, run.Errors);
        Assert.Contains("Stored 42 events", run.Output);
        Assert.Equal("Last committed: event 42", run.LastLine);
        Assert.Equal(42, await StoredAsync(db));
    }

    [Fact]
    public async Task An_unknown_workspace_is_named_and_nothing_is_read()
    {
        using var scratch = new Scratch();
        var db = await DemoAsync(scratch);
        await File.WriteAllTextAsync(scratch.File("events.csv"), Csv);

        var run = await WaymarkProcess.RunAsync(scratch.Path, "ingest", "events.csv", "--workspace", "nowhere", "--map", Map, "--db", db);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("There is no workspace 'nowhere'", run.Errors);
    }

    /// <summary>The shared public logs (WAYMARK_EVENT_LOGS, else shared/data/event-logs beside an ancestor of the repository).</summary>
    private static string EventLog(string name)
    {
        if (Environment.GetEnvironmentVariable("WAYMARK_EVENT_LOGS") is { Length: > 0 } custom) return Path.Combine(custom, name);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "event-logs", name);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"The shared event log {name} was not found; set WAYMARK_EVENT_LOGS.");
    }
}
