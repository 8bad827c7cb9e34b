using System.Text.RegularExpressions;
using Waymark.Web.Components.Layout;

namespace Waymark.Ui.Tests.Layout;

/// <summary>The navigation drawer's links: one shared piece of HTML per workspace, role and page (issue 11: 200 open pages).</summary>
public sealed class MainNavTests
{
    private static List<(string Href, string Text, bool Active)> Links(string html) =>
        Regex.Matches(html, "<a href=\"([^\"]*)\"[^>]*class=\"mud-nav-link mud-ripple( active)?\"[^>]*>.*?<div class=\"mud-nav-link-text\">([^<]*)</div></a>")
            .Select(m => (m.Groups[1].Value, m.Groups[3].Value, m.Groups[2].Success)).ToList();

    [Fact]
    public void A_workspace_page_shows_the_workspace_links_with_its_own_marked_and_the_accounts_only_to_administrators()
    {
        var html = MainNav.Html("demo", administrator: false, "w/demo/journeys/0193?step=1");
        Assert.Equal(["Dashboard", "Journeys", "Analytics", "Touchpoints", "Evaluate", "Personas", "KPIs", "Actions", "Settings", "Workspaces", "API"],
            Links(html).Select(l => l.Text));
        Assert.Equal(("/w/demo/journeys", "Journeys", true), Assert.Single(Links(html), l => l.Active));
        Assert.Contains("aria-current=\"page\"", html);
        Assert.Contains("<a href=\"/api-reference\" target=\"_blank\" rel=\"noopener\"", html);

        var admin = MainNav.Html("demo", administrator: true, "workspaces");
        Assert.Contains(Links(admin), l => l is ("/admin/accounts", "Accounts", false));
        Assert.Equal("Workspaces", Assert.Single(Links(admin), l => l.Active).Text);
        // "Workspaces" matches its own address only, not what lies below it.
        Assert.DoesNotContain(Links(MainNav.Html(null, false, "workspaces/new")), l => l.Active);
    }

    [Fact]
    public void Outside_a_workspace_only_the_general_links_show_and_a_key_is_escaped()
    {
        Assert.Equal(["Workspaces", "API"], Links(MainNav.Html(null, false, "account/password")).Select(l => l.Text));
        var html = MainNav.Html("a b&\"c", false, "w/a%20b%26%22c/kpis");
        Assert.Equal("/w/a%20b%26%22c/kpis", Assert.Single(Links(html), l => l.Active).Href);
        Assert.DoesNotContain("a b&\"c", html);
    }

    [Fact]
    public void Pages_showing_the_same_links_share_one_string()
    {
        Assert.Same(MainNav.Html("demo", false, "w/demo/dashboard"), MainNav.Html("demo", false, "w/demo/dashboard?x=1"));
        Assert.NotSame(MainNav.Html("demo", false, "w/demo/dashboard"), MainNav.Html("demo", false, "w/demo/kpis"));
    }
}
