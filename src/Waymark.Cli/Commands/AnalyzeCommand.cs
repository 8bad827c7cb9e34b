using System.CommandLine;

namespace Waymark.Cli.Commands;

internal static class AnalyzeCommand
{
    public static Command Create() => new("analyze", "Analyse an interaction event log (not built yet).");
}
