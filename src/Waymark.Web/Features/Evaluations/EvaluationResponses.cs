using Waymark.Domain.Evaluations;

namespace Waymark.Web.Features.Evaluations;

public static partial class EvaluationsApi
{
    public sealed record EvaluationResponse(
        Guid Id, Guid? TouchpointId, Guid? StepId, Guid? PersonaId, int Score, string? Expectation, string? Experience,
        int? ExpectationLevel, int? ExperienceLevel, int? Gap, EvaluationSource Source, DateOnly EvaluatedOn,
        string? Evaluator, string? Comment, DateTimeOffset RecordedAt, int Version)
    {
        public static EvaluationResponse From(Evaluation e) => new(
            e.Id, e.TouchpointId, e.StepId, e.PersonaId, e.Score, e.Expectation, e.Experience, e.ExpectationLevel, e.ExperienceLevel, e.Gap,
            e.Source, e.EvaluatedOn, e.Evaluator, e.Comment, e.RecordedAt, e.Version);
    }

    public sealed record BatchResponse(int Count, IReadOnlyList<EvaluationResponse> Items);
}
