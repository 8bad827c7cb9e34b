using Waymark.Domain.Journeys;
using Waymark.Domain.Tests.Support;

namespace Waymark.Domain.Tests.Journeys;

public class JourneyCopyTests
{
    [Fact]
    public void A_copy_is_drawn_like_the_original_with_its_own_ids_state_and_persona()
    {
        var persona = Guid.NewGuid();
        var phase = Guid.NewGuid();
        var original = new Journey(Some.WorkspaceId, "Broken panel", JourneyScenario.Custom)
            .Describe("Broken panel", "From the hotline recordings.", JourneyScenario.Custom, "Warranty", null, JourneyState.Current)
            .ShowLanes([JourneyLanes.Default[1], JourneyLanes.Default[0]]);
        var report = original.AddStage("Report", phase);
        report.Describe("Report", "Until a case exists.", phase);
        var fix = original.AddStage("Fix");
        var touchpoint = Guid.NewGuid();
        original.AddStep(fix.Id, new StepContent("Technician repairs the TV", Emotion: 2, IsBrandSuccessPoint: true));
        original.AddStep(report.Id, new StepContent("Calls the hotline", "Just call.", "How long?", "23 minutes queue", -3, [touchpoint],
            WaitingMinutes: 23, IsMomentOfTruth: true, IsPainPoint: true, Notes: "Monday 9:00"));

        var copy = original.CopyAs("Broken panel (future state)", JourneyState.Future, persona);

        Assert.NotEqual(original.Id, copy.Id);
        Assert.Equal(original.WorkspaceId, copy.WorkspaceId);
        Assert.Equal(("Broken panel (future state)", JourneyState.Future, persona), (copy.Name, copy.State, copy.PersonaId));
        Assert.Equal((original.Description, original.Scenario, original.CustomScenario), (copy.Description, copy.Scenario, copy.CustomScenario));
        Assert.Equal(original.Lanes, copy.Lanes);
        Assert.Equal(original.OrderedStages.Select(s => (s.Name, s.Description, s.PhaseId, s.Position)),
            copy.OrderedStages.Select(s => (s.Name, s.Description, s.PhaseId, s.Position)));
        Assert.Equal(original.OrderedSteps.Select(s => (s.Content.Action, s.Content.Emotion, s.Position)),
            copy.OrderedSteps.Select(s => (s.Content.Action, s.Content.Emotion, s.Position)));
        var (calls, callsCopy) = (original.OrderedSteps.First(), copy.OrderedSteps.First());
        Assert.Equivalent(calls.Content, callsCopy.Content);
        Assert.Empty(copy.OrderedStages.Select(s => s.Id).Intersect(original.OrderedStages.Select(s => s.Id)));
        Assert.Empty(copy.OrderedSteps.Select(s => s.Id).Intersect(original.OrderedSteps.Select(s => s.Id)));
        Assert.All(copy.OrderedSteps, s => Assert.Contains(copy.OrderedStages, stage => stage.Id == s.StageId));

        // The original is untouched by changes to the copy.
        copy.AddStep(copy.OrderedStages.First().Id, new StepContent("Books the repair online"));
        Assert.Equal(2, original.OrderedSteps.Count());
    }
}
