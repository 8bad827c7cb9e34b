using System.CommandLine;
using Waymark.Cli.Commands.Analytics;

namespace Waymark.Cli.Commands;

internal static class AnalyzeCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "Event log: .csv, .ndjson, .xes, .xes.gz or .parquet." };
        var format = new Option<string?>("--format") { Description = "csv, ndjson, xes or parquet (guessed from the file name when omitted)." };
        format.AcceptOnlyFromAmong("csv", "ndjson", "xes", "parquet");
        var classifier = new Option<string>("--classifier") { Description = "Activity naming: name, or name+lifecycle (e.g. A_SUBMITTED+COMPLETE).", DefaultValueFactory = _ => "name" };
        classifier.AcceptOnlyFromAmong("name", "name+lifecycle");
        var map = new Option<string?>("--map") { Description = "Column mapping, e.g. customer=cust_id,time=ts,activity=touchpoint,timeFormat=dd.MM.yyyy HH:mm,timeZone=Europe/Berlin." };
        var journey = new Option<FileInfo?>("--journey") { Description = "Designed journey (JSON: name, stages[].steps[].touchpoints, optional touchpointMap) to check conformance against." };
        var json = new Option<FileInfo?>("--json") { Description = "Write the JSON report here." };
        var html = new Option<FileInfo?>("--html") { Description = "Write the self-contained HTML report here." };
        var by = new Option<string>("--by") { Description = "Journeys per customer or per case.", DefaultValueFactory = _ => "customer" };
        by.AcceptOnlyFromAmong("customer", "case");
        var gap = DurationOption.Create("--gap", "Inactivity gap that starts a new journey, e.g. 30d, 12h or 30.00:00:00.");
        var repeat = DurationOption.Create("--repeat-window", "Window for repeat contacts, e.g. 7d or 48h (default 7 days).");
        var funnel = new Option<string?>("--funnel") { Description = "Comma-separated touchpoints for a funnel with drop-off per step." };
        var serviceContacts = new Option<string?>("--service-contacts") { Description = "Comma-separated touchpoints (event keys) that are service contacts, for first-contact resolution and repeat contacts (default: events whose outcome is resolved, unresolved, escalated, transferred, abandoned …)." };
        var serviceChannels = new Option<string?>("--service-channels") { Description = "Comma-separated channels service contacts happen in (default: any channel)." };
        var resolvedOutcomes = new Option<string?>("--resolved-outcomes") { Description = "Comma-separated outcomes that mean a service contact resolved the matter (default: resolved, solved, fixed)." };
        var skip = new Option<bool>("--skip-bad") { Description = "Skip and count bad records instead of stopping at the first." };
        var workspace = new Option<string?>("--workspace", "-w") { Description = "With --map-journey: the workspace whose journey map to check conformance against." };
        var mapJourney = new Option<string?>("--map-journey") { Description = "Name (or id) of a journey map in --workspace to check conformance against, read from the database (--db / --postgres)." };
        var storage = new StorageArguments();

        var command = new Command("analyze", "Reconstruct real journeys from an event log and report variants, DFG, Sankey, channel switches, KPIs and conformance.")
        {
            file, format, classifier, map, journey, json, html, by, gap, repeat, funnel, serviceContacts, serviceChannels, resolvedOutcomes, skip, workspace, mapJourney,
        };
        storage.AddTo(command);
        command.SetAction((parseResult, ct) => AnalyzeHandler.RunAsync(new AnalyzeRequest(
            parseResult.GetValue(file)!,
            parseResult.GetValue(format),
            parseResult.GetValue(classifier) ?? "name",
            parseResult.GetValue(map),
            parseResult.GetValue(journey),
            parseResult.GetValue(json),
            parseResult.GetValue(html),
            parseResult.GetValue(by) ?? "customer",
            parseResult.GetValue(gap),
            parseResult.GetValue(repeat),
            parseResult.GetValue(funnel),
            parseResult.GetValue(skip),
            parseResult.GetValue(workspace),
            parseResult.GetValue(mapJourney),
            storage.Read(parseResult),
            parseResult.GetValue(serviceContacts),
            parseResult.GetValue(serviceChannels),
            parseResult.GetValue(resolvedOutcomes)), ct));
        return command;
    }
}
