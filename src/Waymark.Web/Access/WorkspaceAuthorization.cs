using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Waymark.Storage.Access;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Access;

/// <summary>Raises the role an endpoint (or group) needs above the default: viewer to read, editor to write.</summary>
public sealed record RequiredWorkspaceRole(WorkspaceRole Role);

public static class WorkspacePolicies
{
    /// <summary>The caller's role in the route's <c>{workspace}</c> is enough for the endpoint.</summary>
    public const string Member = "workspace-member";
    /// <summary>A signed-in person (not a token): creating and importing workspaces, one's own account.</summary>
    public const string SignedInUser = "signed-in-user";
    /// <summary>Any authenticated caller, person or token.</summary>
    public const string Authenticated = "authenticated";
    /// <summary>A signed-in person who administers the server (accounts).</summary>
    public const string Administrator = "administrator";

    /// <summary>Requires at least this role in the workspace; the highest requirement on an endpoint wins.</summary>
    public static TBuilder RequireWorkspaceRole<TBuilder>(this TBuilder builder, WorkspaceRole role) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequiredWorkspaceRole(role));

    /// <summary>
    /// What an endpoint needs: its explicit requirement, else viewer for GET/HEAD and editor for everything else. An
    /// endpoint marked for event senders needs exactly that (which editors and owners also cover, viewers not).
    /// </summary>
    public static WorkspaceRole Required(Endpoint? endpoint, string method)
    {
        var byMethod = HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) ? WorkspaceRole.Viewer : WorkspaceRole.Editor;
        var explicitRoles = endpoint?.Metadata.GetOrderedMetadata<RequiredWorkspaceRole>() ?? [];
        if (explicitRoles.Any(r => r.Role == WorkspaceRole.EventSender)) return WorkspaceRole.EventSender;
        return explicitRoles.Select(r => r.Role).Append(byMethod).Max();
    }
}

public sealed class WorkspaceRoleRequirement : IAuthorizationRequirement;

/// <summary>Resolves the caller's membership in the route's workspace before anything is bound or read.</summary>
internal sealed class WorkspaceRoleHandler(WorkspaceAccess access) : AuthorizationHandler<WorkspaceRoleRequirement>
{
    public const string NotFound = "workspace-not-found";

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, WorkspaceRoleRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated != true || context.Resource is not HttpContext http) return;
        var key = http.Request.RouteValues["workspace"] as string;
        var (workspace, role) = await access.ResolveAsync(context.User, key, http.RequestAborted);
        if (workspace is null || role is null)
        {
            context.Fail(new AuthorizationFailureReason(this, NotFound));
            return;
        }
        http.Items[typeof(CurrentWorkspace)] = workspace;
        var required = WorkspacePolicies.Required(http.GetEndpoint(), http.Request.Method);
        if (role.Value.Covers(required)) context.Succeed(requirement);
        else context.Fail(new AuthorizationFailureReason(this, role == WorkspaceRole.EventSender ? Refusals.OnlySendsEvents(key!) : Refusals.RoleTooSmall(required, key!)));
    }
}

/// <summary>Not a member answers exactly as an unknown workspace does (404); too small a role is 403, no credentials 401, all as ProblemDetails.</summary>
internal sealed class WorkspaceAuthorizationResults(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext http, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        var reasons = result.AuthorizationFailure?.FailureReasons ?? [];
        if (result.Forbidden && reasons.Any(r => r.Message == WorkspaceRoleHandler.NotFound))
        {
            await Write(http, 404, "Not found", $"There is no workspace '{http.Request.RouteValues["workspace"]}'.");
            return;
        }
        if (result.Forbidden && IsApi(http))
        {
            var why = reasons.FirstOrDefault()?.Message ?? "Your role does not allow this.";
            await Write(http, 403, "Forbidden", http.User.IsToken() && policy.Requirements.Any(r => r is not WorkspaceRoleRequirement)
                ? http.User.IsEventSender() ? Refusals.OnlySendsEvents(null) : "API tokens act only inside their own workspace; this needs a signed-in person." : why);
            return;
        }
        if (result.Challenged && IsApi(http))
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            await Write(http, 401, "Sign in first", "This needs credentials: sign in, or send an API token as 'Authorization: Bearer wm_…'.");
            return;
        }
        await _default.HandleAsync(next, http, policy, result);
    }

    internal static bool IsApi(HttpContext http) => http.Request.Path.StartsWithSegments("/api");

    private async Task Write(HttpContext http, int status, string title, string detail)
    {
        http.Response.StatusCode = status;
        await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
