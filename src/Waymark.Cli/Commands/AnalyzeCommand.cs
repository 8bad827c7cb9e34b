using System.CommandLine;
using Waymark.Cli.Commands.Analytics;

namespace Waymark.Cli.Commands;

internal static class AnalyzeCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo?>("FILE") { Description = "Event log: .csv, .ndjson, .xes, .xes.gz or .parquet. Leave it out to analyse the events stored in --workspace.", Arity = ArgumentArity.ZeroOrOne };
        var format = new Option<string?>("--format") { Description = "csv, ndjson, xes or parquet (guessed from the file name when omitted)." };
        format.AcceptOnlyFromAmong("csv", "ndjson", "xes", "parquet");
        var classifier = new Option<string>("--classifier") { Description = "Activity naming: name, or name+lifecycle (e.g. A_SUBMITTED+COMPLETE).", DefaultValueFactory = _ => "name" };
        classifier.AcceptOnlyFromAmong("name", "name+lifecycle");
        var map = new Option<string?>("--map") { Description = "Column mapping, e.g. customer=cust_id,time=ts,activity=touchpoint,timeFormat=dd.MM.yyyy HH:mm,timeZone=Europe/Berlin." };
        var journey = new Option<string?>("--journey") { Description = "Designed journey to check conformance against: with FILE a JSON file (name, stages[].steps[].touchpoints, optional touchpointMap); with stored events the name or id of a journey map of --workspace." };
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
        var workspace = new Option<string?>("--workspace", "-w") { Description = "Without FILE: the workspace whose stored events to analyse. With FILE and --map-journey: the workspace whose journey map to check conformance against." };
        var from = new Option<string?>("--from") { Description = "Stored events: first day (UTC, e.g. 2026-11-01) of the period whose journeys are analysed; default: 30 days before --to." };
        var to = new Option<string?>("--to") { Description = "Stored events: last day (UTC, included) of the period; default: the day of the newest stored event." };
        var channel = new Option<string?>("--channel") { Description = "Stored events: only events in this channel." };
        var persona = new Option<string?>("--persona") { Description = "Stored events: only events whose persona attribute is this." };
        var mapJourney = new Option<string?>("--map-journey") { Description = "Name (or id) of a journey map in --workspace to check conformance against, read from the database (--db / --postgres)." };
        var storage = new StorageArguments();

        var command = new Command("analyze", "Reconstruct real journeys from an event log, or from the events stored in a workspace, and report variants, DFG, Sankey, channel switches, KPIs and conformance.")
        {
            file, format, classifier, map, journey, json, html, by, gap, repeat, funnel, serviceContacts, serviceChannels, resolvedOutcomes, skip, workspace, mapJourney,
            from, to, channel, persona,
        };
        storage.AddTo(command);
        // Options that shape how a file is read and cut into journeys; stored events are cut as the endpoint cuts them.
        Option[] fileOnly = [format, classifier, map, by, gap, repeat, funnel, serviceContacts, serviceChannels, resolvedOutcomes, skip];
        Option[] storedOnly = [from, to, channel, persona];
        command.Validators.Add(result =>
        {
            var given = (Option o) => result.GetResult(o) is { Implicit: false };
            if (result.GetResult(file) is { Tokens.Count: > 0 })
            {
                if (storedOnly.Where(given).Select(o => o.Name).ToList() is [_, ..] misplaced)
                    result.AddError($"{string.Join(", ", misplaced)} {(misplaced.Count == 1 ? "applies" : "apply")} to the events stored in --workspace; leave out FILE to analyse them.");
            }
            else if (result.GetValue(workspace) is null)
                result.AddError("Give an event log FILE, or --workspace KEY to analyse the events stored there.");
            else if (fileOnly.Where(given).Select(o => o.Name).ToList() is [_, ..] misplaced)
                result.AddError($"{string.Join(", ", misplaced)} only {(misplaced.Count == 1 ? "applies" : "apply")} to an event log FILE; stored events are cut into journeys as the analytics page cuts them (a gap of 7 days) with the workspace's service-contact definition.");
            else if (result.GetValue(journey) is not null && result.GetValue(mapJourney) is not null)
                result.AddError("Give the journey map once, with --journey.");
        });
        command.SetAction((parseResult, ct) => parseResult.GetValue(file) is null
            ? StoredEventsAnalysis.RunAsync(new StoredEventsRequest(
                parseResult.GetValue(workspace)!, parseResult.GetValue(from), parseResult.GetValue(to), parseResult.GetValue(channel),
                parseResult.GetValue(persona), parseResult.GetValue(journey) ?? parseResult.GetValue(mapJourney),
                parseResult.GetValue(json), parseResult.GetValue(html), storage.Read(parseResult)), ct)
            : AnalyzeHandler.RunAsync(new AnalyzeRequest(
            parseResult.GetValue(file)!,
            parseResult.GetValue(format),
            parseResult.GetValue(classifier) ?? "name",
            parseResult.GetValue(map),
            parseResult.GetValue(journey) is { } designed ? new FileInfo(designed) : null,
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
