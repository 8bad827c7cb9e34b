using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Storage.Access;
using Waymark.Ui.Tests.Support;

namespace Waymark.Ui.Tests.Settings;

/// <summary>The Settings page with its members tab, as an owner: a refused invitation is said once, next to the list.</summary>
[Collection(UiCollection.Name)]
public sealed class MembersRefusalTests(UiFactory factory)
{
    [Fact]
    public async Task A_refused_invitation_is_said_next_to_the_members_and_not_again_as_a_message()
    {
        using var host = new PageHost(factory, WorkspaceRole.Owner);
        host.Context.Services.GetRequiredService<NavigationManager>().NavigateTo("/w/demo/settings?tab=members");
        var page = host.Context.Render<Web.Components.Pages.Settings.Settings>(p => p.Add(x => x.Ws, "demo"));
        page.WaitForElement("#invite-email");
        var unknown = $"nobody-{Guid.NewGuid():N}@waymark.test";

        page.Find("#invite-email").Input(unknown);
        await page.Find("form[aria-label='Invite a member']").SubmitAsync();

        page.WaitForAssertion(() => Assert.Contains($"There is no account for '{unknown}'", page.Find("[data-testid=member-refusal]").TextContent));
        Assert.Single(page.FindAll("[role=alert]"));
        Assert.DoesNotContain(host.Messages, m => m.Contains(unknown));
    }
}
