using System.Collections.Concurrent;
using System.Net;
using MudBlazor;

namespace Waymark.Web.Components.Layout;

/// <summary>
/// The navigation drawer's links as one piece of HTML in MudBlazor's nav-menu markup. The links react to nothing but a
/// click, which the browser and Blazor's navigation handle, so they need no components: as MudNavLinks each open page
/// held 11 links with their icons, three components apiece (about 100 KB a page). One string per workspace, role and
/// current page is shared by every page that shows it.
/// </summary>
public static class MainNav
{
    private sealed record Link(string Path, string Text, string Icon, bool InWorkspace = true, bool Exact = false, bool NewTab = false, bool Administrators = false);

    private static readonly Link[] Links =
    [
        new("dashboard", "Dashboard", Icons.Material.Outlined.SpaceDashboard),
        new("journeys", "Journeys", Icons.Material.Outlined.Route),
        new("analytics", "Analytics", Icons.Material.Outlined.Insights),
        new("touchpoints", "Touchpoints", Icons.Material.Outlined.TouchApp),
        new("evaluate", "Evaluate", Icons.Material.Outlined.StarHalf),
        new("personas", "Personas", Icons.Material.Outlined.Face),
        new("kpis", "KPIs", Icons.Material.Outlined.Speed),
        new("actions", "Actions", Icons.Material.Outlined.ViewKanban),
        new("settings", "Settings", Icons.Material.Outlined.Settings),
        new("/workspaces", "Workspaces", Icons.Material.Outlined.Workspaces, InWorkspace: false, Exact: true),
        new("/admin/accounts", "Accounts", Icons.Material.Outlined.ManageAccounts, InWorkspace: false, Administrators: true),
        new("/api-reference", "API", Icons.Material.Outlined.Api, InWorkspace: false, NewTab: true),
    ];

    private static readonly ConcurrentDictionary<(string? Ws, bool Administrator, int Active), string> Made = new();

    /// <param name="ws">The workspace the links lead into, if any.</param>
    /// <param name="path">The current address, relative to the base ("w/demo/journeys/…").</param>
    public static string Html(string? ws, bool administrator, string path)
    {
        var shown = Links.Where(l => (!l.InWorkspace || ws is not null) && (!l.Administrators || administrator)).ToList();
        var current = "/" + path.Split('?', '#')[0];
        var active = shown.FindIndex(l => Matches(Href(l, ws), current, l.Exact));
        // Bounded by the workspaces a server has, times two roles and a dozen links.
        return Made.GetOrAdd((ws, administrator, active), key => Build(shown, key.Ws, key.Active));
    }

    private static string Href(Link link, string? ws) => link.InWorkspace ? $"/w/{Uri.EscapeDataString(ws!)}/{link.Path}" : link.Path;

    /// <summary>As Blazor's NavLink matches: the whole address, or (by default) the link and anything below it.</summary>
    private static bool Matches(string href, string current, bool exact) =>
        string.Equals(current, href, StringComparison.OrdinalIgnoreCase) ||
        !exact && current.StartsWith(href + "/", StringComparison.OrdinalIgnoreCase);

    private static string Build(List<Link> shown, string? ws, int active)
    {
        var html = new System.Text.StringBuilder("<nav class=\"mud-navmenu mud-navmenu-primary mud-navmenu-margin-none mud-navmenu-bordered mud-border-primary\">");
        for (var i = 0; i < shown.Count; i++)
        {
            var link = shown[i];
            html.Append("<div class=\"mud-nav-item\"><a href=\"").Append(WebUtility.HtmlEncode(Href(link, ws))).Append('"')
                .Append(link.NewTab ? " target=\"_blank\" rel=\"noopener\"" : "")
                .Append(" class=\"mud-nav-link mud-ripple").Append(i == active ? " active\" aria-current=\"page\"" : "\"")
                .Append("><svg class=\"mud-icon-root mud-icon-default mud-svg-icon mud-icon-size-medium mud-nav-link-icon mud-nav-link-icon-default\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" role=\"img\">")
                .Append(link.Icon).Append("</svg><div class=\"mud-nav-link-text\">").Append(WebUtility.HtmlEncode(link.Text)).Append("</div></a></div>");
        }
        return html.Append("</nav>").ToString();
    }
}
