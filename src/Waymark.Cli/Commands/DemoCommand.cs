using System.CommandLine;
using Waymark.Storage;
using Waymark.Storage.Demo;

namespace Waymark.Cli.Commands;

internal static class DemoCommand
{
    public static Command Create()
    {
        var storage = new StorageArguments();
        var key = new Option<string>("--key") { Description = "Key of the demo workspace (the next free variant is used when taken)", DefaultValueFactory = _ => "demo" };
        var command = new Command("demo", "Create the demo workspace: a TV and home-cinema retailer with personas, touchpoints, journeys, evaluations, KPIs and actions.");
        storage.AddTo(command);
        command.Options.Add(key);
        command.SetAction(async (result, ct) =>
        {
            await using var db = await StorageArguments.OpenAsync(storage.Read(result), ct);
            var free = await WorkspaceStore.FreeKeyAsync(db, result.GetValue(key)!, ct);
            var content = DemoWorkspace.Build(free);
            await WorkspaceStore.AddAsync(db, content, ct);
            Console.WriteLine($"Created '{content.Workspace.Name}' with {content.Personas.Count} personas, {content.Touchpoints.Count} touchpoints, " +
                $"{content.Journeys.Count} journeys, {content.Evaluations.Count} evaluations, {content.Kpis.Count} KPIs and {content.Improvements.Count} insights, ideas and actions.");
            Console.WriteLine(content.Workspace.Key);
            return 0;
        });
        return command;
    }
}
