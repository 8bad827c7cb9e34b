using System.CommandLine;
using Waymark.Domain.Common;
using Waymark.Storage;
using Waymark.Storage.Exchange;
using Waymark.Web.Features.Workspaces;

namespace Waymark.Cli.Commands;

internal static class ImportCommand
{
    public static Command Create()
    {
        var storage = new StorageArguments();
        var input = new Option<FileInfo>("--in", "-i") { Description = "JSON document written by 'waymark export' or the export endpoint", Required = true };
        var key = new Option<string?>("--key") { Description = "Key for the new workspace (default: the document's, or its next free variant)" };
        var name = new Option<string?>("--name") { Description = "Name for the new workspace (default: the document's)" };
        var command = new Command("import", "Create a new workspace from an exported JSON document; prints the new workspace's key last.");
        // The same import as POST /api/workspaces/import and the workspaces page (WorkspaceChanges), done as the operator.
        storage.AddTo(command);
        command.Options.Add(input);
        command.Options.Add(key);
        command.Options.Add(name);
        command.SetAction(async (result, ct) =>
        {
            var file = result.GetValue(input)!;
            if (!file.Exists)
            {
                await Console.Error.WriteLineAsync($"{file.FullName}: no such file.");
                return 1;
            }
            var bytes = await File.ReadAllBytesAsync(file.FullName, ct);
            return await Operator.RunAsync(storage.Read(result), async (_, work) =>
            {
                try
                {
                    var workspace = await WorkspaceChanges.ImportAsync(work, bytes, result.GetValue(key), result.GetValue(name), ct);
                    Console.WriteLine($"Imported '{workspace.Name}' from {file.Name}");
                    Console.WriteLine(workspace.Key);
                    return 0;
                }
                catch (ImportException e)
                {
                    await Console.Error.WriteLineAsync($"{file.Name}: nothing was imported.");
                    foreach (var error in e.Errors) await Console.Error.WriteLineAsync($"{file.Name}: {error}");
                    return 1;
                }
                catch (Exception e) when (e is WorkspaceKeyTakenException or DomainRuleException)
                {
                    await Console.Error.WriteLineAsync($"{file.Name}: nothing was imported. {e.Message}");
                    return 1;
                }
            });
        });
        return command;
    }
}
