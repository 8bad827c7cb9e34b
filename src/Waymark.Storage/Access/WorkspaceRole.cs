namespace Waymark.Storage.Access;

/// <summary>What a member or token may do in a workspace; from viewer on, each role includes the ones before it.</summary>
public enum WorkspaceRole
{
    /// <summary>
    /// Only sends interaction events, and reads nothing: the least a call-centre or shop system needs. For API tokens
    /// only; below every other role, so each check of "at least viewer" refuses it.
    /// </summary>
    EventSender = 0,
    /// <summary>Reads everything in the workspace.</summary>
    Viewer = 1,
    /// <summary>Also creates, changes and deletes content, and sends events.</summary>
    Editor = 2,
    /// <summary>Also manages members, tokens, the workspace itself and reads the audit trail.</summary>
    Owner = 3,
}

public static class WorkspaceRoles
{
    /// <summary>
    /// Whether a role is enough for what needs <paramref name="needs"/>: sending events is for event senders, editors and
    /// owners (not viewers); everything else needs at least that role.
    /// </summary>
    public static bool Covers(this WorkspaceRole role, WorkspaceRole needs) =>
        needs == WorkspaceRole.EventSender ? role is WorkspaceRole.EventSender or >= WorkspaceRole.Editor : role >= needs;
}
