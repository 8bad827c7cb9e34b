using Waymark.Domain.Organisation;
using Waymark.Domain.Tests.Support;

namespace Waymark.Domain.Tests.Organisation;

public class PhaseTests
{
    private static string Order(IEnumerable<Phase> phases) => string.Join(" ", phases.OrderBy(p => p.Position).Select(p => $"{p.Position}:{p.Name}"));

    [Fact]
    public void The_default_phases_are_the_five_lifecycle_stages_in_order()
    {
        var phases = Phase.CreateDefaults(Some.WorkspaceId).ToList();

        Assert.Equal("0:Awareness 1:Consideration 2:Purchase 3:Usage/Service 4:Advocacy", Order(phases));
        Assert.All(phases, p => Assert.Equal(Some.WorkspaceId, p.WorkspaceId));
    }

    [Fact]
    public void A_phase_needs_a_name_of_at_most_100_characters()
    {
        Rule.Broken("name", () => new Phase(Some.WorkspaceId, "", 0));
        Rule.Broken("name", () => new Phase(Some.WorkspaceId, Some.Text(101), 0));
        var phase = new Phase(Some.WorkspaceId, Some.Text(100), 0);

        Rule.Broken("name", () => phase.Describe("  ", null));
        Rule.Broken("description", () => phase.Describe("Purchase", Some.Text(4001)));
    }

    [Fact]
    public void Moving_a_phase_forward_renumbers_all_phases_without_gaps()
    {
        var phases = Some.Phases("A", "B", "C", "D");

        Phase.Reorder(phases, phases[3].Id, 1);

        Assert.Equal("0:A 1:D 2:B 3:C", Order(phases));
    }

    [Fact]
    public void Moving_a_phase_backward_renumbers_all_phases_without_gaps()
    {
        var phases = Some.Phases("A", "B", "C", "D");

        Phase.Reorder(phases, phases[0].Id, 3);

        Assert.Equal("0:B 1:C 2:D 3:A", Order(phases));
    }

    [Fact]
    public void Reordering_closes_gaps_left_in_the_positions()
    {
        var phases = new[] { new Phase(Some.WorkspaceId, "A", 0), new Phase(Some.WorkspaceId, "B", 5), new Phase(Some.WorkspaceId, "C", 9) };

        Phase.Reorder(phases, phases[2].Id, 2);

        Assert.Equal("0:A 1:B 2:C", Order(phases));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    public void A_phase_cannot_be_moved_outside_the_list(int index)
    {
        var phases = Some.Phases("A", "B", "C");

        Rule.Broken("position", () => Phase.Reorder(phases, phases[0].Id, index));
        Assert.Equal("0:A 1:B 2:C", Order(phases));
    }

    [Fact]
    public void A_phase_of_another_list_cannot_be_moved()
    {
        var phases = Some.Phases("A", "B");

        Rule.Broken("phase", () => Phase.Reorder(phases, Some.Id(), 0));
    }
}
