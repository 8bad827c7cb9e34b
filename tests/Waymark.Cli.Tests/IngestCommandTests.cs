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
        // As a server would in the background, the command works out the journey analytics of the days it changed.
        await using (var context = StorageSetup.CreateDb(new StorageOptions { SqliteFile = db }))
        {
            var ws = context.Workspaces.Single(w => w.Key == "demo").Id;
            var kept = await EventStore.For(context).ReadPartialsAsync(ws, "month-cut-7d/1", new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 3), withData: true);
            Assert.Equal(3, kept.Count(k => k.Data is not null));
        }

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
    internal static string EventLog(string name)
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

/// <summary><c>waymark ingest</c> of every format the analyzer reads and <c>waymark export-events</c> back out, on a real log.</summary>
public sealed class ExportEventsCommandTests
{
    private static async Task<List<Domain.Events.InteractionEvent>> StoredAsync(string db, string workspace)
    {
        await using var context = StorageSetup.CreateDb(new StorageOptions { SqliteFile = db });
        var ws = context.Workspaces.Single(w => w.Key == workspace).Id;
        return await EventStore.For(context).ReadAsync(ws, new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2101, 1, 1, 0, 0, 0, DateTimeKind.Utc)).ToListAsync();
    }

    private static async Task<string> TwoWorkspacesAsync(Scratch scratch)
    {
        var db = scratch.File("w.db");
        Assert.Equal(0, (await WaymarkProcess.RunAsync(scratch.Path, "demo", "--db", db)).ExitCode);
        Assert.Equal(0, (await WaymarkProcess.RunAsync(scratch.Path, "demo", "--key", "copy", "--db", db)).ExitCode);
        return db;
    }

    [Fact]
    public async Task An_xes_gz_log_without_a_channel_is_refused_saying_how_to_give_one_then_stored_with_channel_and_exported_as_parquet_and_csv_that_ingest_back_unchanged()
    {
        using var scratch = new Scratch();
        var db = await TwoWorkspacesAsync(scratch);
        var log = IngestCommandTests.EventLog("03_repairExample.xes.gz");

        var refused = await WaymarkProcess.RunAsync(scratch.Path, "ingest", log, "--workspace", "demo", "--db", db);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("03_repairExample.xes.gz: nothing was stored. 03_repairExample.xes.gz: the log, field 'channel': no event names a channel; map it with channel=<attribute> (its events have ", refused.Errors);
        Assert.Contains("org:resource", refused.Errors);
        Assert.Contains("Or give all its events one channel with --channel <name>", refused.Errors);
        Assert.Empty(await StoredAsync(db, "demo"));

        var stored = await WaymarkProcess.RunAsync(scratch.Path, "ingest", log, "--workspace", "demo", "--channel", "repair shop", "--db", db);
        Assert.True(stored.ExitCode == 0, stored.Errors);
        var original = await StoredAsync(db, "demo");
        Assert.True(original.Count > 1000, $"{original.Count} events");
        Assert.All(original, e => Assert.Equal("repair shop", e.Channel));
        Assert.Contains(original, e => e.Attributes is { } a && a.Contains("phoneType"));

        var parquet = await WaymarkProcess.RunAsync(scratch.Path, "export-events", "--workspace", "demo", "--out", scratch.File("events.parquet"), "--db", db);
        Assert.True(parquet.ExitCode == 0, parquet.Errors);
        Assert.StartsWith($"Exported {original.Count:N0} events of 'demo' to ", parquet.LastLine);
        Assert.False(File.Exists(scratch.File("events.parquet.partial")));
        var again = await WaymarkProcess.RunAsync(scratch.Path, "ingest", "events.parquet", "--workspace", "copy", "--db", db);
        Assert.True(again.ExitCode == 0, again.Errors);
        Assert.Equal($"Last committed: row {original.Count}", again.LastLine);
        Assert.Equal(original, await StoredAsync(db, "copy"));

        // One day as CSV, ingested into a third workspace's worth of events: the same events of that day.
        var day = original[0].At.Date;
        var csv = await WaymarkProcess.RunAsync(scratch.Path, "export-events", "--workspace", "demo", "--from", $"{day:yyyy-MM-dd}", "--to", $"{day:yyyy-MM-dd}",
            "--format", "csv", "--out", scratch.File("day.txt"), "--db", db);
        Assert.True(csv.ExitCode == 0, csv.Errors);
        var ofDay = original.Where(e => e.At.Date == day).ToList();
        Assert.Contains($"Exported {ofDay.Count:N0} events of 'demo' from {day:yyyy-MM-dd} 00:00 to {day.AddDays(1):yyyy-MM-dd} 00:00 UTC", csv.Output);
        await using (var context = StorageSetup.CreateDb(new StorageOptions { SqliteFile = db }))
        {
            var audit = context.AuditEntries.Where(a => a.Action == Storage.Access.AuditAction.Exported).ToList();
            Assert.Equal(2, audit.Count);
            Assert.All(audit, a => Assert.Equal("command line", a.ActorName));
        }
        var copyOfDay = await WaymarkProcess.RunAsync(scratch.Path, "ingest", "day.txt", "--format", "csv", "--workspace", "copy", "--db", db);
        Assert.True(copyOfDay.ExitCode == 0, copyOfDay.Errors);
        // Events without an id are new each time: the day is in the copy twice now, once from Parquet, once from CSV.
        Assert.Equal(ofDay.Concat(ofDay).OrderBy(e => e.At).Select(e => (e.Customer, e.At, e.Touchpoint, e.Attributes)),
            (await StoredAsync(db, "copy")).Where(e => e.At.Date == day).OrderBy(e => e.At).Select(e => (e.Customer, e.At, e.Touchpoint, e.Attributes)));
    }

    [Fact]
    public async Task A_parquet_file_is_ingested_row_group_by_row_group_and_goes_on_from_a_row()
    {
        using var scratch = new Scratch();
        var db = await TwoWorkspacesAsync(scratch);
        await File.WriteAllTextAsync(scratch.File("events.ndjson"), """
            {"customer":"K-1","time":"2026-11-01T09:00:00Z","touchpoint":"order-placed","channel":"shop","score":9,"score_kind":"nps","basket":"3 items"}
            {"customer":"K-1","time":"2026-11-01T09:20:00Z","touchpoint":"delivery-question","channel":"chat","handling":95.5}
            {"customer":"K-2","time":"2026-11-02T10:00:00Z","touchpoint":"order-placed","channel":"shop","agent":"=cmd|' /C calc'!A0"}
            """);
        Assert.Equal(0, (await WaymarkProcess.RunAsync(scratch.Path, "ingest", "events.ndjson", "--workspace", "demo", "--db", db)).ExitCode);
        Assert.Equal(0, (await WaymarkProcess.RunAsync(scratch.Path, "export-events", "--workspace", "demo", "--out", scratch.File("events.parquet"), "--db", db)).ExitCode);

        var run = await WaymarkProcess.RunAsync(scratch.Path, "ingest", "events.parquet", "--workspace", "copy", "--from-line", "2", "--db", db);

        Assert.True(run.ExitCode == 0, run.Errors);
        Assert.Contains("Stored 2 events", run.Output);
        Assert.Equal((await StoredAsync(db, "demo")).Skip(1), await StoredAsync(db, "copy"));
    }

    [Fact]
    public async Task A_bad_period_or_format_is_named_and_no_file_is_written()
    {
        using var scratch = new Scratch();
        var db = scratch.File("w.db");
        Assert.Equal(0, (await WaymarkProcess.RunAsync(scratch.Path, "demo", "--db", db)).ExitCode);

        var period = await WaymarkProcess.RunAsync(scratch.Path, "export-events", "--workspace", "demo", "--from", "2026-12-01", "--to", "2026-11-01", "--out", scratch.File("x.csv"), "--db", db);
        var format = await WaymarkProcess.RunAsync(scratch.Path, "export-events", "--workspace", "demo", "--format", "xlsx", "--out", scratch.File("x.csv"), "--db", db);
        var workspace = await WaymarkProcess.RunAsync(scratch.Path, "export-events", "--workspace", "nowhere", "--out", scratch.File("x.csv"), "--db", db);

        Assert.Equal((1, 1, 1), (period.ExitCode, format.ExitCode, workspace.ExitCode));
        Assert.Contains("--to: The period ends before it begins", period.Errors);
        Assert.Contains("--format: 'xlsx' is not an export format; choose csv, ndjson or parquet.", format.Errors);
        Assert.Contains("--workspace: There is no workspace 'nowhere'.", workspace.Errors);
        Assert.False(File.Exists(scratch.File("x.csv")));
    }
}
