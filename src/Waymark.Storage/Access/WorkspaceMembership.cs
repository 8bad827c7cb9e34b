namespace Waymark.Storage.Access;

/// <summary>A user's role in one workspace; a user may belong to many workspaces with different roles.</summary>
public sealed class WorkspaceMembership
{
    private WorkspaceMembership() { UserId = ""; }

    public WorkspaceMembership(Guid workspaceId, string userId, WorkspaceRole role, DateTimeOffset createdAt)
    {
        Id = Guid.CreateVersion7();
        WorkspaceId = workspaceId;
        UserId = userId;
        Role = role;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public Guid WorkspaceId { get; private set; }
    public string UserId { get; private set; }
    public WorkspaceRole Role { get; set; }
    public DateTimeOffset CreatedAt { get; private set; }
}
