using Waymark.Storage;
using Waymark.Storage.Access;
using Waymark.Web.Access;
using Waymark.Web.Infrastructure;
using Waymark.Web.Live;

namespace Waymark.Web.Features;

/// <summary>
/// One unit of work of whoever changes a workspace — a person on a page, a program through the API, the operator at
/// the command line. Every use case goes through it the same way: <see cref="AllowAsync"/> (the access rule),
/// the domain call on <see cref="Db"/>, <see cref="Announce(Guid, string)"/> what open pages must redraw, then
/// <see cref="SaveAsync"/>. The audit entry is written by the <see cref="AuditTrail"/> in that save; announcements go
/// out only once it succeeded. See docs/decisions/0004-one-change-one-place.md.
/// </summary>
public sealed class Work(WaymarkDb db, CurrentActor actor, WorkspaceAccess access, MapChanges maps, BoardChanges boards, EventChanges events, TimeProvider clock,
    Kpis.KpiEventRefresh kpiRefresh)
{
    private readonly List<MapChange> _maps = [];
    private readonly List<BoardChange> _boards = [];

    public WaymarkDb Db => db;

    /// <summary>The server's clock, for the times a change stamps (a test's clock in tests).</summary>
    public TimeProvider Clock => clock;

    /// <summary>Where stored events and changed KPI bindings ask for KPIs to be computed from events again, in the background.</summary>
    public Kpis.KpiEventRefresh KpiRefresh => kpiRefresh;

    /// <summary>
    /// Writes an audit entry for a change that was not saved through the context (the event store's own SQL), as the
    /// <see cref="AuditTrail"/> does for the others, and saves it; nothing when nobody is acting (no actor to name).
    /// </summary>
    public async Task AuditAsync(CurrentWorkspace ws, AuditAction action, string entity, string entityId, object changes, CancellationToken ct)
    {
        if (actor.Actor is not { } who) return;
        db.AuditEntries.Add(new AuditEntry(ws.Id, clock.GetUtcNow(), who, action, entity, entityId, null, System.Text.Json.JsonSerializer.Serialize(changes)));
        await SaveAsync(ct);
    }

    /// <summary>Who acts, for wording such as "Ann changed …".</summary>
    public string ActorName => actor.Actor?.Name ?? "someone";

    /// <summary>
    /// The caller's role in the workspace, as it is now, must be at least <paramref name="needs"/>; otherwise nothing is
    /// done and the refusal says why, in the same words for a page and the API.
    /// </summary>
    public async Task AllowAsync(CurrentWorkspace ws, WorkspaceRole needs, CancellationToken ct)
    {
        if (actor.IsOperator) return;
        var role = actor.Principal is { } caller ? await access.RoleAsync(caller, ws.Key, ct) : null;
        if (role is null) throw new ForbiddenChangeException(Refusals.NotAMember(ws.Key));
        if (!role.Value.Covers(needs))
            throw new ForbiddenChangeException(role == WorkspaceRole.EventSender ? Refusals.OnlySendsEvents(ws.Key) : Refusals.RoleTooSmall(needs, ws.Key));
    }

    /// <summary>
    /// For what no workspace role covers (creating or importing a workspace): the caller must be a signed-in person,
    /// who becomes its owner, or the operator; a program with an API token acts only inside its one workspace.
    /// </summary>
    public void AllowSignedInPerson(string what)
    {
        if (actor.IsOperator) return;
        if (actor.Principal?.UserId() is null) throw new ForbiddenChangeException($"Only a signed-in person can {what}; an API token cannot.");
    }

    /// <summary>
    /// Who is to be named as the creator of something kept outside a workspace (a template): the signed-in person, or the
    /// operator at the command line; an API token is refused.
    /// </summary>
    public AuditActor PersonAsCreator(string what)
    {
        AllowSignedInPerson(what);
        return actor.Actor ?? throw new ForbiddenChangeException($"Only a signed-in person can {what}.");
    }

    /// <summary>
    /// For what belongs to one person rather than to a workspace (a template they saved): that person, an administrator
    /// or the operator; everyone else is refused with <paramref name="refusal"/>.
    /// </summary>
    public async Task AllowCreatorOrAdministratorAsync(string creatorId, string refusal, CancellationToken ct)
    {
        if (actor.IsOperator) return;
        if (actor.Principal is not { } caller || caller.UserId() is not { } id) throw new ForbiddenChangeException(refusal);
        if (id == creatorId || await access.IsAdministratorAsync(caller, ct)) return;
        throw new ForbiddenChangeException(refusal);
    }

    /// <summary>Tells the open maps of <paramref name="journeyId"/> what changed, once the save succeeded.</summary>
    public void Announce(Guid journeyId, string did) => _maps.Add(new MapChange(journeyId, actor.Source, $"{ActorName} {did}"));

    /// <summary>Tells the open action boards of the workspace what changed, once the save succeeded.</summary>
    public void AnnounceToBoard(Guid workspaceId, string did) => _boards.Add(new BoardChange(workspaceId, actor.Source, $"{ActorName} {did}"));

    /// <summary>
    /// Says that the workspace's stored events changed — events of these <paramref name="days"/> were stored, or (no
    /// days) events were erased — to everything worked out from them (<see cref="EventsArrived"/>). At once, not with
    /// the next save: the event store commits itself, so call this after it did.
    /// </summary>
    public void AnnounceEvents(Guid workspaceId, IEnumerable<DateOnly>? days) =>
        events.Publish(new EventsArrived(workspaceId) { Days = days?.ToHashSet(), Here = true });

    /// <summary>
    /// Saves everything in one transaction and then announces it. When the save fails (a row changed by someone else
    /// since it was read, a reference that no longer holds) nothing is saved or announced, and <see cref="Refusals"/>
    /// words the failure the same way for a page and the API.
    /// </summary>
    public async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            Forget();
            throw;
        }
        foreach (var change in _maps.DistinctBy(c => (c.JourneyId, c.What))) maps.Publish(change);
        foreach (var change in _boards.DistinctBy(c => (c.WorkspaceId, c.What))) boards.Publish(change);
        Forget();
    }

    private void Forget()
    {
        _maps.Clear();
        _boards.Clear();
    }
}
