using System.CommandLine;
using Waymark.Domain.Common;
using Waymark.Web.Features.Events;

namespace Waymark.Cli.Commands;

/// <summary>
/// <c>waymark event-mapping --workspace KEY</c>: shows the column mapping the workspace saved for the events it is sent;
/// <c>--set MAP</c> saves one (as <c>--map</c> of analyze and ingest), <c>--remove</c> removes it. Through the same use case
/// as PUT …/events/mapping (<see cref="EventMappingChanges"/>).
/// </summary>
internal static class EventMappingCommand
{
    public static Command Create()
    {
        var storage = new StorageArguments();
        var workspace = new Option<string>("--workspace", "-w") { Description = "Key of the workspace", Required = true };
        var set = new Option<string?>("--set") { Description = "The mapping to save, e.g. customer=cust_id,time=ts,touchpoint=activity,channel=medium" };
        var remove = new Option<bool>("--remove") { Description = "Remove the saved mapping: events are read by their usual field names again" };
        var command = new Command("event-mapping", "Show, save or remove the column mapping that events sent to the workspace are read with.");
        command.Options.Add(workspace);
        command.Options.Add(set);
        command.Options.Add(remove);
        storage.AddTo(command);
        command.SetAction(async (result, ct) => await Operator.RunAsync(storage.Read(result), async (_, work) =>
        {
            try
            {
                var ws = await Operator.WorkspaceAsync(work.Db, result.GetValue(workspace)!, ct);
                if (result.GetValue(remove) && result.GetResult(set) is not null)
                    throw new DomainRuleException("--remove", "--remove removes the saved mapping; leave out --set.");
                var current = await EventMappingChanges.ReadAsync(work.Db, ws, ct);
                var shown = result.GetValue(remove) ? await EventMappingChanges.RemoveAsync(work, ws, null, ct)
                    : result.GetResult(set) is not null ? await EventMappingChanges.SaveAsync(work, ws, new EventMappingRequest(result.GetValue(set), current.Version), ct)
                    : current;
                Console.WriteLine(shown.Map is null
                    ? "No saved mapping: events are read by their usual field names (customer, time, touchpoint, channel, …)."
                    : $"Saved mapping: {shown.Map}");
                return 0;
            }
            catch (DomainRuleException e)
            {
                await Console.Error.WriteLineAsync($"{(e.Field == "map" ? "--set" : e.Field)}: {e.Message}");
                return 1;
            }
        }));
        return command;
    }
}
