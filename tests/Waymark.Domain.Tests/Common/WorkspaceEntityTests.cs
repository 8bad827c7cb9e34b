using Waymark.Domain.Common;
using Waymark.Domain.Improvements;
using Waymark.Domain.Journeys;
using Waymark.Domain.Organisation;
using Waymark.Domain.Tests.Support;

namespace Waymark.Domain.Tests.Common;

public class WorkspaceEntityTests
{
    [Fact]
    public void An_entity_needs_a_workspace()
    {
        Rule.Broken("workspace", () => new Department(Guid.Empty, "Sales"));
    }

    [Fact]
    public void A_new_entity_gets_an_id_its_workspace_and_version_1()
    {
        var department = new Department(Some.WorkspaceId, "Sales");

        Assert.NotEqual(Guid.Empty, department.Id);
        Assert.Equal(Some.WorkspaceId, department.WorkspaceId);
        Assert.Equal(1, department.Version);
    }

    [Fact]
    public void The_version_the_client_edited_passes_when_it_is_current()
    {
        var department = new Department(Some.WorkspaceId, "Sales") { Version = 4 };

        department.EnsureVersion(4);
    }

    [Fact]
    public void An_older_version_is_stale_and_the_message_says_what_happened_and_what_to_do()
    {
        var improvement = new Improvement(Some.WorkspaceId, ImprovementKind.Insight, Some.ImprovementContent()) { Version = 3 };

        var ex = Assert.Throws<StaleVersionException>(() => improvement.EnsureVersion(2));

        Assert.Equal(2, ex.Expected);
        Assert.Equal(3, ex.Actual);
        Assert.Equal(
            "This improvement was changed by someone else in the meantime (you edited version 2, the current version is 3). Reload it and apply your change again.",
            ex.Message);
    }

    [Fact]
    public void A_newer_version_than_the_current_one_is_rejected_too()
    {
        var department = new Department(Some.WorkspaceId, "Sales");

        var ex = Assert.Throws<StaleVersionException>(() => department.EnsureVersion(2));

        Assert.StartsWith("This department was changed by someone else", ex.Message);
    }

    [Fact]
    public void Stages_and_steps_check_their_own_versions()
    {
        var journey = Some.Journey("Purchase");
        var stage = journey.Stage("Purchase");
        var step = journey.AddStep(stage.Id, Some.Step());
        stage.Version = 2;
        step.Version = 5;

        stage.EnsureVersion(2);
        step.EnsureVersion(5);
        Assert.StartsWith("This stage was changed", Assert.Throws<StaleVersionException>(() => stage.EnsureVersion(1)).Message);
        Assert.Contains("(you edited version 4, the current version is 5)", Assert.Throws<StaleVersionException>(() => step.EnsureVersion(4)).Message);
    }

    [Fact]
    public void A_broken_rule_names_the_field_at_fault()
    {
        var ex = new DomainRuleException("score", "Score must be between 1 and 10.");

        Assert.Equal("score", ex.Field);
        Assert.Equal("Score must be between 1 and 10.", ex.Message);
    }
}
