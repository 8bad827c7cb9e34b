using System.CommandLine;
using Waymark.Domain.Common;
using Waymark.Web.Features.Imports;
using Waymark.Web.Infrastructure;

namespace Waymark.Cli.Commands;

/// <summary>
/// <c>waymark import-sheet FILE --workspace KEY --kind touchpoints …</c>: a team's CSV or XLSX sheet into the workspace,
/// through the same use case as POST …/imports and the Import page (<see cref="SpreadsheetImport"/>), as the operator.
/// Every problem is printed as <c>file: row N, column 'X': message</c>, and then nothing is changed.
/// </summary>
internal static class ImportSheetCommand
{
    public static Command Create()
    {
        var storage = new StorageArguments();
        var file = new Argument<FileInfo>("FILE") { Description = "The CSV or XLSX file" };
        var workspace = new Option<string>("--workspace", "-w") { Description = "Key of the workspace", Required = true };
        var kind = new Option<string>("--kind") { Description = $"What the sheet holds: {ImportKinds.Names}", Required = true };
        var sheet = new Option<string?>("--sheet") { Description = "The worksheet of a workbook (default: the first)" };
        var map = new Option<string?>("--map") { Description = "Which column holds which field, e.g. name=Bezeichnung,channel=Kanal (default: the remembered mapping, else the headers)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Show what would be imported and every problem; change nothing" };
        var command = new Command("import-sheet", "Import touchpoints, personas, channels, departments, people, evaluations or KPI measurements from a CSV or XLSX sheet, all or nothing.");
        command.Arguments.Add(file);
        command.Options.Add(workspace);
        command.Options.Add(kind);
        command.Options.Add(sheet);
        command.Options.Add(map);
        command.Options.Add(dryRun);
        storage.AddTo(command);
        command.SetAction(async (result, ct) =>
        {
            var path = result.GetValue(file)!;
            if (!path.Exists)
            {
                await Console.Error.WriteLineAsync($"{path.FullName}: no such file.");
                return 1;
            }
            var request = new SpreadsheetImportRequest(path.Name, await File.ReadAllBytesAsync(path.FullName, ct), result.GetValue(kind)!,
                result.GetValue(sheet), result.GetValue(map));
            return await Operator.RunAsync(storage.Read(result), async (_, work) =>
            {
                try
                {
                    ImportKinds.Find(request.Kind);
                    var ws = await Operator.WorkspaceAsync(work.Db, result.GetValue(workspace)!, ct);
                    if (result.GetValue(dryRun)) return await PreviewAsync(work, ws, request, ct);
                    var outcome = await SpreadsheetImport.ImportAsync(work, ws, request, ct);
                    Console.WriteLine($"{path.Name}: {outcome.Created} new and {outcome.Updated} updated {ImportKinds.Find(outcome.Kind).Label.ToLowerInvariant()} imported into '{ws.Key}'.");
                    return 0;
                }
                catch (InvalidItemsException e)
                {
                    foreach (var (place, messages) in e.Errors)
                    foreach (var message in messages)
                        await Console.Error.WriteLineAsync($"{path.Name}: {(place == "file" ? "" : place + ": ")}{message}");
                    await Console.Error.WriteLineAsync($"{path.Name}: nothing was imported.");
                    return 1;
                }
                catch (Exception e) when (e is DomainRuleException or TooLargeException)
                {
                    await Console.Error.WriteLineAsync($"{path.Name}: nothing was imported. {e.Message}");
                    return 1;
                }
            });
        });
        return command;
    }

    private static async Task<int> PreviewAsync(Web.Features.Work work, CurrentWorkspace ws, SpreadsheetImportRequest request, CancellationToken ct)
    {
        var preview = await SpreadsheetImport.PreviewAsync(work, ws, request, ct);
        Console.WriteLine($"{request.FileName}: {(preview.Sheet is { } s ? $"sheet '{s}', " : "")}header in row {preview.HeaderRow}, mapping {preview.Mapping}");
        foreach (var row in preview.Rows.Where(r => r.Problems.Count == 0))
            Console.WriteLine($"{request.FileName}: row {row.Row}: {row.Action}: {string.Join(", ", row.Values.Select(v => $"{v.Key}={v.Value}"))}");
        foreach (var problem in preview.Problems) await Console.Error.WriteLineAsync($"{request.FileName}: {problem}");
        Console.WriteLine($"{request.FileName}: {preview.New} new, {preview.Updates} updated, {preview.Problems.Count} problems; dry run, nothing was changed.");
        return preview.Problems.Count == 0 ? 0 : 1;
    }
}
