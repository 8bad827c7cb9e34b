using System.CommandLine;
using Waymark.Cli.Commands.Analytics;

namespace Waymark.Cli.Commands;

internal static class GenerateEventsCommand
{
    public static Command Create()
    {
        var customers = new Option<int>("--customers") { Description = "Number of customers.", DefaultValueFactory = _ => 1000 };
        var output = new Option<FileInfo>("--out") { Description = "Output file; the format follows the extension (.csv, .ndjson, .xes, .parquet).", Required = true };
        var seed = new Option<int>("--seed") { Description = "Random seed (same seed, same log).", DefaultValueFactory = _ => 42 };
        var journey = new Option<FileInfo?>("--journey-out") { Description = "Also write the designed journey the customers follow (JSON), for analyze --journey." };
        var workspace = new Option<string?>("--workspace", "-w") { Description = "Follow a journey map of this workspace, with its touchpoints' event keys and channels, read from the database (--db / --postgres)." };
        var map = new Option<string?>("--journey") { Description = "With --workspace: the name (or id) of the journey map to follow (default: the first map by name that links touchpoints)." };
        var storage = new StorageArguments();
        var command = new Command("generate-events", "Generate a realistic synthetic omnichannel event log, for the built-in journey or a workspace's own map.")
        {
            customers, output, seed, journey, workspace, map,
        };
        storage.AddTo(command);
        command.SetAction((parseResult, ct) => GenerateEventsHandler.RunAsync(new GenerateEventsRequest(
            parseResult.GetValue(customers), parseResult.GetValue(output)!, parseResult.GetValue(seed), parseResult.GetValue(journey),
            parseResult.GetValue(workspace), parseResult.GetValue(map), storage.Read(parseResult)), ct));
        return command;
    }
}
