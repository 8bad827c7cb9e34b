using System.Security.Claims;
using Microsoft.AspNetCore.OutputCaching;
using Waymark.Storage;
using Waymark.Storage.Scores;
using Waymark.Web.Access;

namespace Waymark.Web.Infrastructure;

/// <summary>
/// Reads of a workspace answered again without being worked out again while nothing in the workspace has changed:
/// the answer is kept per caller, address and <see cref="WorkspaceStamp"/>, and any change moves the stamp, so no
/// one is ever answered from before their own or anyone's change. API answers carry an ETag made of the same parts,
/// so a client that sends it back in If-None-Match is answered 304 Not Modified.
/// Pages are kept for less time than Blazor accepts the descriptors of their interactive components.
/// </summary>
public sealed class UnchangedReads : IOutputCachePolicy
{
    public const string Policy = "unchanged-workspace";
    public static readonly TimeSpan Kept = TimeSpan.FromSeconds(60);

    /// <summary>Marks reads that show more than the workspace's own rows (accounts, token use), so are never kept.</summary>
    public sealed class BeyondTheWorkspace
    {
        public static readonly BeyondTheWorkspace Instance = new();
    }

    async ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        var key = (http.Request.RouteValues["workspace"] ?? http.Request.RouteValues["Ws"]) as string;
        var caller = CallerOf(http.User);
        if (!HttpMethods.IsGet(http.Request.Method) || key is null || caller is null
            || http.GetEndpoint()?.Metadata.GetMetadata<BeyondTheWorkspace>() is not null
            || http.RequestServices.GetRequiredService<IConfiguration>().GetValue("Waymark:KeepUnchangedReads", true) is false)
        {
            context.EnableOutputCaching = false;
            return;
        }
        var stamp = await StampOfAsync(http, key, ct);
        if (stamp is null)
        {
            context.EnableOutputCaching = false;
            return;
        }
        // The day is part of the answer: what is overdue changes at midnight without any change in the workspace.
        var today = DateOnly.FromDateTime(http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime).DayNumber;
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = true;
        context.AllowCacheStorage = true;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = Kept;
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.HeaderNames = new(["Accept", "Accept-Encoding"]);
        context.CacheVaryByRules.VaryByValues["stamp"] = stamp.Value.ToString("N");
        context.CacheVaryByRules.VaryByValues["caller"] = caller;
        context.CacheVaryByRules.VaryByValues["today"] = today.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // API answers only (an endpoint that tags its answer with a row version replaces it): a page's HTML must not be
        // reused by the browser after its components' descriptors expire. Set now, before the answer starts.
        if (http.Request.Path.StartsWithSegments("/api"))
            http.Response.Headers.ETag = $"W/\"{stamp.Value:N}-{today}-{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{caller} {http.Request.Path}{http.Request.QueryString}")), 0, 8)}\"";
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken ct) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken ct)
    {
        var response = context.HttpContext.Response;
        // Only whole, successful answers that set nothing on the client are kept.
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0)
            context.AllowCacheStorage = false;
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// On the API the role check has just found the workspace (<see cref="WorkspaceAccess"/> keeps it for the request):
    /// its stamp is read by id, and the endpoint is handed the workspace instead of looking it up again.
    /// </summary>
    private static async Task<Guid?> StampOfAsync(HttpContext http, string key, CancellationToken ct)
    {
        var db = http.RequestServices.GetRequiredService<WaymarkDb>();
        if (!Equals(http.Request.RouteValues["workspace"], key)) return await WorkspaceStamp.OfKeyAsync(db, key, ct);
        var (workspace, _) = await http.RequestServices.GetRequiredService<WorkspaceAccess>().ResolveAsync(http.User, key, ct);
        if (workspace is null) return null;
        http.Items[typeof(CurrentWorkspace)] = workspace;
        return await WorkspaceStamp.OfAsync(db, workspace.Id, ct);
    }

    private static string? CallerOf(ClaimsPrincipal user) =>
        user.UserId() is { } id ? $"user:{id}"
        : user.IsToken() ? $"token:{user.FindFirstValue(WaymarkClaims.TokenId)}"
        : null;
}
