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
        var output = new Option<FileInfo>("--out", "-o") { Description = "File to write", Required = true };
        var format = new Option<string?>("--format") { Description = "json (the whole workspace), xlsx, csv or pptx; default: from the --out file's extension, else json" };
        var office = new OfficeExport();
        var command = new Command("export", "Write a whole workspace to one JSON document, its lists to Excel or CSV, or a slide deck.");
        storage.AddTo(command);
        command.Options.Add(workspace);
        command.Options.Add(output);
        command.Options.Add(format);
        office.AddTo(command);
        command.SetAction(async (result, ct) =>
        {
            var chosen = (result.GetValue(format) ?? Path.GetExtension(result.GetValue(output)!.Name).TrimStart('.')).Trim().ToLowerInvariant();
            if (chosen != "json" && !OfficeExport.Formats.Contains(chosen))
            {
                if (result.GetValue(format) is not null)
                {
                    await Console.Error.WriteLineAsync($"--format: '{chosen}' is not an export format; choose json, {string.Join(", ", OfficeExport.Formats)}.");
                    return 1;
                }
                chosen = "json";
            }
            await using var db = await StorageArguments.OpenAsync(storage.Read(result), ct);
            var key = result.GetValue(workspace)!;
            if (await CurrentWorkspace.FindAsync(db, key, ct) is not { } ws)
            {
                await Console.Error.WriteLineAsync($"There is no workspace '{key}'.");
                return 1;
            }
            if (chosen != "json") return await office.WriteAsync(result, db, ws, chosen, result.GetValue(output)!, ct);
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
