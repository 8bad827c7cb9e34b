using Waymark.Storage.Access;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Access;

/// <summary>
/// Who acts in this scope, for the audit trail: the caller of the HTTP request, or whoever a UI circuit or
/// command sets with <see cref="ActAs"/>.
/// </summary>
public sealed class CurrentActor(IHttpContextAccessor http) : IAuditContext
{
    private AuditActor? _actor;
    private Guid? _workspaceId;

    public AuditActor? Actor => _actor ?? http.HttpContext?.User.Actor();

    public Guid? WorkspaceId => _workspaceId
        ?? (http.HttpContext?.Items.TryGetValue(typeof(CurrentWorkspace), out var ws) == true ? ((CurrentWorkspace)ws!).Id : null);

    /// <summary>
    /// True in the units of work of a signed-in person's open page: their saves are checked against their roles
    /// (<see cref="UiChangeGuard"/>), as the API's route groups check requests.
    /// </summary>
    public bool ChecksRoles { get; private set; }

    /// <summary>For work outside an HTTP request (CLI, start-up): name the actor and, optionally, the workspace.</summary>
    public void ActAs(AuditActor actor, Guid? workspaceId = null)
    {
        _actor = actor;
        _workspaceId = workspaceId;
    }

    /// <summary>For a signed-in person's page (Blazor circuit): named in the audit trail, and held to their roles.</summary>
    public void ActAsSignedInPerson(AuditActor actor)
    {
        ActAs(actor);
        ChecksRoles = true;
    }
}
