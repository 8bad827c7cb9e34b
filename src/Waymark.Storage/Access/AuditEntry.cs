namespace Waymark.Storage.Access;

/// <summary>What happened to a row; Exported records a read of personal data taken out of Waymark (interaction events).</summary>
public enum AuditAction { Created, Changed, Deleted, Exported }

public enum ActorKind { User, Token, System }

/// <summary>Who acts: a signed-in user, an API token, or Waymark itself (start-up, command line).</summary>
public sealed record AuditActor(ActorKind Kind, string Id, string Name)
{
    public static AuditActor System(string name = "waymark") => new(ActorKind.System, name, name);
}

/// <summary>One created, changed or deleted row of a workspace: who, when, what, and the values that changed.</summary>
public sealed class AuditEntry
{
    private AuditEntry() { ActorId = ""; ActorName = ""; EntityType = ""; EntityId = ""; }

    public AuditEntry(Guid workspaceId, DateTimeOffset at, AuditActor actor, AuditAction action, string entityType, string entityId, Guid? journeyId, string? changes)
    {
        Id = Guid.CreateVersion7();
        WorkspaceId = workspaceId;
        At = at;
        ActorKind = actor.Kind;
        ActorId = actor.Id;
        ActorName = actor.Name;
        Action = action;
        EntityType = entityType;
        EntityId = entityId;
        JourneyId = journeyId;
        Changes = changes;
    }

    public Guid Id { get; private set; }
    public Guid WorkspaceId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public ActorKind ActorKind { get; private set; }
    public string ActorId { get; private set; }
    public string ActorName { get; private set; }
    public AuditAction Action { get; private set; }
    /// <summary>e.g. Touchpoint, Journey, Stage, Step, WorkspaceMembership.</summary>
    public string EntityType { get; private set; }
    public string EntityId { get; private set; }
    /// <summary>The journey a journey, stage or step belongs to: a map's change history.</summary>
    public Guid? JourneyId { get; private set; }
    /// <summary>JSON object of property → {"from", "to"}.</summary>
    public string? Changes { get; private set; }
}
