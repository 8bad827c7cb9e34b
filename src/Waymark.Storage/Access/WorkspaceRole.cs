namespace Waymark.Storage.Access;

/// <summary>What a member or token may do in a workspace; each role includes the ones before it.</summary>
public enum WorkspaceRole
{
    /// <summary>Reads everything in the workspace.</summary>
    Viewer = 1,
    /// <summary>Also creates, changes and deletes content.</summary>
    Editor = 2,
    /// <summary>Also manages members, tokens, the workspace itself and reads the audit trail.</summary>
    Owner = 3,
}
