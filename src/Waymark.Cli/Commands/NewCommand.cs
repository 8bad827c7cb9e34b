using System.CommandLine;
using Waymark.Domain.Common;
using Waymark.Storage;
using Waymark.Storage.Exchange;
using Waymark.Web.Features.Templates;
using Waymark.Web.Features.Workspaces;
using Waymark.Web.Infrastructure;

namespace Waymark.Cli.Commands;

internal static class NewCommand
{
    public static Command Create()
    {
        var storage = new StorageArguments();
        var key = new Option<string?>("--key") { Description = "Key for the new workspace, used in addresses (default: made from the name)" };
        var name = new Option<string?>("--name") { Description = "Name of the new workspace" };
        var template = new Option<string?>("--template") { Description = "Template to start from (see --list-templates); without it the workspace starts blank, with the default phases" };
        var list = new Option<bool>("--list-templates") { Description = "List the built-in templates and the organisation's, and create nothing" };
        var command = new Command("new", "Create a new workspace, blank or from a template; prints the new workspace's key last.");
        // The same use case as POST /api/workspaces and the workspaces page (WorkspaceChanges.CreateAsync), done as the operator.
        storage.AddTo(command);
        command.Options.Add(key);
        command.Options.Add(name);
        command.Options.Add(template);
        command.Options.Add(list);
        command.SetAction(async (result, ct) => await Operator.RunAsync(storage.Read(result), async (_, work) =>
        {
            if (result.GetValue(list)) return await ListAsync(work.Db, ct);
            if (string.IsNullOrWhiteSpace(result.GetValue(name)))
            {
                await Console.Error.WriteLineAsync("Give the new workspace a name with --name.");
                return 1;
            }
            try
            {
                var request = new WorkspaceRequest(result.GetValue(key), result.GetValue(name)!, null, Template: result.GetValue(template));
                var workspace = await WorkspaceChanges.CreateAsync(work, request, ct);
                Console.WriteLine(request.Template is { } t ? $"Created '{workspace.Name}' from the template '{t}'" : $"Created '{workspace.Name}'");
                Console.WriteLine(workspace.Key);
                return 0;
            }
            catch (Exception e) when (e is WorkspaceKeyTakenException or DomainRuleException or ImportException)
            {
                await Console.Error.WriteLineAsync($"Nothing was created. {e.Message}");
                return 1;
            }
        }));
        return command;
    }

    private static async Task<int> ListAsync(WaymarkDb db, CancellationToken ct)
    {
        foreach (var t in await TemplateCatalog.ListAsync(db, ct))
        {
            var origin = t.BuiltIn ? "built in" : $"saved by {t.CreatedByName}";
            Console.WriteLine($"{t.Name,-24} {t.Title} ({origin}; {t.Counts})");
            if (t.Description is { } description) Console.WriteLine($"{"",-24} {description}");
        }
        return 0;
    }
}
