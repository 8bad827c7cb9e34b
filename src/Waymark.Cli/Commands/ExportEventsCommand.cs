using System.CommandLine;
using Waymark.Analytics.Reading;
using Waymark.Domain.Common;
using Waymark.Web.Features.Events;

namespace Waymark.Cli.Commands;

/// <summary>
/// <c>waymark export-events --workspace KEY --out FILE</c>: the stored events of a period written to a file through the
/// same use case as GET …/events (<see cref="EventExport"/>), streamed and audited; <c>waymark ingest</c> reads the file
/// back unchanged.
/// </summary>
internal static class ExportEventsCommand
{
    public static Command Create()
    {
        var storage = new StorageArguments();
        var workspace = new Option<string>("--workspace", "-w") { Description = "Key of the workspace whose events are exported", Required = true };
        var from = new Option<string?>("--from") { Description = "First day (2026-11-01) or instant (2026-11-01T08:00:00Z) of the period, UTC; default: the first event" };
        var to = new Option<string?>("--to") { Description = "Last day of the period, included (2026-11-30), or the instant it ends, excluded; default: the last event" };
        var customer = new Option<string?>("--customer") { Description = "Only this customer's events" };
        var format = new Option<string?>("--format") { Description = "csv, ndjson or parquet (default: from the file name, else csv)" };
        var output = new Option<FileInfo>("--out", "-o") { Description = "File to write", Required = true };
        var command = new Command("export-events", "Write the stored interaction events of a period to a CSV, NDJSON or Parquet file that ingest reads back unchanged.");
        command.Options.Add(workspace);
        command.Options.Add(from);
        command.Options.Add(to);
        command.Options.Add(customer);
        command.Options.Add(format);
        command.Options.Add(output);
        storage.AddTo(command);
        command.SetAction(async (result, ct) =>
        {
            var file = result.GetValue(output)!;
            var named = result.GetValue(format);
            EventLogFormat chosen;
            if (named is not null)
            {
                if (EventExport.FormatNamed(named) is not { } f)
                {
                    await Console.Error.WriteLineAsync($"--format: '{named}' is not an export format; choose csv, ndjson or parquet.");
                    return 1;
                }
                chosen = f;
            }
            else if (EventLogFiles.GuessFormat(file.Name) is var guessed && guessed != EventLogFormat.Xes) chosen = guessed;
            else
            {
                await Console.Error.WriteLineAsync($"--out: {file.Name} is an XES name; events are exported as csv, ndjson or parquet (choose one with --format).");
                return 1;
            }
            return await Operator.RunAsync(storage.Read(result), async (_, work) =>
            {
                var partial = file.FullName + ".partial";
                try
                {
                    var ws = await Operator.WorkspaceAsync(work.Db, result.GetValue(workspace)!, ct);
                    var plan = await EventExport.PrepareAsync(work, ws, new EventExportRequest(result.GetValue(from), result.GetValue(to), result.GetValue(customer), chosen), ct);
                    long written;
                    // Written beside the file and moved into place at the end: a run that stops leaves no half file under the name.
                    await using (var stream = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
                        written = await plan.WriteAsync(stream, ct);
                    File.Move(partial, file.FullName, overwrite: true);
                    var period = plan.From == EventExport.Earliest && plan.To == EventExport.Latest ? "" : $" from {plan.From:yyyy-MM-dd HH:mm} to {plan.To:yyyy-MM-dd HH:mm} UTC";
                    Console.WriteLine($"Exported {written:N0} {(written == 1 ? "event" : "events")} of '{ws.Key}'{period} to {file.FullName}");
                    return 0;
                }
                catch (DomainRuleException e)
                {
                    await Console.Error.WriteLineAsync($"{(e.Field.StartsWith("--") ? e.Field : "--" + e.Field)}: {e.Message}");
                    return 1;
                }
                finally
                {
                    if (File.Exists(partial)) File.Delete(partial);
                }
            });
        });
        return command;
    }
}
