using Waymark.Domain.Evaluations;
using Waymark.Domain.Tests.Support;

namespace Waymark.Domain.Tests.Evaluations;

public class CurrentScoreTests
{
    private static readonly Guid Anna = new("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid Ben = new("00000000-0000-0000-0000-00000000000b");

    [Fact]
    public void No_evaluations_give_no_score()
    {
        var score = CurrentScore.Of([]);

        Assert.Same(CurrentScore.None, score);
        Assert.Null(score.Overall);
        Assert.Null(score.ExpectationGap);
        Assert.Equal(0, score.Evaluations);
        Assert.Empty(score.ByPersona);
    }

    [Fact]
    public void One_evaluation_is_the_score()
    {
        var score = CurrentScore.Of([Some.Evaluation(6, Anna)]);

        Assert.Equal(6, score.Overall);
        Assert.Equal(1, score.Evaluations);
        var anna = Assert.Single(score.ByPersona);
        Assert.Equal(new PersonaScore(Anna, 6, 1, Some.Day, null), anna);
    }

    [Fact]
    public void Only_the_evaluations_of_a_personas_latest_date_count_and_are_averaged()
    {
        var score = CurrentScore.Of([
            Some.Evaluation(2, Anna, daysLater: 0),
            Some.Evaluation(7, Anna, daysLater: 5),
            Some.Evaluation(8, Anna, daysLater: 5),
            Some.Evaluation(3, Anna, daysLater: 1),
        ]);

        var anna = Assert.Single(score.ByPersona);
        Assert.Equal(7.5, anna.Score);
        Assert.Equal(2, anna.Evaluations);
        Assert.Equal(Some.Day.AddDays(5), anna.EvaluatedOn);
        Assert.Equal(7.5, score.Overall);
        Assert.Equal(2, score.Evaluations);
    }

    [Fact]
    public void The_overall_score_is_the_mean_of_the_persona_scores_so_a_persona_evaluated_often_does_not_outweigh_others()
    {
        // Anna: four evaluations on one day averaging 9; Ben: one evaluation of 3. Pooled would be 7.8, per persona it is 6.
        var score = CurrentScore.Of([
            Some.Evaluation(8, Anna), Some.Evaluation(10, Anna), Some.Evaluation(9, Anna), Some.Evaluation(9, Anna),
            Some.Evaluation(3, Ben),
        ]);

        Assert.Equal(6, score.Overall);
        Assert.Equal(5, score.Evaluations);
        Assert.Equal([9.0, 3.0], score.ByPersona.Select(p => p.Score));
    }

    [Fact]
    public void Each_persona_has_its_own_latest_date()
    {
        var score = CurrentScore.Of([
            Some.Evaluation(2, Anna, daysLater: 0),
            Some.Evaluation(8, Anna, daysLater: 9),
            Some.Evaluation(5, Ben, daysLater: 0),
            Some.Evaluation(9, Ben, daysLater: -3),
        ]);

        Assert.Equal([(Anna, 8.0, Some.Day.AddDays(9)), (Ben, 5.0, Some.Day)], score.ByPersona.Select(p => (p.PersonaId!.Value, p.Score, p.EvaluatedOn)));
        Assert.Equal(6.5, score.Overall);
    }

    [Fact]
    public void Evaluations_without_a_persona_form_their_own_group_listed_last()
    {
        var score = CurrentScore.Of([
            Some.Evaluation(4, persona: null, daysLater: 0),
            Some.Evaluation(6, persona: null, daysLater: 0),
            Some.Evaluation(1, persona: null, daysLater: -1),
            Some.Evaluation(9, Ben),
            Some.Evaluation(8, Anna),
        ]);

        Assert.Equal([Anna, Ben, (Guid?)null], score.ByPersona.Select(p => p.PersonaId));
        Assert.Equal(5, score.ByPersona[2].Score);
        Assert.Equal(2, score.ByPersona[2].Evaluations);
        // (8 + 9 + 5) / 3 = 7.333… rounded to two places.
        Assert.Equal(7.33, score.Overall);
        Assert.Equal(4, score.Evaluations);
    }

    [Fact]
    public void Persona_scores_are_rounded_to_two_places()
    {
        var score = CurrentScore.Of([Some.Evaluation(7, Anna), Some.Evaluation(8, Anna), Some.Evaluation(8, Anna)]);

        Assert.Equal(7.67, score.ByPersona[0].Score);
        Assert.Equal(7.67, score.Overall);
    }

    [Fact]
    public void The_expectation_gap_averages_experience_minus_expectation_over_the_counted_evaluations_that_have_both()
    {
        var score = CurrentScore.Of([
            Some.Evaluation(3, Anna, daysLater: 0, expected: 9, experienced: 1),   // older date: does not count
            Some.Evaluation(5, Anna, daysLater: 2, expected: 8, experienced: 5),   // −3
            Some.Evaluation(7, Anna, daysLater: 2, expected: 6, experienced: 7),   // +1
            Some.Evaluation(6, Anna, daysLater: 2, expected: 7),                   // no gap
        ]);

        var anna = Assert.Single(score.ByPersona);
        Assert.Equal(-1, anna.ExpectationGap);
        Assert.Equal(-1, score.ExpectationGap);
        Assert.Equal(6, anna.Score);
    }

    [Fact]
    public void The_overall_gap_is_the_mean_of_the_persona_gaps_that_exist()
    {
        var score = CurrentScore.Of([
            Some.Evaluation(5, Anna, expected: 8, experienced: 4),   // −4
            Some.Evaluation(8, Ben, expected: 6, experienced: 8),    // +2
            Some.Evaluation(6, persona: null),                       // no gap
        ]);

        Assert.Equal([-4.0, 2.0, null], score.ByPersona.Select(p => p.ExpectationGap));
        Assert.Equal(-1, score.ExpectationGap);
    }

    [Fact]
    public void Without_any_levels_there_is_no_expectation_gap()
    {
        Assert.Null(CurrentScore.Of([Some.Evaluation(5, Anna), Some.Evaluation(7, Ben)]).ExpectationGap);
    }

    [Theory]
    [InlineData(null, ScoreBand.NotEvaluated)]
    [InlineData(1.0, ScoreBand.FallsShort)]
    [InlineData(4.99, ScoreBand.FallsShort)]
    [InlineData(5.0, ScoreBand.Meets)]
    [InlineData(7.49, ScoreBand.Meets)]
    [InlineData(7.5, ScoreBand.Exceeds)]
    [InlineData(10.0, ScoreBand.Exceeds)]
    public void A_score_falls_short_below_5_meets_below_7_5_and_exceeds_from_7_5(double? score, ScoreBand band)
    {
        Assert.Equal(band, CurrentScore.BandOf(score));
    }
}

public class LatestEvaluationsTests
{
    [Fact]
    public void Evaluations_added_one_at_a_time_to_what_is_kept_give_the_score_of_all_of_them_at_once()
    {
        var rng = new Random(5);
        Guid?[] personas = [null, Guid.NewGuid(), Guid.NewGuid()];
        for (var run = 0; run < 200; run++)
        {
            var evaluations = Enumerable.Range(0, rng.Next(1, 12)).Select(_ => new EvaluationScore(
                personas[rng.Next(personas.Length)], new DateOnly(2026, 1, 1).AddDays(rng.Next(4)), rng.Next(1, 11),
                rng.Next(3) == 0 ? null : rng.Next(-9, 10))).ToList();
            var kept = new Dictionary<Guid, LatestEvaluations>();
            foreach (var evaluation in evaluations)
                foreach (var added in LatestEvaluations.Of([evaluation]))
                {
                    var key = added.PersonaId ?? Guid.Empty;
                    kept[key] = kept.TryGetValue(key, out var before) ? before.With(added) : added;
                }
            var whole = CurrentScore.FromLatest(LatestEvaluations.Of(evaluations));
            var merged = CurrentScore.FromLatest(kept.Values);
            Assert.Equal(whole.Overall, merged.Overall);
            Assert.Equal(whole.ExpectationGap, merged.ExpectationGap);
            Assert.Equal(whole.Evaluations, merged.Evaluations);
            Assert.Equal(whole.ByPersona, merged.ByPersona);
        }
    }

    [Fact]
    public void A_later_day_replaces_the_same_day_adds_and_an_earlier_day_changes_nothing()
    {
        var kept = new LatestEvaluations(null, new DateOnly(2026, 3, 2), 2, 14, -2, 1);
        Assert.Equal(kept, kept.With(new LatestEvaluations(null, new DateOnly(2026, 3, 1), 1, 2, 0, 0)));
        Assert.Equal(new LatestEvaluations(null, new DateOnly(2026, 3, 2), 3, 23, 1, 2), kept.With(new LatestEvaluations(null, new DateOnly(2026, 3, 2), 1, 9, 3, 1)));
        var later = new LatestEvaluations(null, new DateOnly(2026, 3, 3), 1, 4, 0, 0);
        Assert.Equal(later, kept.With(later));
    }
}
