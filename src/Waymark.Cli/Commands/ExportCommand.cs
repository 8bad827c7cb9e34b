using System.CommandLine;
using System.Text.Json;
using Waymark.Storage.Exchange;
using Waymark.Web.Infrastructure;

namespace Waymark.Cli.Commands;

internal static class ExportCommand
{
    public static Command Create()
    {
        var storage = new StorageArguments();
        var workspace = new Option<string>("--workspace", "-w") { Description = "Key of the workspace to export", Required = true };
        var output = new Option<FileInfo>("--out", "-o") { Description = "JSON file to write", Required = true };
        var command = new Command("export", "Write a whole workspace to one JSON document.");
        storage.AddTo(command);
        command.Options.Add(workspace);
        command.Options.Add(output);
        command.SetAction(async (result, ct) =>
        {
            await using var db = await StorageArguments.OpenAsync(storage.Read(result), ct);
            var key = result.GetValue(workspace)!;
            if (await CurrentWorkspace.FindAsync(db, key, ct) is not { } ws)
            {
                await Console.Error.WriteLineAsync($"There is no workspace '{key}'.");
                return 1;
            }
            var document = await WorkspaceExporter.ExportAsync(db, ws.Id, ct);
            var file = result.GetValue(output)!;
            await using (var stream = file.Create())
                await JsonSerializer.SerializeAsync(stream, document, CliJson.Options, ct);
            Console.WriteLine($"Exported '{document.Workspace.Name}' to {file.FullName}");
            return 0;
        });
        return command;
    }
}

internal static class CliJson
{
    /// <summary>The same JSON as the HTTP API writes, indented for people.</summary>
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true };
        Web.WaymarkWebApp.Configure(json);
        return json;
    }
}
