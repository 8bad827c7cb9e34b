using System.CommandLine;
using System.Text.Json;
using Waymark.Cli.Commands.Exports;
using Waymark.Storage.Exchange;
using Waymark.Web.Infrastructure;

namespace Waymark.Cli.Commands;

internal static class ExportCommand
{
    public static Command Create()
    {
        var storage = new StorageArguments();
        var workspace = new Option<string>("--workspace", "-w") { Description = "Key of the workspace to export", Required = true };
        var output = new Option<FileInfo>("--out", "-o") { Description = "File to write; its extension chooses the format unless --format does", Required = true };
        var format = new Option<string?>("--format") { Description = "json (the whole workspace), svg, pdf or png (a journey map, or as pdf the CX report), xlsx or csv (the lists), pptx (a slide deck)" };
        var pictures = new PictureExport();
        var office = new OfficeExport(pictures.Journey);
        var command = new Command("export", "Write a whole workspace to one JSON document, a journey map as SVG, PDF or PNG, the CX report as PDF, the lists to Excel or CSV, or a slide deck.");
        storage.AddTo(command);
        command.Options.Add(workspace);
        command.Options.Add(output);
        command.Options.Add(format);
        pictures.AddTo(command);
        office.AddTo(command);
        command.SetAction(async (result, ct) =>
        {
            await using var db = await StorageArguments.OpenAsync(storage.Read(result), ct);
            var key = result.GetValue(workspace)!;
            if (await CurrentWorkspace.FindAsync(db, key, ct) is not { } ws)
            {
                await Console.Error.WriteLineAsync($"There is no workspace '{key}'.");
                return 1;
            }
            var file = result.GetValue(output)!;
            var chosen = (result.GetValue(format) ?? Path.GetExtension(file.Name).TrimStart('.')).ToLowerInvariant();
            if (PictureExport.Formats.Contains(chosen)) return await pictures.WriteAsync(result, db, ws, chosen, file, ct);
            if (OfficeExport.Formats.Contains(chosen)) return await office.WriteAsync(result, db, ws, chosen, file, ct);
            if (chosen is not ("json" or ""))
            {
                await Console.Error.WriteLineAsync($"'{chosen}' is not a format waymark exports. Use one of: json, {string.Join(", ", PictureExport.Formats.Concat(OfficeExport.Formats))}.");
                return 1;
            }
            var document = await WorkspaceExporter.ExportAsync(db, ws.Id, ct);
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
