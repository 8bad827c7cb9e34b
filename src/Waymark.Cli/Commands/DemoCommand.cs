using System.Diagnostics;
using System.CommandLine;
using Spectre.Console;
using Waymark.Storage;
using Waymark.Domain.Workspaces;
using Waymark.Storage.Demo;
using Waymark.Web.Features.Events;

namespace Waymark.Cli.Commands;

internal static class DemoCommand
{
    public static Command Create()
    {
        var storage = new StorageArguments();
        var key = new Option<string?>("--key") { Description = "Key of the demo workspace (the next free variant is used when taken); 'demo', or 'large' for the large one" };
        var size = new Option<string>("--size")
        {
            Description = "small: the TV retailer (about 400 evaluations); large: a telecom operator with 2,000 touchpoints, 200 maps, 100,000 evaluations, five years of daily KPI figures and 50 members",
            DefaultValueFactory = _ => "small",
        };
        var noEvents = new Option<bool>("--no-events") { Description = "Create the small demo without its year of interaction events (also Waymark__SeedDemoEvents=false in the environment)" };
        var command = new Command("demo", "Create a demo workspace: a TV and home-cinema retailer with personas, touchpoints, journeys, evaluations, KPIs, actions and a year of interaction events, or with --size large a telecom operator at a real company's size.");
        storage.AddTo(command);
        command.Options.Add(key);
        command.Options.Add(size);
        command.Options.Add(noEvents);
        command.SetAction(async (result, ct) =>
        {
            var wanted = result.GetValue(size)!.Trim().ToLowerInvariant();
            if (wanted is not ("small" or "large"))
            {
                Console.Error.WriteLine($"'{result.GetValue(size)}' is not a demo size: use small (the TV retailer) or large (a telecom operator with 100,000 evaluations).");
                return 1;
            }
            var options = storage.Read(result);
            await using var db = await StorageArguments.OpenAsync(options, ct);
            var free = await WorkspaceStore.FreeKeyAsync(db, result.GetValue(key) ?? (wanted == "large" ? LargeWorkspace.DefaultKey : "demo"), ct);
            if (wanted == "large") return await CreateLargeAsync(db, free, ct);
            // The same settings as for serve, from the environment (Waymark__SeedDemoEvents, Waymark__DemoEventCount).
            var environment = new ConfigurationBuilder().AddEnvironmentVariables().Build();
            var withEvents = !result.GetValue(noEvents) && environment.GetValue(DemoEvents.Setting, true);
            var now = DateTimeOffset.UtcNow;
            var content = DemoWorkspace.Build(free, today: DateOnly.FromDateTime(now.UtcDateTime), kpisFromEvents: withEvents);
            await WorkspaceStore.AddAsync(db, content, ct);
            Console.WriteLine($"Created '{content.Workspace.Name}' with {content.Personas.Count} personas, {content.Touchpoints.Count} touchpoints, " +
                $"{content.Journeys.Count} journeys, {content.Evaluations.Count} evaluations, {content.Kpis.Count} KPIs and {content.Improvements.Count} insights, ideas and actions.");
            if (withEvents && await StoreEventsAsync(options, content, DemoEvents.EndFor(now), environment.GetValue(DemoEvents.CountSetting, DemoEvents.DefaultCount), ct) != 0)
                return 1;
            Console.WriteLine(content.Workspace.Key);
            return 0;
        });
        return command;
    }

    /// <summary>
    /// Gives the demo its year of events through the same use case as the API, as the operator; the KPIs bound to events
    /// are computed before the command ends.
    /// </summary>
    private static async Task<int> StoreEventsAsync(StorageOptions options, WorkspaceContent content, DateTime end, int count, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var (stored, last) = (0L, end);
        var code = await Operator.RunAsync(options, async (_, work) =>
        {
            var events = DemoEvents.Generate(content, end, count);
            if (events.Count > 0) last = events[^1].At;
            stored = await DemoEvents.StoreAsync(work, await Operator.WorkspaceAsync(work.Db, content.Workspace.Key, ct), events, ct);
            return 0;
        });
        Console.WriteLine($"Gave it a year of {stored:N0} interaction events, the last on {last.ToString("d MMMM yyyy, HH:mm", System.Globalization.CultureInfo.InvariantCulture)} UTC, " +
            $"and computed its KPIs from them in {clock.Elapsed.TotalSeconds:0.0} s.");
        return code;
    }

    /// <summary>Builds and stores the large workspace, showing the rows saved: a bar on a terminal, a line every few seconds when redirected.</summary>
    private static async Task<int> CreateLargeAsync(WaymarkDb db, string key, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var built = LargeWorkspace.Build(key);
        var c = built.Content;
        var rows = WorkspaceStore.RowsOf(c);
        Console.WriteLine($"Built '{c.Workspace.Name}' in {clock.Elapsed.TotalSeconds:0.0} s; storing {rows:N0} rows …");
        clock.Restart();
        if (Console.IsOutputRedirected)
        {
            var last = Stopwatch.StartNew();
            await LargeWorkspace.StoreAsync(db, built, new Reporter(saved =>
            {
                if (last.Elapsed < TimeSpan.FromSeconds(2)) return;
                last.Restart();
                Console.WriteLine($"stored {saved:N0} of {rows:N0} rows");
            }), ct);
        }
        else
        {
            await AnsiConsole.Progress().StartAsync(async ctx =>
            {
                var task = ctx.AddTask("storing", maxValue: rows);
                await LargeWorkspace.StoreAsync(db, built, new Reporter(saved => task.Value = saved), ct);
                task.Value = rows;
            });
        }
        Console.WriteLine($"Created '{c.Workspace.Name}' in {clock.Elapsed.TotalSeconds:0.0} s with {c.Touchpoints.Count:N0} touchpoints in {c.Channels.Count} channels, " +
            $"{c.Journeys.Count} journeys, {c.Evaluations.Count:N0} evaluations, {c.Kpis.Count} KPIs with {c.Measurements.Count:N0} measurements, " +
            $"{c.Improvements.Count:N0} insights, ideas and actions and {built.Members.Count} members.");
        Console.WriteLine(c.Workspace.Key);
        return 0;
    }

    /// <summary>Reports on the saving thread, so no report can come after the summary (as <see cref="Progress{T}"/>'s queued ones could).</summary>
    private sealed class Reporter(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
