using Microsoft.EntityFrameworkCore;
using Waymark.Storage;
using Waymark.Storage.Demo;

namespace Waymark.Web.Infrastructure;

/// <summary>Before the server listens: brings the schema up to date and, on an empty database, creates the demo workspace.</summary>
internal sealed class DatabasePreparation(IServiceProvider services, IConfiguration configuration, ILogger<DatabasePreparation> log) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaymarkDb>();
        await StorageSetup.MigrateAsync(db, ct);
        if (configuration.GetValue("Waymark:SeedDemo", true) && !await db.Workspaces.AnyAsync(ct))
        {
            var content = DemoWorkspace.Build();
            await WorkspaceStore.AddAsync(db, content, ct);
            log.LogInformation("Created the demo workspace '{Key}'", content.Workspace.Key);
        }
        await Access.FirstAdministrator.EnsureAsync(scope.ServiceProvider, configuration, log, ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
