using Waymark.Domain.Evaluations;

namespace Waymark.Storage.Demo;

public static partial class LargeWorkspace
{
    /// <summary>Nine in ten evaluations score a touchpoint, the rest a journey step.</summary>
    public const int StepEvaluationCount = EvaluationCount / 10;

    private static readonly EvaluationSource[] Sources = Enum.GetValues<EvaluationSource>();

    private static readonly Dictionary<EvaluationSource, string[]> Evaluators = new()
    {
        [EvaluationSource.Workshop] = ["CX workshop", "Shop managers' workshop", "Service design sprint"],
        [EvaluationSource.Survey] = ["Post-contact survey panel", "Quarterly NPS survey", "Installation survey"],
        [EvaluationSource.Interview] = ["Customer interviews", "Shop exit interviews", "Churned-customer interviews"],
        [EvaluationSource.Analytics] = ["Web analytics", "Call-centre analytics", "App analytics"],
    };

    private static readonly string[][] CommentsByBand =
    [
        ["Took far too long and nobody called back.", "I had to explain everything three times.", "Not what I was promised."],
        ["Alright, could be quicker.", "Worked in the end.", "Fine, nothing special."],
        ["Quick, friendly and solved at once.", "Better than I expected.", "That is how it should be."],
    ];

    private sealed partial class Builder
    {
        public void AddEvaluations()
        {
            for (var i = 0; i < EvaluationCount - StepEvaluationCount; i++)
            {
                var t = _rng.Next(_touchpoints.Count);
                var (quality, trend) = _touchpointScores[t];
                AddEvaluation(quality, trend, _touchpoints[t].Id, null, Chance(0.7) ? Pick(_personas).Id : null);
            }
            for (var i = 0; i < StepEvaluationCount; i++)
            {
                var (_, step, persona) = _steps[_rng.Next(_steps.Count)];
                AddEvaluation(5.5 + step.Emotion * 1.4, 0.5, null, step.Id, persona ?? (Chance(0.5) ? Pick(_personas).Id : null));
            }
        }

        /// <summary>A score around the typical one, moving by <paramref name="trend"/> points over the five years.</summary>
        private void AddEvaluation(double quality, double trend, Guid? touchpointId, Guid? stepId, Guid? personaId)
        {
            var date = DayInFiveYears();
            var progress = (date.DayNumber - _today.AddDays(-DaysMeasured).DayNumber) / (double)DaysMeasured;
            var score = Score(quality + trend * (progress - 1) + Noise(1.8));
            var withLevels = Chance(0.4);
            var source = Pick(Sources);
            var band = score <= 4 ? 0 : score <= 7 ? 1 : 2;
            Content.Evaluations.Add(new Evaluation(Ws, new EvaluationContent(
                Score: score,
                EvaluatedOn: date,
                TouchpointId: touchpointId,
                StepId: stepId,
                PersonaId: personaId,
                Source: source,
                ExpectationLevel: withLevels ? 5 + _rng.Next(5) : null,
                ExperienceLevel: withLevels ? Score(score + Noise(1)) : null,
                Evaluator: Pick(Evaluators[source]),
                Comment: Chance(0.3) ? Pick(CommentsByBand[band]) : null)));
        }

        private static int Score(double v) => (int)Math.Clamp(Math.Round(v, MidpointRounding.AwayFromZero), 1, 10);
    }
}
