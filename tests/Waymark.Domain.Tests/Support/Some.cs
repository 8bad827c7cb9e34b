using Waymark.Domain.Evaluations;
using Waymark.Domain.Improvements;
using Waymark.Domain.Journeys;
using Waymark.Domain.Kpis;
using Waymark.Domain.Organisation;
using Waymark.Domain.Personas;
using Waymark.Domain.Touchpoints;

namespace Waymark.Domain.Tests.Support;

/// <summary>Valid domain objects in one line, so each test states only what it is about.</summary>
internal static class Some
{
    /// <summary>The one workspace all test objects belong to.</summary>
    public static readonly Guid WorkspaceId = Guid.CreateVersion7();

    /// <summary>A fixed day so dates in tests read as offsets from it.</summary>
    public static readonly DateOnly Day = new(2025, 3, 10);

    public static readonly DateTimeOffset Instant = new(2025, 3, 10, 9, 0, 0, TimeSpan.Zero);

    public static Guid Id() => Guid.CreateVersion7();

    public static string Text(int length, char c = 'x') => new(c, length);

    public static Journey Journey(params string[] stageNames)
    {
        var journey = new Journey(WorkspaceId, "First purchase", JourneyScenario.InitialPurchase);
        foreach (var name in stageNames) journey.AddStage(name);
        return journey;
    }

    public static Stage Stage(this Journey journey, string name) => journey.Stages.Single(s => s.Name == name);

    public static StepContent Step(string action = "Visits the shop", int emotion = 0, bool isPainPoint = false, bool isMomentOfTruth = false) =>
        new(action, Emotion: emotion, IsPainPoint: isPainPoint, IsMomentOfTruth: isMomentOfTruth);

    /// <summary>The actions of a stage's steps in position order, e.g. "a b c".</summary>
    public static string Actions(this Stage stage) => string.Join(" ", stage.OrderedSteps.Select(s => s.Action));

    public static int[] Positions(this Stage stage) => stage.Steps.Select(s => s.Position).Order().ToArray();

    public static TouchpointProfile TouchpointProfile(string name = "Hotline") =>
        new(name, Id(), TouchpointCategory.SupportChannels);

    public static Touchpoint Touchpoint(string name = "Hotline", bool isPainPoint = false, bool isMomentOfTruth = false) =>
        new(WorkspaceId, TouchpointProfile(name) with { IsPainPoint = isPainPoint, IsMomentOfTruth = isMomentOfTruth });

    public static EvaluationContent EvaluationContent(int score = 7) => new(score, Day, TouchpointId: Id());

    /// <summary>An evaluation of one touchpoint, <paramref name="daysLater"/> days after <see cref="Day"/>.</summary>
    public static Evaluation Evaluation(int score, Guid? persona = null, int daysLater = 0, int? expected = null, int? experienced = null, Guid? touchpointId = null) =>
        new(WorkspaceId, new EvaluationContent(score, Day.AddDays(daysLater), TouchpointId: touchpointId ?? Id(), PersonaId: persona,
            ExpectationLevel: expected, ExperienceLevel: experienced));

    public static Kpi Kpi(KpiDirection direction = KpiDirection.HigherIsBetter, double? target = null, double? bestInClass = null) =>
        new(WorkspaceId, new KpiDefinition("CSAT", "%", direction, target, bestInClass));

    /// <summary>One measurement per day in the order given, starting at <see cref="Instant"/>.</summary>
    public static List<KpiMeasurement> Measurements(Kpi kpi, params double[] values) =>
        values.Select((v, i) => kpi.Measure(v, Instant.AddDays(i), MeasurementSource.Manual)).ToList();

    public static ImprovementContent ImprovementContent(string title = "Call back within a day") => new(title);

    public static Improvement Action(ImprovementStatus status = ImprovementStatus.Open, Guid? touchpointId = null, Guid? stepId = null) =>
        new(WorkspaceId, ImprovementKind.Action, new ImprovementContent("Fix it", OwnerId: Id(), Status: status, TouchpointId: touchpointId, StepId: stepId));

    public static Improvement Idea(Guid? touchpointId = null, Guid? stepId = null) =>
        new(WorkspaceId, ImprovementKind.Idea, new ImprovementContent("Maybe fix it", TouchpointId: touchpointId, StepId: stepId));

    public static Persona Persona(string name = "Anna Schmidt") => new(WorkspaceId, name);

    public static Phase[] Phases(params string[] names) => names.Select((n, i) => new Phase(WorkspaceId, n, i)).ToArray();
}
