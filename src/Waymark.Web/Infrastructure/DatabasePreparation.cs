using Microsoft.EntityFrameworkCore;
using Waymark.Storage;
using Waymark.Storage.Demo;
using Waymark.Web.Features.Events;

namespace Waymark.Web.Infrastructure;

/// <summary>
/// Before the server listens: brings the schema up to date and, on an empty database, creates the demo workspace, whose
/// year of events (unless <c>Waymark:SeedDemoEvents</c> is false) <see cref="DemoEventSeeding"/> stores once it listens.
/// </summary>
internal sealed class DatabasePreparation(IServiceProvider services, IConfiguration configuration, DemoEventSeeding demoEvents, TimeProvider clock,
    ILogger<DatabasePreparation> log) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaymarkDb>();
        await StorageSetup.MigrateAsync(db, ct);
        if (configuration.GetValue("Waymark:SeedDemo", true) && !await db.Workspaces.AnyAsync(ct))
        {
            var withEvents = configuration.GetValue(DemoEvents.Setting, true);
            var now = clock.GetUtcNow();
            var content = DemoWorkspace.Build(today: DateOnly.FromDateTime(now.UtcDateTime), kpisFromEvents: withEvents);
            await WorkspaceStore.AddAsync(db, content, ct);
            log.LogInformation("Created the demo workspace '{Key}'", content.Workspace.Key);
            if (withEvents) demoEvents.After(content, DemoEvents.EndFor(now));
        }
        await Access.FirstAdministrator.EnsureAsync(scope.ServiceProvider, configuration, log, ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
