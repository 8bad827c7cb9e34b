using System.Net.Http.Json;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Domain.Organisation;
using Waymark.Storage.Access;
using Waymark.Ui.Tests.Support;
using Waymark.Web.Components.Services;
using Waymark.Web.Features.Organisation;
using Waymark.Web.Infrastructure;

namespace Waymark.Ui.Tests.Sameness;

/// <summary>How a page reaches the data (decision 0004): it reads on its own, and changes only through a use case that checks its role.</summary>
[Collection(UiCollection.Name)]
public sealed class PageUnitOfWorkTests(UiFactory factory)
{
    private UiData DataAs(WorkspaceRole role) =>
        new(factory.Services.GetRequiredService<IServiceScopeFactory>(), new SignedIn(factory.PrincipalOf(role)), TimeProvider.System);

    private async Task<CurrentWorkspace> DemoAsync()
    {
        await using var db = factory.OpenDb();
        return (await CurrentWorkspace.FindAsync(db, "demo", default))!;
    }

    [Fact]
    public async Task A_page_reads_but_its_DbContext_refuses_to_save()
    {
        var ws = await DemoAsync();
        await using var db = DataAs(WorkspaceRole.Owner).Open();
        Assert.NotEmpty(await db.Departments.Where(d => d.WorkspaceId == ws.Id).ToListAsync());
        db.Departments.Add(new Department(ws.Id, "Saved by a page itself"));
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        Assert.Contains("use case", refused.Message);
        await using var check = factory.OpenDb();
        Assert.False(await check.Departments.AnyAsync(d => d.Name == "Saved by a page itself"));
    }

    [Fact]
    public async Task A_viewers_change_is_refused_by_the_use_case_in_the_words_the_api_uses()
    {
        var ws = await DemoAsync();
        var refused = await Assert.ThrowsAsync<ForbiddenChangeException>(() =>
            DataAs(WorkspaceRole.Viewer).ChangeAsync(work => DepartmentChanges.CreateAsync(work, ws, new DepartmentRequest("Viewer's department"), default)));
        Assert.Equal(Refusals.RoleTooSmall(WorkspaceRole.Editor, "demo"), refused.Message);

        var api = await factory.ClientAs(WorkspaceRole.Viewer).PostAsJsonAsync("/api/workspaces/demo/departments", new { name = "Viewer's department" });
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Equal(refused.Message, (await api.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>())!.Detail);
    }

    [Fact]
    public async Task The_owners_change_through_the_page_is_saved_and_audited_under_their_name()
    {
        var ws = await DemoAsync();
        var created = await DataAs(WorkspaceRole.Owner).ChangeAsync(work => DepartmentChanges.CreateAsync(work, ws, new DepartmentRequest("Field service"), default));
        await using var db = factory.OpenDb();
        var entry = await db.AuditEntries.SingleAsync(a => a.EntityId == created.Id.ToString());
        Assert.Equal((ActorKind.User, UiFactory.OwnerEmail, AuditAction.Created), (entry.ActorKind, entry.ActorName, entry.Action));
    }

    private sealed class SignedIn(System.Security.Claims.ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }
}
