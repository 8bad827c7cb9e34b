using System.Diagnostics;
using System.CommandLine;
using Spectre.Console;
using Waymark.Storage;
using Waymark.Storage.Demo;

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
        var command = new Command("demo", "Create a demo workspace: a TV and home-cinema retailer with personas, touchpoints, journeys, evaluations, KPIs and actions, or with --size large a telecom operator at a real company's size.");
        storage.AddTo(command);
        command.Options.Add(key);
        command.Options.Add(size);
        command.SetAction(async (result, ct) =>
        {
            var wanted = result.GetValue(size)!.Trim().ToLowerInvariant();
            if (wanted is not ("small" or "large"))
            {
                Console.Error.WriteLine($"'{result.GetValue(size)}' is not a demo size: use small (the TV retailer) or large (a telecom operator with 100,000 evaluations).");
                return 1;
            }
            await using var db = await StorageArguments.OpenAsync(storage.Read(result), ct);
            var free = await WorkspaceStore.FreeKeyAsync(db, result.GetValue(key) ?? (wanted == "large" ? LargeWorkspace.DefaultKey : "demo"), ct);
            if (wanted == "large") return await CreateLargeAsync(db, free, ct);
            var content = DemoWorkspace.Build(free);
            await WorkspaceStore.AddAsync(db, content, ct);
            Console.WriteLine($"Created '{content.Workspace.Name}' with {content.Personas.Count} personas, {content.Touchpoints.Count} touchpoints, " +
                $"{content.Journeys.Count} journeys, {content.Evaluations.Count} evaluations, {content.Kpis.Count} KPIs and {content.Improvements.Count} insights, ideas and actions.");
            Console.WriteLine(content.Workspace.Key);
            return 0;
        });
        return command;
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
