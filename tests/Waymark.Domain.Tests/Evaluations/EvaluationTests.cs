using Waymark.Domain.Evaluations;
using Waymark.Domain.Tests.Support;

namespace Waymark.Domain.Tests.Evaluations;

public class EvaluationTests
{
    private static Evaluation Create(EvaluationContent content) => new(Some.WorkspaceId, content);

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    public void A_score_from_1_to_10_is_accepted(int score)
    {
        Assert.Equal(score, Create(Some.EvaluationContent(score)).Score);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    [InlineData(-5)]
    public void A_score_outside_1_to_10_is_rejected_and_names_the_field_score(int score)
    {
        var ex = Rule.Broken("score", () => Create(Some.EvaluationContent(score)));

        Assert.Equal($"Score must be between 1 and 10 ({Evaluation.ScaleMeaning}); {score} is outside.", ex.Message);
    }

    [Fact]
    public void An_evaluation_must_score_a_touchpoint_or_a_step()
    {
        Rule.Broken("touchpointId", () => Create(Some.EvaluationContent() with { TouchpointId = null }));
    }

    [Fact]
    public void An_evaluation_cannot_score_a_touchpoint_and_a_step_at_once()
    {
        Rule.Broken("touchpointId", () => Create(Some.EvaluationContent() with { StepId = Some.Id() }));
    }

    [Fact]
    public void An_evaluation_of_a_step_is_accepted()
    {
        var step = Some.Id();

        var evaluation = Create(Some.EvaluationContent() with { TouchpointId = null, StepId = step });

        Assert.Equal(step, evaluation.StepId);
        Assert.Null(evaluation.TouchpointId);
    }

    [Fact]
    public void An_evaluation_needs_its_date()
    {
        Rule.Broken("evaluatedOn", () => Create(Some.EvaluationContent() with { EvaluatedOn = default }));
    }

    [Theory]
    [InlineData(0, 5, "expectationLevel")]
    [InlineData(11, 5, "expectationLevel")]
    [InlineData(5, 0, "experienceLevel")]
    [InlineData(5, 11, "experienceLevel")]
    public void Expectation_and_experience_levels_are_1_to_10(int expected, int experienced, string field)
    {
        Rule.Broken(field, () => Create(Some.EvaluationContent() with { ExpectationLevel = expected, ExperienceLevel = experienced }));
    }

    [Fact]
    public void A_level_off_the_scale_is_named_in_words_with_the_scale()
    {
        var e = Rule.Broken("expectationLevel", () => Create(Some.EvaluationContent() with { ExpectationLevel = 11, ExperienceLevel = 5 }));

        Assert.Equal("The expectation level must be between 1 (very low) and 10 (very high); 11 is outside.", e.Message);
        Assert.True(Evaluation.IsLevel(null));
        Assert.False(Evaluation.IsLevel(0));
    }

    [Fact]
    public void Text_fields_have_their_length_limits()
    {
        Rule.Broken("expectation", () => Create(Some.EvaluationContent() with { Expectation = Some.Text(2001) }));
        Rule.Broken("experience", () => Create(Some.EvaluationContent() with { Experience = Some.Text(2001) }));
        Rule.Broken("evaluator", () => Create(Some.EvaluationContent() with { Evaluator = Some.Text(201) }));
        Rule.Broken("comment", () => Create(Some.EvaluationContent() with { Comment = Some.Text(4001) }));
        Rule.Broken("source", () => Create(Some.EvaluationContent() with { Source = (EvaluationSource)9 }));
    }

    [Fact]
    public void The_gap_is_experience_minus_expectation()
    {
        Assert.Equal(-3, Create(Some.EvaluationContent() with { ExpectationLevel = 8, ExperienceLevel = 5 }).Gap);
        Assert.Equal(2, Create(Some.EvaluationContent() with { ExpectationLevel = 6, ExperienceLevel = 8 }).Gap);
    }

    [Fact]
    public void There_is_no_gap_without_both_levels()
    {
        Assert.Null(Create(Some.EvaluationContent() with { ExpectationLevel = 8 }).Gap);
        Assert.Null(Create(Some.EvaluationContent() with { ExperienceLevel = 8 }).Gap);
    }
}
