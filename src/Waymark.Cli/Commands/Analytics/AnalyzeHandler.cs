using Microsoft.EntityFrameworkCore;
using Spectre.Console;
using Waymark.Analytics.Conformance;
using Waymark.Analytics.Metrics;
using Waymark.Analytics.Reading;
using Waymark.Analytics.Reporting;

namespace Waymark.Cli.Commands.Analytics;

internal sealed record AnalyzeRequest(
    FileInfo File, string? Format, string Classifier, string? Map, FileInfo? Journey, FileInfo? Json, FileInfo? Html,
    string By, TimeSpan? Gap, TimeSpan? RepeatWindow, string? Funnel, bool SkipBad,
    string? Workspace = null, string? MapJourney = null, Waymark.Storage.StorageOptions? Storage = null,
    string? ServiceContacts = null, string? ServiceChannels = null, string? ResolvedOutcomes = null);

/// <summary>waymark analyze: read with a progress bar, analyse, print a summary, write JSON and HTML reports.</summary>
internal static class AnalyzeHandler
{
    public static async Task<int> RunAsync(AnalyzeRequest request, CancellationToken ct)
    {
        try
        {
            if (!request.File.Exists) return Fail($"{request.File.FullName}: no such file");
            var format = request.Format is null ? EventLogFiles.GuessFormat(request.File.Name) : Enum.Parse<EventLogFormat>(request.Format, ignoreCase: true);
            if (request.Journey is not null && request.MapJourney is not null) return Fail("Give either --journey FILE or --map-journey NAME, not both.");
            if ((request.MapJourney is null) != (request.Workspace is null)) return Fail("--map-journey and --workspace go together: the journey map NAME of workspace KEY.");
            var contacts = ServiceContacts(request);
            var journey = request.Journey is not null ? DesignedJourney.Load(request.Journey.FullName)
                : request.MapJourney is not null ? await MapJourneyAsync(request, ct)
                : null;
            var options = new ReadOptions
            {
                Classifier = request.Classifier == "name+lifecycle" ? ActivityClassifier.NameAndLifecycle : ActivityClassifier.Name,
                SkipBadRecords = request.SkipBad,
                JourneyKey = request.By == "case" ? Waymark.Analytics.Model.JourneyKey.Case : Waymark.Analytics.Model.JourneyKey.Customer,
                Mapping = request.Map is null ? new ColumnMapping() : ColumnMapping.Parse(request.Map),
            };
            var log = await ReadWithProgress(request.File, format, options, ct);
            var analysis = new AnalysisOptions
            {
                InactivityGap = request.Gap,
                RepeatWindow = request.RepeatWindow ?? TimeSpan.FromDays(7),
                Funnel = request.Funnel?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
                Journey = journey,
                ServiceContacts = contacts,
            };
            foreach (var missing in contacts.MissingFrom(log)) Console.WriteLine($"note: {missing}");
            var started = System.Diagnostics.Stopwatch.StartNew();
            var report = JourneyAnalyzer.Analyze(log, analysis);
            var elapsed = started.Elapsed;
            Summary.Print(report, elapsed, log.SkippedRecords, log.Warnings);
            if (request.Json is not null)
            {
                await using var stream = request.Json.Create();
                ReportJson.Write(report, stream);
                Console.WriteLine($"JSON report: {request.Json.FullName}");
            }
            if (request.Html is not null)
            {
                await File.WriteAllTextAsync(request.Html.FullName, HtmlReport.Render(report, $"Journey analysis — {request.File.Name}"), ct);
                Console.WriteLine($"HTML report: {request.Html.FullName}");
            }
            return 0;
        }
        catch (EventLogFormatException e)
        {
            return Fail(e.Message);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or IOException or TimeZoneNotFoundException)
        {
            return Fail(e.Message);
        }
    }

    /// <summary>The default definition with what the options name instead; an option given empty is refused.</summary>
    private static ServiceContactDefinition ServiceContacts(AnalyzeRequest request)
    {
        var definition = ServiceContactDefinition.Default;
        if (List(request.ServiceContacts, "--service-contacts", "touchpoint") is { } touchpoints) definition = definition with { Touchpoints = touchpoints };
        if (List(request.ServiceChannels, "--service-channels", "channel") is { } channels) definition = definition with { Channels = channels };
        if (List(request.ResolvedOutcomes, "--resolved-outcomes", "outcome") is { } outcomes) definition = definition with { ResolvedOutcomes = outcomes };
        return definition;

        static string[]? List(string? text, string option, string what)
        {
            if (text is null) return null;
            var items = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            return items.Length > 0 ? items : throw new FormatException($"{option} needs at least one {what}, e.g. {option} a,b.");
        }
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"error: {message}");
        return 1;
    }

    private static async Task<Waymark.Analytics.Model.EventLog> ReadWithProgress(FileInfo file, EventLogFormat format, ReadOptions options, CancellationToken ct)
    {
        if (Console.IsOutputRedirected)
        {
            var last = DateTime.UtcNow;
            var log = EventLogFiles.Read(file.FullName, format, options with
            {
                Progress = p =>
                {
                    if (DateTime.UtcNow - last < TimeSpan.FromSeconds(2)) return;
                    last = DateTime.UtcNow;
                    Console.WriteLine($"reading {file.Name}: {p.Events:N0} events ({Percent(p):0}%)");
                },
            });
            Console.WriteLine($"read {log.Count:N0} events from {file.Name}");
            return log;
        }
        Waymark.Analytics.Model.EventLog? result = null;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask($"reading {Markup.Escape(file.Name)}", maxValue: 100);
                result = await Task.Run(() => EventLogFiles.Read(file.FullName, format, options with
                {
                    Progress = p =>
                    {
                        task.Value = Math.Min(100, Percent(p));
                        task.Description = $"reading {Markup.Escape(file.Name)}: {p.Events:N0} events";
                    },
                }), ct);
                task.Value = 100;
            });
        return result!;
    }

    private static double Percent(ReadProgress p) => p.TotalBytes > 0 ? 100.0 * p.BytesRead / p.TotalBytes : 0;

    /// <summary>The designed journey of a map in the database, found by name (any case) or id; a miss lists the maps there are.</summary>
    private static async Task<DesignedJourney> MapJourneyAsync(AnalyzeRequest request, CancellationToken ct)
    {
        await using var db = await Commands.StorageArguments.OpenAsync(request.Storage ?? new Waymark.Storage.StorageOptions(), ct);
        var ws = await Waymark.Web.Infrastructure.CurrentWorkspace.FindAsync(db, request.Workspace, ct)
                 ?? throw new FormatException($"There is no workspace '{request.Workspace}'.");
        return await Waymark.Web.Features.Journeys.DesignedJourneys.OfAsync(db, ws, await MapIdAsync(db, ws, request.MapJourney!, ct), ct);
    }

    /// <summary>The id of the workspace's journey map with this name (any case) or id; a miss lists the maps there are.</summary>
    internal static async Task<Guid> MapIdAsync(Waymark.Storage.WaymarkDb db, Waymark.Web.Infrastructure.CurrentWorkspace ws, string name, CancellationToken ct)
    {
        var maps = await db.Journeys.AsNoTracking().Where(j => j.WorkspaceId == ws.Id).Select(j => new { j.Id, j.Name }).ToListAsync(ct);
        var wanted = name.Trim();
        var found = maps.Where(m => m.Id.ToString() == wanted || string.Equals(m.Name, wanted, StringComparison.OrdinalIgnoreCase)).ToList();
        if (found.Count != 1)
            throw new FormatException((found.Count == 0 ? $"Workspace '{ws.Key}' has no journey map '{wanted}'." : $"Workspace '{ws.Key}' has {found.Count} journey maps named '{wanted}'; give its id.")
                                      + " Its maps: " + string.Join("; ", maps.OrderBy(m => m.Name).Select(m => $"{m.Name} ({m.Id})")));
        return found[0].Id;
    }
}
