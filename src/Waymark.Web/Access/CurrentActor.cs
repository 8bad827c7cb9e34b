using System.Security.Claims;
using Waymark.Storage.Access;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Access;

/// <summary>
/// Who acts in this scope: the caller of the HTTP request, the signed-in person of an open page, or the server's
/// operator at the command line. The audit trail names them, <see cref="Features.Work"/> checks their role, and
/// live announcements carry <see cref="Source"/> so the page that made a change does not redraw for its own.
/// </summary>
public sealed class CurrentActor(IHttpContextAccessor http) : IAuditContext
{
    /// <summary>The source of changes made through the HTTP API (scripts, integrations, other tools).</summary>
    public const string Api = "api";

    private AuditActor? _actor;
    private Guid? _workspaceId;
    private ClaimsPrincipal? _person;
    private string? _source;

    public AuditActor? Actor => _actor ?? http.HttpContext?.User.Actor();

    public Guid? WorkspaceId => _workspaceId
        ?? (http.HttpContext?.Items.TryGetValue(typeof(CurrentWorkspace), out var ws) == true ? ((CurrentWorkspace)ws!).Id : null);

    /// <summary>The caller whose roles count: the page's signed-in person, else the HTTP request's user; null for the operator.</summary>
    public ClaimsPrincipal? Principal => _person ?? http.HttpContext?.User;

    /// <summary>Where the change comes from: the open page's circuit, the API, or the command line.</summary>
    public string Source => _source ?? (http.HttpContext is null ? "command line" : Api);

    /// <summary>The server's operator (command line, start-up): every right in every workspace, as the owner of the files has.</summary>
    public bool IsOperator { get; private set; }

    /// <summary>A page's read-only unit of work (<see cref="ReadOnlyPageData"/>): it may not save.</summary>
    public bool ReadsOnly { get; private set; }

    public void OnlyRead() => ReadsOnly = true;

    /// <summary>For work outside an HTTP request (CLI, start-up): name the actor and, optionally, the workspace.</summary>
    public void ActAsOperator(AuditActor actor, Guid? workspaceId = null)
    {
        _actor = actor;
        _workspaceId = workspaceId;
        IsOperator = true;
    }

    /// <summary>For a signed-in person's open page (Blazor circuit): named in the audit trail, held to their roles.</summary>
    public void ActAsSignedInPerson(ClaimsPrincipal person, string source)
    {
        _actor = person.Actor();
        _person = person;
        _source = source;
    }
}
