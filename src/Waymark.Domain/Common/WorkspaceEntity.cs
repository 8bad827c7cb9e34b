namespace Waymark.Domain.Common;

/// <summary>Everything a workspace owns: an identity, the owning workspace and a version that detects concurrent edits.</summary>
public abstract class WorkspaceEntity
{
    protected WorkspaceEntity() { }

    protected WorkspaceEntity(Guid workspaceId) : this(workspaceId, Guid.CreateVersion7()) { }

    /// <summary>For something brought back after a removal: it keeps the id it had, so what pointed at it still does.</summary>
    protected WorkspaceEntity(Guid workspaceId, Guid id)
    {
        if (workspaceId == Guid.Empty) throw new DomainRuleException("workspace", "A workspace is required.");
        if (id == Guid.Empty) throw new DomainRuleException("id", "The id it had is required.");
        Id = id;
        WorkspaceId = workspaceId;
    }

    public Guid Id { get; private set; }
    public Guid WorkspaceId { get; private set; }

    /// <summary>Raised by storage on every saved change; a client that sends an older version has missed someone's edit.</summary>
    public int Version { get; set; } = 1;

    public void EnsureVersion(int expected)
    {
        if (expected != Version) throw new StaleVersionException(GetType().Name, expected, Version);
    }
}

public sealed class StaleVersionException(string what, int expected, int actual)
    : Exception($"This {what.ToLowerInvariant()} was changed by someone else in the meantime (you edited version {expected}, the current version is {actual}). Reload it and apply your change again.")
{
    public int Expected { get; } = expected;
    public int Actual { get; } = actual;
}
