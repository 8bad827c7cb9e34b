using Bunit;
using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Improvements;
using Waymark.Ui.Tests.Support;
using Waymark.Web.Components.Pages.Actions;

namespace Waymark.Ui.Tests.Actions;

[Collection(UiCollection.Name)]
public sealed class ImprovementFormTests(UiFactory factory) : IDisposable
{
    private readonly ComponentHost _host = new(factory);

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task An_action_is_created_with_every_field_and_edited_with_its_version()
    {
        string? message = null;
        var form = _host.Context.Render<ImprovementForm>(p => p.Add(f => f.Workspace, _host.Workspace).Add(f => f.OnSaved, (string m) => message = m));
        form.WaitForElement("#new-action-owner option:nth-child(2)");

        form.Find("#new-action-title").Input("Answer every chat within a minute");
        form.Find("#new-action-description").Change("Two more chat agents at lunchtime.");
        var owner = form.Find("#new-action-owner option:nth-child(2)").GetAttribute("value")!;
        form.Find("#new-action-owner").Change(owner);
        form.Find("#new-action-due").Change("2020-01-31");
        form.Find("#new-action-priority").Change(Priority.High.ToString());
        form.Find("#new-action-impact").Change("4");
        form.Find("#new-action-effort").Change("2");
        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => Assert.Equal("Action 'Answer every chat within a minute' created.", message));
        Improvement action;
        await using (var db = factory.OpenDb()) action = await db.Improvements.SingleAsync(i => i.Title == "Answer every chat within a minute");
        Assert.Equal((Guid.Parse(owner), new DateOnly(2020, 1, 31), Priority.High, 4, 2, ImprovementKind.Action),
            (action.OwnerId!.Value, action.DueOn!.Value, action.Priority, action.Impact!.Value, action.Effort!.Value, action.Kind));

        // An edit made on an older version is refused with the message, not written.
        var edit = _host.Context.Render<ImprovementForm>(p => p.Add(f => f.Workspace, _host.Workspace).Add(f => f.Existing, action));
        await using (var db = factory.OpenDb())
        {
            var other = await db.Improvements.SingleAsync(i => i.Id == action.Id);
            other.Apply(new ImprovementContent(other.Title, other.Description, other.OwnerId, other.DueOn, ImprovementStatus.InProgress, other.Priority, other.Impact, other.Effort));
            await db.SaveChangesAsync();
        }
        edit.Find("#edit-action-status").Change(ImprovementStatus.Discarded.ToString());
        await edit.Find("form").SubmitAsync();

        edit.WaitForAssertion(() => Assert.Contains("changed", edit.Find("[role=alert]").TextContent, StringComparison.OrdinalIgnoreCase));
        await using (var db = factory.OpenDb())
            Assert.Equal(ImprovementStatus.InProgress, (await db.Improvements.SingleAsync(i => i.Id == action.Id)).Status);

        // Overdue on the board: marked in words.
        var board = Html.Parse(await factory.PageAsync("/w/demo/actions"));
        Assert.Contains(board.QuerySelector("[data-action='Answer every chat within a minute']")!.QuerySelectorAll(".wm-tag"), t => t.TextContent == "overdue");
    }
}
