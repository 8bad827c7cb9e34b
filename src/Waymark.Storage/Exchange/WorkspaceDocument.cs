using Waymark.Domain.Evaluations;
using Waymark.Domain.Improvements;
using Waymark.Domain.Journeys;
using Waymark.Domain.Kpis;
using Waymark.Domain.Organisation;
using Waymark.Domain.Personas;
using Waymark.Domain.Touchpoints;

namespace Waymark.Storage.Exchange;

/// <summary>
/// A whole workspace as one JSON document, for hand-over between servers and consultants. Ids only tie the
/// document together: an import gives everything new ids. Record-keeping times (versions, when a row was
/// recorded) are not part of it, so export → import → export gives the same document apart from ids.
/// </summary>
public sealed record WorkspaceDocument
{
    public const string FormatName = "waymark-workspace";
    public const int CurrentFormatVersion = 1;

    public string Format { get; init; } = FormatName;
    public int FormatVersion { get; init; } = CurrentFormatVersion;
    public WorkspaceInfo Workspace { get; init; } = new("", "", null);
    public List<PhaseDoc> Phases { get; init; } = [];
    public List<ChannelDoc> Channels { get; init; } = [];
    public List<DepartmentDoc> Departments { get; init; } = [];
    public List<PersonDoc> People { get; init; } = [];
    public List<PersonaDoc> Personas { get; init; } = [];
    public List<TouchpointDoc> Touchpoints { get; init; } = [];
    public List<JourneyDoc> Journeys { get; init; } = [];
    public List<EvaluationDoc> Evaluations { get; init; } = [];
    public List<KpiDoc> Kpis { get; init; } = [];
    public List<ImprovementDoc> Improvements { get; init; } = [];
    /// <summary>The workspace's own definition of service contacts; absent when it uses the built-in one (and in documents from before it was carried).</summary>
    public ServiceContactsDoc? ServiceContacts { get; init; }
    /// <summary>The column mapping the workspace reads the events it is sent with (as <c>map</c> of POST …/events); absent when it has none.</summary>
    public string? EventMapping { get; init; }
}

public sealed record WorkspaceInfo(string Key, string Name, string? Description);
public sealed record PhaseDoc(Guid Id, string Name, string? Description);
public sealed record ChannelDoc(Guid Id, string Name, ChannelKind Kind, ChannelReach Reach, string? Description);
public sealed record DepartmentDoc(Guid Id, string Name, string? Description, string[]? Bottlenecks, string[]? Delays, string[]? InternalProblems);
public sealed record PersonDoc(Guid Id, string Name, string? Role, string? Email, Guid? DepartmentId);

public sealed record PersonaDoc(
    Guid Id, string Name, string? Initials, string? PictureUrl, string? Quote, string? Description, string? AgeBand, string? Occupation,
    string? IncomeBand, string? Location, string? Household, string[]? Goals, string[]? Needs, string[]? Frustrations,
    string? PurchasingBehaviour, OnlineAffinity OnlineAffinity, Guid[]? PreferredChannelIds, double? ShareOfCustomers);

public sealed record TouchpointDoc(
    Guid Id, string Name, string? Description, TouchpointCategory Category, string? CustomCategory, Guid ChannelId, Guid[]? PhaseIds,
    Guid? DepartmentId, Guid? OwnerId, int Relevance, bool IsMomentOfTruth, bool IsPainPoint, bool IsBrandSuccessPoint,
    Compliance DesignCompliance, Compliance TonalityCompliance, Compliance ReactionTimeCompliance, string[]? Tags, string? EventKey,
    // For people reading the document ("Upsell e-mails"); an import goes by Category and CustomCategory.
    string? CategoryName = null);

public sealed record JourneyDoc(
    Guid Id, string Name, string? Description, JourneyScenario Scenario, string? CustomScenario, Guid? PersonaId, JourneyState State,
    string[]? Lanes, List<StageDoc>? Stages);

public sealed record StageDoc(Guid Id, string Name, string? Description, Guid? PhaseId, List<StepDoc>? Steps);

public sealed record StepDoc(
    Guid Id, string Action, string? ThoughtsAndMotivation, string? Questions, string? Obstacles, int Emotion, Guid[]? TouchpointIds,
    Guid? BackstageDepartmentId, int? WaitingMinutes, bool IsMomentOfTruth, bool IsPainPoint, bool IsBrandSuccessPoint, string? Notes);

public sealed record EvaluationDoc(
    Guid? TouchpointId, Guid? StepId, Guid? PersonaId, int Score, string? Expectation, string? Experience, int? ExpectationLevel,
    int? ExperienceLevel, EvaluationSource Source, DateOnly EvaluatedOn, string? Evaluator, string? Comment);

public sealed record KpiDoc(
    Guid Id, string Name, string? Description, string Unit, KpiDirection Direction, double? Target, double? BestInClass,
    Guid? TouchpointId, Guid? StepId, Guid? JourneyId, Guid? ChannelId, string? ComputedFrom, List<MeasurementDoc>? Measurements,
    double? ValidMinimum = null, double? ValidMaximum = null, KpiBindingDoc? Binding = null);

/// <summary>The event measure a KPI is computed from; <c>journeyId</c> refers to a journey map of the document.</summary>
public sealed record KpiBindingDoc(EventMeasure Measure, PeriodGrain Grain, string? Touchpoint, string? ToTouchpoint, string? Channel, Guid? JourneyId);

public sealed record ServiceContactsDoc(string[]? Touchpoints, string[]? Channels, string[]? ResolvedOutcomes, string[]? UnresolvedOutcomes);

public sealed record MeasurementDoc(double Value, DateTimeOffset MeasuredAt, MeasurementSource Source, string? Note);

public sealed record ImprovementDoc(
    ImprovementKind Kind, string Title, string? Description, Guid? OwnerId, DateOnly? DueOn, ImprovementStatus Status, Priority Priority,
    int? Impact, int? Effort, Guid? TouchpointId, Guid? JourneyId, Guid? StepId, Guid? KpiId, Guid? PersonaId);
