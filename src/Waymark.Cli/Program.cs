using System.CommandLine;
using Waymark.Cli.Commands;
using Waymark.Web.Infrastructure;

// A server runs for long: it starts again at once with less memory kept by the C library (see NativeHeap).
if (args is ["serve", ..]) NativeHeap.CapArenas();

var root = new RootCommand("Waymark: customer journey mapping and touchpoint management.");
// Each command lives in Commands/<Name>Command.cs and offers a static Create().
root.Subcommands.Add(ServeCommand.Create());
root.Subcommands.Add(DemoCommand.Create());
root.Subcommands.Add(ExportCommand.Create());
root.Subcommands.Add(ImportCommand.Create());
root.Subcommands.Add(NewCommand.Create());
root.Subcommands.Add(ImportSheetCommand.Create());
root.Subcommands.Add(AnalyzeCommand.Create());
root.Subcommands.Add(GenerateEventsCommand.Create());
root.Subcommands.Add(IngestCommand.Create());
root.Subcommands.Add(ExportEventsCommand.Create());
root.Subcommands.Add(ServiceContactsCommand.Create());
root.Subcommands.Add(EventMappingCommand.Create());
root.Subcommands.Add(AccessCommands.User());
root.Subcommands.Add(AccessCommands.Token());
return await root.Parse(args).InvokeAsync();
