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
        var command = new Command("generate-events", "Generate a realistic synthetic omnichannel event log.") { customers, output, seed, journey };
        command.SetAction((parseResult, ct) => GenerateEventsHandler.RunAsync(
            parseResult.GetValue(customers), parseResult.GetValue(output)!, parseResult.GetValue(seed), parseResult.GetValue(journey), ct));
        return command;
    }
}
