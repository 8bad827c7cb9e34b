using Microsoft.Extensions.Diagnostics.HealthChecks;
using Waymark.Storage;

namespace Waymark.Web.Infrastructure;

/// <summary>Healthy when the database answers.</summary>
internal sealed class DatabaseHealthCheck(WaymarkDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        await db.Database.CanConnectAsync(ct)
            ? HealthCheckResult.Healthy("The database is reachable.")
            : HealthCheckResult.Unhealthy("The database cannot be reached.");
}
