namespace Waymark.Domain.Evaluations;

public sealed record PersonaScore(Guid? PersonaId, double Score, int Evaluations, DateOnly EvaluatedOn, double? ExpectationGap);

/// <summary>
/// The current score of a touchpoint or step. For each persona (evaluations without a persona form their own
/// group) only the evaluations of its latest evaluation date count, averaged; the overall score is the mean of
/// those per-persona scores, so a persona evaluated often does not outweigh the others. The expectation gap is
/// the mean of experience − expectation over the same evaluations that carry both levels.
/// </summary>
public sealed record CurrentScore(double? Overall, double? ExpectationGap, int Evaluations, IReadOnlyList<PersonaScore> ByPersona)
{
    public static readonly CurrentScore None = new(null, null, 0, []);

    public static CurrentScore Of(IEnumerable<Evaluation> evaluations)
    {
        var byPersona = evaluations
            .GroupBy(e => e.PersonaId)
            .Select(g =>
            {
                var latestDate = g.Max(e => e.EvaluatedOn);
                var latest = g.Where(e => e.EvaluatedOn == latestDate).ToList();
                return new PersonaScore(g.Key, Math.Round(latest.Average(e => e.Score), 2), latest.Count, latestDate, GapOf(latest));
            })
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

    private static double? GapOf(IReadOnlyList<Evaluation> evaluations)
    {
        var gaps = evaluations.Where(e => e.Gap is not null).Select(e => (double)e.Gap!.Value).ToList();
        return gaps.Count == 0 ? null : Math.Round(gaps.Average(), 2);
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
