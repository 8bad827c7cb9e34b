using System.CommandLine;
using System.Diagnostics;
using System.IO.Compression;
using Spectre.Console;
using Waymark.Analytics.Reading;
using Waymark.Domain.Common;
using Waymark.Web.Features;
using Waymark.Web.Features.Events;
using Waymark.Web.Infrastructure;

namespace Waymark.Cli.Commands;

/// <summary>
/// <c>waymark ingest FILE --workspace KEY</c>: stores the interaction events of a file through the same use case as
/// POST …/events (<see cref="EventIngestion"/>), batch by batch. The whole file is checked first, so a bad record stores
/// nothing; each batch is committed before the next, and the last committed line is shown, so a run that stops can go
/// on with --from-line (events with an id would be skipped as duplicates anyway; events without need the position).
/// </summary>
internal static class IngestCommand
{
    public const int DefaultBatch = 10_000;
    private const int MaxProblemsShown = 100;

    public static Command Create()
    {
        var storage = new StorageArguments();
        var file = new Argument<FileInfo>("file") { Description = "Event file: CSV, NDJSON (or a JSON array), XES or Parquet; .gz is read too" };
        var workspace = new Option<string>("--workspace", "-w") { Description = "Key of the workspace the events belong to", Required = true };
        var map = new Option<string?>("--map") { Description = "Column mapping as for analyze, e.g. customer=cust_id,time=ts,touchpoint=activity,channel=medium,eventId=id; without it, the workspace's saved mapping (waymark event-mapping)" };
        var channel = new Option<string?>("--channel") { Description = "Channel of the events that name none, e.g. phone (XES logs rarely do; or take it from an attribute with --map channel=<attribute>)" };
        var format = new Option<EventLogFormat?>("--format") { Description = "csv, ndjson, xes or parquet (default: from the file name)" };
        var batch = new Option<int>("--batch") { Description = $"Events per committed batch (default {DefaultBatch:N0})", DefaultValueFactory = _ => DefaultBatch };
        var fromLine = new Option<long>("--from-line") { Description = "Start at this line (CSV, NDJSON) or event number (XES, Parquet): where an earlier run stopped", DefaultValueFactory = _ => 1 };
        var command = new Command("ingest", "Store the interaction events of a file in a workspace, in committed batches, with a resumable position.");
        command.Arguments.Add(file);
        command.Options.Add(workspace);
        command.Options.Add(map);
        command.Options.Add(channel);
        command.Options.Add(format);
        command.Options.Add(batch);
        command.Options.Add(fromLine);
        storage.AddTo(command);
        command.SetAction(async (result, ct) =>
        {
            var input = result.GetValue(file)!;
            if (!input.Exists)
            {
                await Console.Error.WriteLineAsync($"{input.FullName}: no such file.");
                return 1;
            }
            var size = result.GetValue(batch);
            if (size < 1)
            {
                await Console.Error.WriteLineAsync("--batch must be at least 1.");
                return 1;
            }
            var fixedChannel = result.GetValue(channel);
            if (fixedChannel is not null && (string.IsNullOrWhiteSpace(fixedChannel) || fixedChannel.Trim().Length > Domain.Events.InteractionEvent.MaxShort))
            {
                await Console.Error.WriteLineAsync($"--channel: give a channel name of 1 to {Domain.Events.InteractionEvent.MaxShort} characters, e.g. --channel phone.");
                return 1;
            }
            var from = Math.Max(1, result.GetValue(fromLine));
            return await Operator.RunAsync(storage.Read(result), async (_, work) =>
            {
                try
                {
                    var ws = await Operator.WorkspaceAsync(work.Db, result.GetValue(workspace)!, ct);
                    ColumnMapping mapping;
                    try
                    {
                        // --map, else the mapping the workspace saved for its events (as POST …/events reads a batch), else the usual names.
                        mapping = await EventMappingChanges.ForReadingAsync(work.Db, ws, result.GetValue(map), ct);
                    }
                    catch (DomainRuleException e) when (e.Field == "map")
                    {
                        await Console.Error.WriteLineAsync($"{(result.GetValue(map) is null ? "The workspace's saved mapping" : "--map")}: {e.Message}");
                        return 1;
                    }
                    if (fixedChannel is not null) mapping = mapping with { DefaultChannel = fixedChannel.Trim() };
                    var source = EventFile.Open(input.FullName, result.GetValue(format) ?? EventLogFiles.GuessFormat(input.FullName), mapping);
                    return await IngestAsync(work, ws, source, input.Name, from, size, ct);
                }
                catch (Exception e) when (e is DomainRuleException or EventLogFormatException)
                {
                    await Console.Error.WriteLineAsync($"{input.Name}: nothing was stored. {e.Message}"
                        + (e is EventLogFormatException { Field: "channel" } ? ". Or give all its events one channel with --channel <name>, e.g. --channel phone." : ""));
                    return 1;
                }
            });
        });
        return command;
    }

    private static async Task<int> IngestAsync(Work work, CurrentWorkspace ws, EventFile source, string name, long from, int size, CancellationToken ct)
    {
        var redirected = Console.IsOutputRedirected;
        var (problems, events) = (0, 0L);
        var totals = new IngestTotals();
        long? last = null;
        var clock = Stopwatch.StartNew();
        try
        {
            if (redirected)
            {
                (problems, events) = Check(source, name, from, _ => { });
                if (problems == 0)
                    last = await StoreAsync(work, ws, source, from, size, totals, (done, through) =>
                    {
                        Console.WriteLine($"stored through {totals.LastLocation} ({Events(totals.Received)} so far)");
                    }, ct);
            }
            else
            {
                await AnsiConsole.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                    .StartAsync(async progress =>
                    {
                        var checking = progress.AddTask("checking", maxValue: 1);
                        var storing = progress.AddTask("storing", autoStart: false, maxValue: 1);
                        (problems, events) = Check(source, name, from, done => checking.Value = done);
                        checking.Value = 1;
                        if (problems > 0) return;
                        storing.StartTask();
                        last = await StoreAsync(work, ws, source, from, size, totals, (done, through) =>
                        {
                            storing.Value = done;
                            storing.Description = $"storing: through {totals.LastLocation}";
                        }, ct);
                        storing.Value = 1;
                    });
            }
        }
        catch (Exception e) when (e is not OperationCanceledException && totals.LastCommitted is not null)
        {
            await Console.Error.WriteLineAsync($"{name}: stopped: {e.Message}");
            await Console.Error.WriteLineAsync($"Events through {totals.LastLocation} are stored; go on with --from-line {totals.LastCommitted + 1}.");
            return 1;
        }
        if (problems > 0)
        {
            await Console.Error.WriteLineAsync($"{name}: nothing was stored: {Count.Of(problems, "problem")}" + (problems > MaxProblemsShown ? $" (the first {MaxProblemsShown} are shown above)." : "."));
            return 1;
        }
        if (events == 0)
        {
            await Console.Error.WriteLineAsync($"{name}: nothing was stored: the file holds no events{(from > 1 ? $" from line {from:N0} on" : "")}.");
            return 1;
        }
        Console.WriteLine($"Stored {Events(totals.Stored)} in '{ws.Key}' from {name} in {clock.Elapsed.TotalSeconds:0.0} s" +
                          (totals.Duplicates > 0 ? $"; {Events(totals.Duplicates)} already stored (same event id) left out" : "") + ".");
        Console.WriteLine($"Last committed: {totals.LastLocation}");
        return 0;
    }

    private static string Events(long n) => $"{n:N0} {(n == 1 ? "event" : "events")}";

    /// <summary>Reads the whole file once and lists what is wrong, so that a bad record stores nothing.</summary>
    private static (int Problems, long Events) Check(EventFile source, string name, long from, Action<double> done)
    {
        var (problems, events, seen) = (0, 0L, 0L);
        using var opened = source.Open();
        foreach (var record in opened.Records)
        {
            if (++seen % 4096 == 0) done(opened.Done());
            if (record.Position < from) continue;
            if (record.Problems.Count == 0) { events++; continue; }
            foreach (var (field, problem) in record.Problems)
                if (++problems <= MaxProblemsShown)
                    Console.Error.WriteLine($"{name}: {record.Location}{(field.Length == 0 ? "" : $", field '{field}'")}: {problem}");
        }
        return (problems, events);
    }

    private static async Task<long?> StoreAsync(Work work, CurrentWorkspace ws, EventFile source, long from, int size, IngestTotals totals,
        Action<double, long> committed, CancellationToken ct)
    {
        using var opened = source.Open();
        var batch = new List<IncomingEvent>(size);
        foreach (var record in opened.Records)
        {
            if (record.Position < from) continue;
            batch.Add(record);
            if (batch.Count < size) continue;
            await CommitAsync();
        }
        if (batch.Count > 0) await CommitAsync();
        return totals.LastCommitted;

        async Task CommitAsync()
        {
            var answer = await EventIngestion.IngestAsync(work, ws, batch, int.MaxValue, ct);
            totals.Add(answer, batch[^1].Position, batch[^1].Location);
            work.Db.ChangeTracker.Clear();
            batch.Clear();
            committed(opened.Done(), totals.LastCommitted!.Value);
        }
    }

    private sealed class IngestTotals
    {
        public long Received, Stored, Duplicates;
        public long? LastCommitted;
        public string? LastLocation;

        public void Add(EventBatchResponse answer, long through, string location)
        {
            LastLocation = location;
            Received += answer.Received;
            Stored += answer.Stored;
            Duplicates += answer.Duplicates;
            LastCommitted = through;
        }
    }
}

/// <summary>An event file opened for one pass: its records in order and how far the pass has got (0 to 1).</summary>
internal sealed record OpenedEvents(IEnumerable<IncomingEvent> Records, Func<double> Done, IDisposable? File) : IDisposable
{
    public void Dispose() => File?.Dispose();
}

/// <summary>
/// CSV, NDJSON and Parquet files are streamed on every pass (Parquet a row group at a time, numbered by row); XES is
/// read once by the analyzer (its traces need the whole file) and its events numbered in the log's order.
/// </summary>
internal sealed class EventFile(Func<OpenedEvents> open)
{
    public OpenedEvents Open() => open();

    public static EventFile Open(string path, EventLogFormat format, ColumnMapping mapping)
    {
        var name = Path.GetFileName(path);
        if (format is EventLogFormat.Xes)
        {
            var log = EventLogFiles.Read(path, format, new ReadOptions { Mapping = mapping, SourceName = name });
            return new EventFile(() =>
            {
                var position = 0L;
                var records = InteractionEventReader.FromLog(log, mapping, name).Select(r => { position = r.Position; return r; });
                return new OpenedEvents(records, () => log.Count == 0 ? 1 : (double)position / log.Count, null);
            });
        }
        if (format is EventLogFormat.Parquet)
            return new EventFile(() =>
            {
                var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
                return new OpenedEvents(InteractionEventReader.ReadParquet(file, mapping, name), () => file.Length == 0 ? 1 : (double)file.Position / file.Length, file);
            });
        return new EventFile(() =>
        {
            var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
            var records = format == EventLogFormat.Csv ? InteractionEventReader.ReadCsv(stream, mapping, name)
                : StartsWithBracket(path) ? InteractionEventReader.ReadJsonArray(stream, mapping, name)
                : InteractionEventReader.ReadNdjson(stream, mapping, name);
            // The readers close the file at its end; a closed file is read to the end.
            return new OpenedEvents(records, () => !file.CanSeek || file.Length == 0 ? 1 : (double)file.Position / file.Length, stream);
        });
    }

    /// <summary>A .json file may hold one array of events rather than one event per line.</summary>
    private static bool StartsWithBracket(string path)
    {
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        int b;
        while ((b = stream.ReadByte()) is ' ' or '\t' or '\r' or '\n' or 0xEF or 0xBB or 0xBF) { }
        return b == '[';
    }
}
