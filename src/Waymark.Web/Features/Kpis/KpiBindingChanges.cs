using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Common;
using Waymark.Domain.Journeys;
using Waymark.Domain.Kpis;
using Waymark.Storage.Access;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Kpis;

/// <summary>
/// What a KPI is computed from: the event measure, its touchpoint(s), channel or journey map, and the period each
/// measurement covers; with the KPI's version, as every update.
/// </summary>
public sealed record KpiBindingRequest(
    EventMeasure? Measure,
    PeriodGrain? Grain,
    string? Touchpoint = null,
    string? ToTouchpoint = null,
    string? Channel = null,
    Guid? JourneyId = null,
    int? Version = null);

/// <summary>
/// Binding a KPI to an event measure and unbinding it, for the API, the KPI page and the CLI alike (editors and owners).
/// A new or changed binding computes the KPI's whole history in the background; from then on every batch of events
/// recomputes the periods it touches (<see cref="KpiEventRefresh"/>). Unbinding keeps what was computed.
/// </summary>
public static class KpiBindingChanges
{
    public static async Task<Kpi> BindAsync(Work work, CurrentWorkspace ws, Guid id, KpiBindingRequest r, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.Editor, ct);
        var kpi = await work.Db.Kpis.FindInAsync(ws, id, "KPI", ct);
        kpi.EnsureVersion(Versions.Required(r.Version));
        if (r.Measure is not { } measure)
            throw new DomainRuleException("measure", "Choose what the KPI measures from the events, such as first-contact resolution or NPS.");
        if (r.Grain is not { } grain)
            throw new DomainRuleException("grain", "Choose whether the KPI is computed per day, week or month.");
        var binding = new KpiEventBinding(measure, grain, r.Touchpoint, r.ToTouchpoint, r.Channel, r.JourneyId);
        await work.Db.RequireAsync<Journey>(ws, binding.JourneyId, "journeyId", "journey map", ct);
        var changed = kpi.Binding != binding;
        kpi.Bind(binding);
        await KpiChanges.AnnounceAsync(work, ws, kpi, $"bound the KPI '{kpi.Name}' to events", ct);
        await work.SaveAsync(ct);
        if (changed) work.KpiRefresh.WholeHistory(ws.Id, [kpi.Id]);
        return kpi;
    }

    public static async Task<Kpi> UnbindAsync(Work work, CurrentWorkspace ws, Guid id, int? version, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.Editor, ct);
        var kpi = await work.Db.Kpis.FindInAsync(ws, id, "KPI", ct);
        kpi.EnsureVersion(Versions.Required(version));
        kpi.Unbind();
        await KpiChanges.AnnounceAsync(work, ws, kpi, $"stopped computing the KPI '{kpi.Name}' from events", ct);
        await work.SaveAsync(ct);
        return kpi;
    }
}
