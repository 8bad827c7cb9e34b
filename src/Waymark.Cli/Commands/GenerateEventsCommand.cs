using System.CommandLine;

namespace Waymark.Cli.Commands;

internal static class GenerateEventsCommand
{
    public static Command Create() => new("generate-events", "Generate a synthetic omnichannel event log (not built yet).");
}
