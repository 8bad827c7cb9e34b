using Microsoft.EntityFrameworkCore;
using Spectre.Console;
using Waymark.Analytics.Conformance;
using Waymark.Analytics.Generation;
using Waymark.Analytics.Writing;

namespace Waymark.Cli.Commands.Analytics;

internal sealed record GenerateEventsRequest(
    int Customers, FileInfo Output, int Seed, FileInfo? JourneyOut,
    string? Workspace = null, string? Journey = null, Waymark.Storage.StorageOptions? Storage = null);

/// <summary>
/// waymark generate-events: writes a synthetic log (and optionally the designed journey it follows) — the built-in
/// omnichannel journey, or with --workspace a journey map of that workspace, with its touchpoints' event keys and channels.
/// </summary>
internal static class GenerateEventsHandler
{
    public static async Task<int> RunAsync(GenerateEventsRequest request, CancellationToken ct)
    {
        if (request.Customers <= 0) return Fail("--customers must be positive");
        if (request.Journey is not null && request.Workspace is null) return Fail("--journey names a journey map of a workspace: give --workspace KEY too.");
        DesignedJourney designed;
        Func<IEventWriter, Action<long, long>?, long> generate;
        var options = new GeneratorOptions { Customers = request.Customers, Seed = request.Seed };
        if (request.Workspace is null)
        {
            designed = EventGenerator.DesignedJourney;
            generate = (writer, progress) => EventGenerator.Generate(options, writer, progress);
        }
        else
        {
            try
            {
                var (map, channels) = await WorkspaceMapAsync(request, ct);
                designed = map;
                generate = (writer, progress) => MapEventGenerator.Generate(map, channels, options, writer, progress);
                Console.WriteLine($"following the journey map '{map.Name}' of workspace '{request.Workspace}' ({channels.Count} touchpoint keys)");
            }
            catch (Exception e) when (e is FormatException or InvalidOperationException)
            {
                return Fail(e.Message);
            }
        }
        long events;
        using (var writer = EventWriters.Create(request.Output.FullName))
        {
            if (Console.IsOutputRedirected)
                events = generate(writer, null);
            else
            {
                events = 0;
                await AnsiConsole.Progress().StartAsync(async ctx =>
                {
                    var task = ctx.AddTask("generating", maxValue: request.Customers);
                    events = await Task.Run(() => generate(writer, (c, _) => task.Value = c), ct);
                    task.Value = request.Customers;
                });
            }
        }
        Console.WriteLine($"wrote {events:N0} events for {request.Customers:N0} customers to {request.Output.FullName}");
        if (request.JourneyOut is not null)
        {
            await File.WriteAllTextAsync(request.JourneyOut.FullName, designed.ToJson(), ct);
            Console.WriteLine($"designed journey: {request.JourneyOut.FullName}");
        }
        return 0;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"error: {message}");
        return 1;
    }

    /// <summary>
    /// The designed journey of a map of the workspace (by name, any case, or id; without a name the first map by name
    /// that links touchpoints) and the channel of every touchpoint key of the workspace (map's or not).
    /// </summary>
    private static async Task<(DesignedJourney Map, IReadOnlyDictionary<string, string> Channels)> WorkspaceMapAsync(GenerateEventsRequest request, CancellationToken ct)
    {
        await using var db = await StorageArguments.OpenAsync(request.Storage ?? new Waymark.Storage.StorageOptions(), ct);
        var ws = await Waymark.Web.Infrastructure.CurrentWorkspace.FindAsync(db, request.Workspace, ct)
                 ?? throw new FormatException($"There is no workspace '{request.Workspace}'.");
        var maps = await db.Journeys.AsNoTracking().Where(j => j.WorkspaceId == ws.Id).OrderBy(j => j.Name).Select(j => new { j.Id, j.Name }).ToListAsync(ct);
        var list = " Its maps: " + string.Join("; ", maps.Select(m => $"{m.Name} ({m.Id})"));
        DesignedJourney? map = null;
        if (request.Journey is { } wanted)
        {
            var found = maps.Where(m => m.Id.ToString() == wanted.Trim() || string.Equals(m.Name, wanted.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
            if (found.Count != 1)
                throw new FormatException((found.Count == 0 ? $"Workspace '{ws.Key}' has no journey map '{wanted}'." : $"Workspace '{ws.Key}' has {found.Count} journey maps named '{wanted}'; give its id.") + list);
            map = await Waymark.Web.Features.Journeys.DesignedJourneys.OfAsync(db, ws, found[0].Id, ct);
            if (map.Stages.Count == 0) throw new FormatException($"No step of the journey map '{map.Name}' links a touchpoint, so no event could follow it.");
        }
        else
        {
            foreach (var m in maps)
            {
                var candidate = await Waymark.Web.Features.Journeys.DesignedJourneys.OfAsync(db, ws, m.Id, ct);
                if (candidate.Stages.Count > 0) { map = candidate; break; }
            }
            if (map is null) throw new FormatException($"No journey map of workspace '{ws.Key}' links a touchpoint to a step, so no event could follow one." + list);
        }
        var touchpoints = await db.Touchpoints.AsNoTracking().Where(t => t.WorkspaceId == ws.Id)
            .Join(db.Channels.AsNoTracking(), t => t.ChannelId, c => c.Id, (t, c) => new { t.EventKey, t.Name, Channel = c.Name })
            .ToListAsync(ct);
        // The same key rule as the map's designed journey: a touchpoint's event key, else its name.
        var channels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var t in touchpoints.OrderBy(t => t.Name, StringComparer.Ordinal))
            channels.TryAdd(t.EventKey is { Length: > 0 } key ? key : t.Name, t.Channel);
        return (map, channels);
    }
}
