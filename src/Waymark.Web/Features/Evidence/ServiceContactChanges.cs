using Microsoft.EntityFrameworkCore;
using Waymark.Analytics.Metrics;
using Waymark.Domain.Events;
using Waymark.Domain.Kpis;
using Waymark.Storage;
using Waymark.Storage.Access;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Evidence;

/// <summary>
/// Which events are contacts with the service and which outcomes mean resolved: touchpoints (event keys), channels,
/// resolved and unresolved outcomes. With the version read, once the workspace has a definition of its own.
/// </summary>
public sealed record ServiceContactsRequest(
    IReadOnlyList<string>? Touchpoints = null,
    IReadOnlyList<string>? Channels = null,
    IReadOnlyList<string>? ResolvedOutcomes = null,
    IReadOnlyList<string>? UnresolvedOutcomes = null,
    int? Version = null);

/// <summary>The definition in force, the sentence that explains it, and whether it is the workspace's own or the built-in one.</summary>
public sealed record ServiceContactsResponse(
    IReadOnlyList<string> Touchpoints,
    IReadOnlyList<string> Channels,
    IReadOnlyList<string> ResolvedOutcomes,
    IReadOnlyList<string> UnresolvedOutcomes,
    string Description,
    bool BuiltIn,
    int Version)
{
    public static ServiceContactsResponse From(ServiceContactDefinition d, int? version) =>
        new(d.Touchpoints, d.Channels, d.ResolvedOutcomes, d.UnresolvedOutcomes, d.Description, version is null, version ?? 0);
}

/// <summary>
/// The workspace's own definition of service contacts, the basis of first-contact resolution and the repeat-contact rate,
/// for the API, the settings page and the CLI alike (editors and owners). A change recomputes the KPIs bound to those
/// two measures over their whole history; going back to the built-in definition removes the workspace's own.
/// </summary>
public static class ServiceContactChanges
{
    public static async Task<ServiceContactsResponse> ReadAsync(WaymarkDb db, CurrentWorkspace ws, CancellationToken ct)
    {
        var version = await db.ServiceContactSettings.AsNoTracking().Where(s => s.WorkspaceId == ws.Id).Select(s => (int?)s.Version).FirstOrDefaultAsync(ct);
        return ServiceContactsResponse.From(await EventAnalytics.ServiceContactsAsync(db, ws, ct), version);
    }

    public static async Task<ServiceContactsResponse> DefineAsync(Work work, CurrentWorkspace ws, ServiceContactsRequest r, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.Editor, ct);
        var setting = await work.Db.ServiceContactSettings.FirstOrDefaultAsync(s => s.WorkspaceId == ws.Id, ct);
        if (setting is null) work.Db.ServiceContactSettings.Add(setting = new ServiceContactSetting(ws.Id));
        else setting.EnsureVersion(Versions.Required(r.Version));
        setting.Define(r.Touchpoints, r.Channels, r.ResolvedOutcomes, r.UnresolvedOutcomes);
        await work.SaveAsync(ct);
        await RecomputeAsync(work, ws, ct);
        return await ReadAsync(work.Db, ws, ct);
    }

    /// <summary>Goes back to the built-in definition.</summary>
    public static async Task<ServiceContactsResponse> UseBuiltInAsync(Work work, CurrentWorkspace ws, int? version, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.Editor, ct);
        var setting = await work.Db.ServiceContactSettings.FirstOrDefaultAsync(s => s.WorkspaceId == ws.Id, ct);
        if (setting is not null)
        {
            if (version is { } v) setting.EnsureVersion(v);
            work.Db.ServiceContactSettings.Remove(setting);
            await work.SaveAsync(ct);
            await RecomputeAsync(work, ws, ct);
        }
        return await ReadAsync(work.Db, ws, ct);
    }

    private static async Task RecomputeAsync(Work work, CurrentWorkspace ws, CancellationToken ct)
    {
        var bound = await work.Db.Kpis.AsNoTracking()
            .Where(k => k.WorkspaceId == ws.Id && (k.BoundMeasure == EventMeasure.FirstContactResolution || k.BoundMeasure == EventMeasure.RepeatContactRate))
            .Select(k => k.Id).ToListAsync(ct);
        if (bound.Count > 0) work.KpiRefresh.WholeHistory(ws.Id, bound);
    }
}
