using Waymark.Storage;
using Waymark.Storage.Access;
using Waymark.Web;
using Waymark.Web.Access;
using Waymark.Web.Features;
using Waymark.Web.Infrastructure;

namespace Waymark.Cli.Commands;

/// <summary>
/// A command that changes data runs the same use cases as the API and the pages, with the web app's services (same
/// rules, same audit trail) on a migrated database, acting as the server's operator: the audit trail names the
/// command line.
/// </summary>
internal static class Operator
{
    public static async Task<int> RunAsync(StorageOptions options, Func<IServiceProvider, Work, Task<int>> work)
    {
        var settings = new Dictionary<string, string?> { ["Waymark:Database"] = options.SqliteFile, ["Waymark:Postgres"] = options.PostgresConnectionString };
        await using var app = WaymarkWebApp.Create([], builder => builder.Configuration.AddInMemoryCollection(settings));
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().ActAsOperator(AuditActor.System("command line"));
        await StorageSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<WaymarkDb>());
        // Resolved first, so that they hear the announcement of events the command stores or erases.
        var analytics = app.Services.GetRequiredService<Web.Features.Evidence.EventAnalyticsRefresh>();
        var kpis = app.Services.GetRequiredService<Web.Features.Kpis.KpiEventRefresh>();
        var code = await work(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<Work>());
        // No background work runs here: the journey analytics of the months whose events changed, and KPIs the command
        // asked to be computed from events (after events were stored or erased, a binding or the service contacts
        // changed), are worked out before the command ends, as a server would do in the background.
        await analytics.RunPendingAsync(CancellationToken.None);
        await kpis.RunPendingAsync(CancellationToken.None);
        return code;
    }

    /// <summary>The workspace named by <c>--workspace</c>, looked up as the API and the pages look it up.</summary>
    public static async Task<CurrentWorkspace> WorkspaceAsync(WaymarkDb db, string key, CancellationToken ct) =>
        await CurrentWorkspace.FindAsync(db, key, ct) ?? throw new Domain.Common.DomainRuleException("--workspace", $"There is no workspace '{key}'.");
}
