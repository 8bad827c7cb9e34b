using Waymark.Domain.Evaluations;
using Waymark.Domain.Organisation;
using Waymark.Domain.Touchpoints;

namespace Waymark.Web.Features.Touchpoints;

/// <summary>What the API answers about touchpoints.</summary>
public static partial class TouchpointsApi
{
    /// <summary>The touchpoint's current score in brief: overall, expectation gap and the colour band.</summary>
    public sealed record ScoreSummary(double? Overall, double? ExpectationGap, ScoreBand Band, int Evaluations)
    {
        public static ScoreSummary From(CurrentScore s) => new(s.Overall, s.ExpectationGap, CurrentScore.BandOf(s.Overall), s.Evaluations);
    }

    public record TouchpointResponse(
        Guid Id, string Name, string? Description, TouchpointCategory Category, string? CustomCategory, string CategoryName,
        Guid ChannelId, IReadOnlyList<Guid> PhaseIds, Guid? DepartmentId, Guid? OwnerId, int Relevance,
        bool IsMomentOfTruth, bool IsPainPoint, bool IsBrandSuccessPoint,
        Compliance DesignCompliance, Compliance TonalityCompliance, Compliance ReactionTimeCompliance,
        IReadOnlyList<string> Tags, string? EventKey, ScoreSummary Score, int Version)
    {
        public static TouchpointResponse From(Touchpoint t, CurrentScore score) => new(
            t.Id, t.Name, t.Description, t.Category, t.CustomCategory, t.CategoryName, t.ChannelId, t.PhaseIds, t.DepartmentId, t.OwnerId, t.Relevance,
            t.IsMomentOfTruth, t.IsPainPoint, t.IsBrandSuccessPoint, t.DesignCompliance, t.TonalityCompliance, t.ReactionTimeCompliance,
            t.Tags, t.EventKey, ScoreSummary.From(score), t.Version);
    }

    /// <summary>A step of a journey map where the touchpoint is used.</summary>
    public sealed record StepUse(Guid JourneyId, string Journey, Guid StageId, string Stage, Guid StepId, string Action);

    public sealed record TouchpointDetail : TouchpointResponse
    {
        public TouchpointDetail(TouchpointResponse touchpoint, IReadOnlyList<StepUse> usedIn) : base(touchpoint) => UsedIn = usedIn;
        public IReadOnlyList<StepUse> UsedIn { get; }
    }

    public sealed record PersonaScoreResponse(Guid? PersonaId, string? Persona, double Score, ScoreBand Band, int Evaluations, DateOnly EvaluatedOn, double? ExpectationGap);

    /// <summary>The full current score: one line per persona (evaluations without a persona form their own line) and the overall mean.</summary>
    public sealed record ScoreResponse(Guid TouchpointId, double? Overall, double? ExpectationGap, ScoreBand Band, int Evaluations, IReadOnlyList<PersonaScoreResponse> ByPersona);

    public sealed record MatrixPhase(Guid Id, string Name, int Position);
    public sealed record MatrixChannel(Guid Id, string Name, ChannelKind Kind);
    public sealed record MatrixTouchpoint(Guid Id, string Name, ScoreSummary Score);

    /// <summary>One cell of the matrix; <c>phaseId</c> is null for touchpoints not yet placed in any phase.</summary>
    public sealed record MatrixCell(Guid? PhaseId, Guid ChannelId, IReadOnlyList<MatrixTouchpoint> Touchpoints);

    public sealed record MatrixResponse(IReadOnlyList<MatrixPhase> Phases, IReadOnlyList<MatrixChannel> Channels, IReadOnlyList<MatrixCell> Cells);
}
