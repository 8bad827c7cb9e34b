using System.CommandLine;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Waymark.Web;

namespace Waymark.Cli.Commands;

internal static class ServeCommand
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static Command Create()
    {
        var storage = new StorageArguments();
        var urls = new Option<string>("--urls") { Description = "Address(es) to listen on, separated by ';'", DefaultValueFactory = _ => DefaultUrl };
        var noDemo = new Option<bool>("--no-demo") { Description = "Do not create the demo workspace on an empty database" };
        var noDemoEvents = new Option<bool>("--no-demo-events") { Description = "Create the demo workspace without its year of interaction events" };
        var command = new Command("serve", "Run the Waymark web application and HTTP API. Any setting can follow as --Section:Key=value (e.g. --Waymark:AdminEmail=cx@example.com), as in ASP.NET Core.");
        // Settings such as --Waymark:AdminEmail=… go to the app's configuration; anything else unknown is still refused.
        command.TreatUnmatchedTokensAsErrors = false;
        storage.AddTo(command);
        command.Options.Add(urls);
        command.Options.Add(noDemo);
        command.Options.Add(noDemoEvents);
        command.SetAction(async (result, ct) =>
        {
            if (ConfigurationSettings.Read(result.UnmatchedTokens, out var configuration) is { } error)
            {
                Console.Error.WriteLine(error);
                return 1;
            }
            var options = storage.Read(result);
            var settings = new Dictionary<string, string?>
            {
                ["Waymark:Database"] = options.SqliteFile,
                ["Waymark:Postgres"] = options.PostgresConnectionString,
                ["Waymark:SeedDemo"] = result.GetValue(noDemo) ? "false" : "true",
                ["urls"] = result.GetValue(urls),
            };
            // Only when asked: otherwise the setting (Waymark__SeedDemoEvents, appsettings) decides, true by default.
            if (result.GetValue(noDemoEvents)) settings[Web.Features.Events.DemoEvents.Setting] = "false";
            var app = WaymarkWebApp.Create(configuration, builder => builder.Configuration.AddInMemoryCollection(settings));
            app.Lifetime.ApplicationStarted.Register(() =>
            {
                var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
                Console.WriteLine($"Waymark is using {options.Describe()}");
                foreach (var address in addresses) Console.WriteLine($"Waymark is listening on {address}");
                Console.WriteLine("Press Ctrl+C to stop.");
            });
            await app.RunAsync(ct);
            return 0;
        });
        return command;
    }
}
