using Spectre.Console;
using Waymark.Analytics.Generation;
using Waymark.Analytics.Writing;

namespace Waymark.Cli.Commands.Analytics;

/// <summary>waymark generate-events: writes a synthetic log (and optionally the designed journey it follows).</summary>
internal static class GenerateEventsHandler
{
    public static async Task<int> RunAsync(int customers, FileInfo output, int seed, FileInfo? journeyOut, CancellationToken ct)
    {
        if (customers <= 0)
        {
            Console.Error.WriteLine("error: --customers must be positive");
            return 1;
        }
        var options = new GeneratorOptions { Customers = customers, Seed = seed };
        long events;
        using (var writer = EventWriters.Create(output.FullName))
        {
            if (Console.IsOutputRedirected)
                events = EventGenerator.Generate(options, writer);
            else
            {
                events = 0;
                await AnsiConsole.Progress().StartAsync(async ctx =>
                {
                    var task = ctx.AddTask("generating", maxValue: customers);
                    events = await Task.Run(() => EventGenerator.Generate(options, writer, (c, _) => task.Value = c), ct);
                    task.Value = customers;
                });
            }
        }
        Console.WriteLine($"wrote {events:N0} events for {customers:N0} customers to {output.FullName}");
        if (journeyOut is not null)
        {
            await File.WriteAllTextAsync(journeyOut.FullName, EventGenerator.DesignedJourney.ToJson(), ct);
            Console.WriteLine($"designed journey: {journeyOut.FullName}");
        }
        return 0;
    }
}
