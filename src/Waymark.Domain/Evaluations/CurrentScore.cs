namespace Waymark.Domain.Evaluations;

public sealed record PersonaScore(Guid? PersonaId, double Score, int Evaluations, DateOnly EvaluatedOn, double? ExpectationGap);

/// <summary>
/// What the current score needs of one touchpoint's evaluations for one persona (or for those without a persona):
/// the latest evaluation date and, over the evaluations of that date, their count, the sum of their scores and the
/// sum and count of their expectation gaps. Storage keeps these per touchpoint and persona, so a current score is
/// read without reading the history behind it.
/// </summary>
public sealed record LatestEvaluations(Guid? PersonaId, DateOnly EvaluatedOn, int Evaluations, int ScoreSum, int GapSum, int Gaps)
{
    /// <summary>
    /// The latest evaluations once those of <paramref name="added"/> (same persona) join them: a later day replaces
    /// these, the same day adds to them, an earlier day changes nothing. Exact for additions, so adding evaluations
    /// never needs the history behind them.
    /// </summary>
    public LatestEvaluations With(LatestEvaluations added) =>
        added.EvaluatedOn > EvaluatedOn ? added
        : added.EvaluatedOn < EvaluatedOn ? this
        : this with { Evaluations = Evaluations + added.Evaluations, ScoreSum = ScoreSum + added.ScoreSum, GapSum = GapSum + added.GapSum, Gaps = Gaps + added.Gaps };

    /// <summary>The latest evaluations of each persona among the given evaluations (of one touchpoint or step).</summary>
    public static IEnumerable<LatestEvaluations> Of(IEnumerable<Evaluation> evaluations) =>
        Of(evaluations.Select(e => new EvaluationScore(e.PersonaId, e.EvaluatedOn, e.Score, e.Gap)));

    /// <summary>The same, from only what a score needs of each evaluation, up to a day when one is given.</summary>
    public static IEnumerable<LatestEvaluations> Of(IEnumerable<EvaluationScore> evaluations, DateOnly? upTo = null) =>
        evaluations.Where(e => upTo is null || e.EvaluatedOn <= upTo).GroupBy(e => e.PersonaId).Select(g =>
        {
            var latestDate = g.Max(e => e.EvaluatedOn);
            var latest = g.Where(e => e.EvaluatedOn == latestDate).ToList();
            var gaps = latest.Where(e => e.Gap is not null).Select(e => e.Gap!.Value).ToList();
            return new LatestEvaluations(g.Key, latestDate, latest.Count, latest.Sum(e => e.Score), gaps.Sum(), gaps.Count);
        });
}

/// <summary>What a score needs of one evaluation: persona, date, score and expectation gap.</summary>
public readonly record struct EvaluationScore(Guid? PersonaId, DateOnly EvaluatedOn, int Score, int? Gap);

/// <summary>
/// The current score of a touchpoint or step. For each persona (evaluations without a persona form their own
/// group) only the evaluations of its latest evaluation date count, averaged; the overall score is the mean of
/// those per-persona scores, so a persona evaluated often does not outweigh the others. The expectation gap is
/// the mean of experience − expectation over the same evaluations that carry both levels.
/// </summary>
public sealed record CurrentScore(double? Overall, double? ExpectationGap, int Evaluations, IReadOnlyList<PersonaScore> ByPersona)
{
    public static readonly CurrentScore None = new(null, null, 0, []);

    public static CurrentScore Of(IEnumerable<Evaluation> evaluations) => FromLatest(LatestEvaluations.Of(evaluations));

    public static CurrentScore FromLatest(IEnumerable<LatestEvaluations> latest)
    {
        var byPersona = latest
            .Where(l => l.Evaluations > 0)
            .Select(l => new PersonaScore(l.PersonaId, Math.Round((double)l.ScoreSum / l.Evaluations, 2), l.Evaluations, l.EvaluatedOn,
                l.Gaps == 0 ? null : Math.Round((double)l.GapSum / l.Gaps, 2)))
            .OrderBy(p => p.PersonaId is null ? 1 : 0).ThenBy(p => p.PersonaId)
            .ToList();
        if (byPersona.Count == 0) return None;
        var gaps = byPersona.Where(p => p.ExpectationGap is not null).Select(p => p.ExpectationGap!.Value).ToList();
        return new CurrentScore(
            Math.Round(byPersona.Average(p => p.Score), 2),
            gaps.Count == 0 ? null : Math.Round(gaps.Average(), 2),
            byPersona.Sum(p => p.Evaluations),
            byPersona);
    }

    /// <summary>Band used for colouring: below 5 falls short, 5 to below 7.5 meets, 7.5 and up exceeds.</summary>
    public static ScoreBand BandOf(double? score) => score switch
    {
        null => ScoreBand.NotEvaluated,
        < 5 => ScoreBand.FallsShort,
        < 7.5 => ScoreBand.Meets,
        _ => ScoreBand.Exceeds,
    };
}

public enum ScoreBand { NotEvaluated, FallsShort, Meets, Exceeds }
