using Waymark.Domain.Evaluations;
using Waymark.Domain.Improvements;
using Waymark.Domain.Journeys;
using Waymark.Domain.Tests.Support;

namespace Waymark.Domain.Tests.Journeys;

public class RestoreTests
{
    [Fact]
    public void A_removed_step_comes_back_with_its_id_content_and_position()
    {
        var journey = Some.Journey("Buy");
        var buy = journey.Stage("Buy");
        foreach (var action in new[] { "a", "b", "c" }) journey.AddStep(buy.Id, Some.Step(action));
        var b = buy.OrderedSteps.ElementAt(1);
        journey.RemoveStep(b.Id);

        var restored = journey.RestoreStep(b.Id, buy.Id, Some.Step("b", emotion: -2, isPainPoint: true), position: 1);

        Assert.Equal(b.Id, restored.Id);
        Assert.Equal("a b c", buy.Actions());
        Assert.Equal([0, 1, 2], buy.Positions());
        Assert.Equal((-2, true), (restored.Emotion, restored.IsPainPoint));
    }

    [Fact]
    public void A_restored_step_without_a_position_goes_last_and_one_already_on_the_map_or_without_id_is_refused()
    {
        var journey = Some.Journey("Buy", "Use");
        var buy = journey.Stage("Buy");
        var a = journey.AddStep(buy.Id, Some.Step("a"));

        journey.RestoreStep(Some.Id(), buy.Id, Some.Step("z"));

        Assert.Equal("a z", buy.Actions());
        Rule.Broken("id", () => journey.RestoreStep(a.Id, journey.Stage("Use").Id, Some.Step("again")));
        Rule.Broken("id", () => journey.RestoreStep(Guid.Empty, buy.Id, Some.Step("nobody")));
        Rule.Broken("position", () => journey.RestoreStep(Some.Id(), buy.Id, Some.Step("far"), position: 3));
        Assert.Equal("a z", buy.Actions());
        Assert.Empty(journey.Stage("Use").Steps);
    }

    [Fact]
    public void A_removed_stage_comes_back_with_its_id_at_its_position()
    {
        var journey = Some.Journey("Look", "Buy", "Use");
        var buy = journey.Stage("Buy");
        journey.RemoveStage(buy.Id);

        var restored = journey.RestoreStage(buy.Id, "Buy", position: 1);

        Assert.Equal(buy.Id, restored.Id);
        Assert.Equal(["Look", "Buy", "Use"], journey.OrderedStages.Select(s => s.Name));
        Assert.Equal([0, 1, 2], journey.OrderedStages.Select(s => s.Position));
        Rule.Broken("id", () => journey.RestoreStage(buy.Id, "Buy again"));
        Rule.Broken("id", () => journey.RestoreStage(Guid.Empty, "Nameless id"));
    }

    [Fact]
    public void An_evaluation_of_a_restored_step_keeps_its_id_and_when_it_was_recorded()
    {
        var id = Some.Id();
        var step = Some.Id();

        var evaluation = Evaluation.Restored(Some.WorkspaceId, id, new EvaluationContent(4, Some.Day, StepId: step), Some.Instant);

        Assert.Equal((id, step, 4, Some.Instant), (evaluation.Id, evaluation.StepId!.Value, evaluation.Score, evaluation.RecordedAt));
        Rule.Broken("id", () => Evaluation.Restored(Some.WorkspaceId, Guid.Empty, new EvaluationContent(4, Some.Day, StepId: step), Some.Instant));
        Rule.Broken("score", () => Evaluation.Restored(Some.WorkspaceId, id, new EvaluationContent(11, Some.Day, StepId: step), Some.Instant));
    }

    [Fact]
    public void Kpis_and_actions_point_at_a_restored_step_again()
    {
        var step = Some.Id();
        var kpi = Some.Kpi();
        var action = new Improvement(Some.WorkspaceId, ImprovementKind.Action, Some.ImprovementContent());

        kpi.LinkToStep(step);
        action.LinkToStep(step);

        Assert.Equal((step, step), (kpi.StepId!.Value, action.StepId!.Value));
    }
}
