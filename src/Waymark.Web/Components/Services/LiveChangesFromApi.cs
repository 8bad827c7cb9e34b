using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Waymark.Domain.Improvements;
using Waymark.Domain.Journeys;
using Waymark.Domain.Kpis;
using Waymark.Storage.Access;
using Waymark.Web.Access;

namespace Waymark.Web.Components.Services;

/// <summary>
/// Changes made through the API (a script, an integration, another tool) reach the open pages too: after a
/// successful save outside a page, every journey whose stages, steps, KPIs or actions changed is announced on
/// <see cref="MapChanges"/>, and every workspace whose insights, ideas or actions changed on <see cref="BoardChanges"/>.
/// Pages announce their own changes with a description, so their saves are left out.
/// </summary>
public sealed class LiveChangesFromApi(MapChanges maps, BoardChanges boards, CurrentActor actor) : SaveChangesInterceptor
{
    private readonly HashSet<Guid> _journeys = [];
    private readonly HashSet<Guid> _boards = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Announce();
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken ct = default)
    {
        Announce();
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget();

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken ct = default)
    {
        Forget();
        return Task.CompletedTask;
    }

    private void Forget()
    {
        _journeys.Clear();
        _boards.Clear();
    }

    private void Collect(DbContext? db)
    {
        Forget();
        if (db is null || actor.ChecksRoles || actor.Actor is null) return;
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            var journey = entry.Entity switch
            {
                Journey or Stage or Step => AuditTrail.OwnersOf(db, entry, actor.WorkspaceId).Journey,
                Kpi k => k.JourneyId ?? (Guid?)entry.Property(nameof(Kpi.JourneyId)).OriginalValue,
                Improvement i => i.JourneyId ?? (Guid?)entry.Property(nameof(Improvement.JourneyId)).OriginalValue,
                _ => null,
            };
            if (journey is { } id) _journeys.Add(id);
            if (entry.Entity is Improvement improvement) _boards.Add(improvement.WorkspaceId);
        }
    }

    private void Announce()
    {
        var who = actor.Actor?.Name ?? "someone";
        foreach (var journey in _journeys) maps.Publish(new MapChange(journey, "api", $"{who} changed it through the API"));
        foreach (var workspace in _boards) boards.Publish(new BoardChange(workspace, "api", $"{who} changed the board through the API"));
        Forget();
    }
}
