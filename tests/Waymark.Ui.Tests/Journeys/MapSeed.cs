using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Evaluations;
using Waymark.Domain.Improvements;
using Waymark.Domain.Journeys;
using Waymark.Domain.Kpis;
using Waymark.Ui.Tests.Support;

namespace Waymark.Ui.Tests.Journeys;

/// <summary>Small maps of the tests' own in the demo workspace: stages A and B, steps one, two, three; "two" has a KPI, an action and an evaluation.</summary>
internal static class MapSeed
{
    public sealed record Map(Guid Id, Guid StageA, Guid StageB, Guid Two, Guid Kpi, Guid Action, Guid Evaluation);

    public static async Task<Map> CreateAsync(UiFactory factory, string name, string? description = null)
    {
        await using var db = factory.OpenDb();
        var ws = factory.DemoId;
        var journey = new Journey(ws, name, JourneyScenario.RepeatPurchase);
        journey.Describe(name, description, JourneyScenario.RepeatPurchase, null, null, JourneyState.Current);
        var a = journey.AddStage("Stage A");
        var b = journey.AddStage("Stage B");
        journey.AddStep(a.Id, new StepContent("one", Emotion: 1));
        var two = journey.AddStep(a.Id, new StepContent("two", Emotion: -2, IsPainPoint: true));
        journey.AddStep(b.Id, new StepContent("three", Emotion: 2));
        db.Journeys.Add(journey);
        var kpi = new Kpi(ws, new KpiDefinition($"Wait at two ({name})", "min", KpiDirection.LowerIsBetter, 5, 2, JourneyId: journey.Id, StepId: two.Id));
        var action = new Improvement(ws, ImprovementKind.Action, new ImprovementContent($"Shorter wait at two ({name})", JourneyId: journey.Id, StepId: two.Id));
        var evaluation = new Evaluation(ws, new EvaluationContent(3, new DateOnly(2025, 3, 10), StepId: two.Id, Source: EvaluationSource.Interview, Comment: "Too long"));
        db.AddRange(kpi, action, evaluation);
        await db.SaveChangesAsync();
        return new Map(journey.Id, a.Id, b.Id, two.Id, kpi.Id, action.Id, evaluation.Id);
    }

    public static async Task<Journey> ReadAsync(UiFactory factory, Guid id)
    {
        await using var db = factory.OpenDb();
        return await db.Journeys.AsNoTracking().Include(j => j.Stages).ThenInclude(s => s.Steps).SingleAsync(j => j.Id == id);
    }

    /// <summary>Where the KPI and the action of step "two" point, and whether its evaluation is there.</summary>
    public static async Task<(Guid? Kpi, Guid? Action, bool Evaluation)> LinksAsync(UiFactory factory, Map map)
    {
        await using var db = factory.OpenDb();
        return ((await db.Kpis.SingleAsync(k => k.Id == map.Kpi)).StepId,
            (await db.Improvements.SingleAsync(i => i.Id == map.Action)).StepId,
            await db.Evaluations.AnyAsync(e => e.Id == map.Evaluation && e.StepId == map.Two));
    }

    /// <summary>Step actions in map order, stage by stage: "Stage A: one, two | Stage B: three".</summary>
    public static string Layout(Journey journey) =>
        string.Join(" | ", journey.OrderedStages.Select(s => $"{s.Name}: {string.Join(", ", s.OrderedSteps.Select(x => x.Action))}"));
}
