using Microsoft.EntityFrameworkCore;
using Waymark.Storage;

namespace Waymark.Web.Infrastructure;

/// <summary>The workspace named by the <c>{workspace}</c> route value; an unknown key answers 404.</summary>
public sealed record CurrentWorkspace(Guid Id, string Key, string Name)
{
    public static async ValueTask<CurrentWorkspace?> BindAsync(HttpContext http)
    {
        if (http.Items.TryGetValue(typeof(CurrentWorkspace), out var known)) return (CurrentWorkspace)known!;
        var key = http.Request.RouteValues["workspace"] as string;
        var db = http.RequestServices.GetRequiredService<WaymarkDb>();
        var workspace = await FindAsync(db, key, http.RequestAborted) ?? throw new NotFoundException($"There is no workspace '{key}'.");
        http.Items[typeof(CurrentWorkspace)] = workspace;
        return workspace;
    }

    /// <summary>The workspace with this key, if there is one: the one lookup the API, the pages and the CLI use.</summary>
    public static Task<CurrentWorkspace?> FindAsync(WaymarkDb db, string? key, CancellationToken ct) =>
        db.Workspaces.AsNoTracking().Where(w => w.Key == key).Select(w => new CurrentWorkspace(w.Id, w.Key, w.Name)).FirstOrDefaultAsync(ct);
}
