using System.CommandLine;
using Waymark.Domain.Common;
using Waymark.Web.Features.Evidence;

namespace Waymark.Cli.Commands;

/// <summary>
/// <c>waymark service-contacts --workspace KEY</c>: shows which events the workspace counts as service contacts and which
/// outcomes mean resolved (first-contact resolution, repeat contacts); with <c>--touchpoints</c>, <c>--channels</c>,
/// <c>--resolved</c>, <c>--unresolved</c> it sets the workspace's own definition, with <c>--built-in</c> it goes back to the
/// built-in one. Through the same use case as PUT …/service-contacts (<see cref="ServiceContactChanges"/>).
/// </summary>
internal static class ServiceContactsCommand
{
    public static Command Create()
    {
        var storage = new StorageArguments();
        var workspace = new Option<string>("--workspace", "-w") { Description = "Key of the workspace", Required = true };
        var touchpoints = List("--touchpoints", "Touchpoints (event keys) whose events are service contacts, comma-separated; none: contacts are known by their outcome");
        var channels = List("--channels", "Channels service contacts happen in, comma-separated; none: any channel");
        var resolved = List("--resolved", "Outcomes that mean the customer's matter was resolved, comma-separated");
        var unresolved = List("--unresolved", "Outcomes of a contact that did not resolve it, comma-separated");
        var builtIn = new Option<bool>("--built-in") { Description = "Go back to the built-in definition" };
        var command = new Command("service-contacts", "Show or set which events are service contacts and which outcomes mean resolved.");
        command.Options.Add(workspace);
        command.Options.Add(touchpoints);
        command.Options.Add(channels);
        command.Options.Add(resolved);
        command.Options.Add(unresolved);
        command.Options.Add(builtIn);
        storage.AddTo(command);
        command.SetAction(async (result, ct) => await Operator.RunAsync(storage.Read(result), async (_, work) =>
        {
            IReadOnlyList<string>? Value(Option<string?> option) =>
                result.GetResult(option) is null ? null : (result.GetValue(option) ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            try
            {
                var ws = await Operator.WorkspaceAsync(work.Db, result.GetValue(workspace)!, ct);
                var given = new[] { touchpoints, channels, resolved, unresolved }.Any(o => result.GetResult(o) is not null);
                if (given && result.GetValue(builtIn))
                    throw new DomainRuleException("--built-in", "--built-in goes back to the built-in definition; leave out the other lists.");
                var current = await ServiceContactChanges.ReadAsync(work.Db, ws, ct);
                var shown = result.GetValue(builtIn) ? await ServiceContactChanges.UseBuiltInAsync(work, ws, null, ct)
                    : given ? await ServiceContactChanges.DefineAsync(work, ws, new ServiceContactsRequest(
                        Value(touchpoints) ?? current.Touchpoints, Value(channels) ?? current.Channels,
                        Value(resolved) ?? current.ResolvedOutcomes, Value(unresolved) ?? current.UnresolvedOutcomes, current.Version), ct)
                    : current;
                Console.WriteLine(shown.BuiltIn ? "Built-in definition." : "The workspace's own definition.");
                Console.WriteLine(shown.Description);
                return 0;
            }
            catch (DomainRuleException e)
            {
                await Console.Error.WriteLineAsync($"{Option(e.Field)}: {e.Message}");
                return 1;
            }
        }));
        return command;
    }

    private static Option<string?> List(string name, string description) => new(name) { Description = description };

    /// <summary>The option a field of the request came from, so an error names what the person typed.</summary>
    private static string Option(string field) => field switch
    {
        "touchpoints" => "--touchpoints",
        "channels" => "--channels",
        "resolvedOutcomes" => "--resolved",
        "unresolvedOutcomes" => "--unresolved",
        _ => field,
    };
}
