using Microsoft.Extensions.Time.Testing;
using Waymark.Domain.Improvements;
using Waymark.Domain.Tests.Support;

namespace Waymark.Domain.Tests.Improvements;

public class ImprovementTests
{
    private static readonly DateOnly Today = Some.Day;

    private static Improvement Create(ImprovementKind kind, ImprovementContent content) => new(Some.WorkspaceId, kind, content);

    private static Improvement Action(ImprovementStatus status = ImprovementStatus.Open, DateOnly? dueOn = null) =>
        Create(ImprovementKind.Action, Some.ImprovementContent() with { OwnerId = Some.Id(), Status = status, DueOn = dueOn });

    [Fact]
    public void An_improvement_needs_a_title_of_at_most_300_characters()
    {
        Rule.Broken("title", () => Create(ImprovementKind.Insight, Some.ImprovementContent(" ")));
        Rule.Broken("title", () => Create(ImprovementKind.Insight, Some.ImprovementContent(Some.Text(301))));
        Assert.Equal("Call back", Create(ImprovementKind.Insight, Some.ImprovementContent(" Call back ")).Title);
    }

    [Fact]
    public void Unknown_kind_status_and_priority_are_rejected_by_field()
    {
        Rule.Broken("kind", () => Create((ImprovementKind)9, Some.ImprovementContent()));
        Rule.Broken("status", () => Create(ImprovementKind.Idea, Some.ImprovementContent() with { Status = (ImprovementStatus)9 }));
        Rule.Broken("priority", () => Create(ImprovementKind.Idea, Some.ImprovementContent() with { Priority = (Priority)9 }));
        Rule.Broken("description", () => Create(ImprovementKind.Idea, Some.ImprovementContent() with { Description = Some.Text(4001) }));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public void Impact_and_effort_from_1_to_5_are_accepted(int value)
    {
        var idea = Create(ImprovementKind.Idea, Some.ImprovementContent() with { Impact = value, Effort = value });

        Assert.Equal(value, idea.Impact);
        Assert.Equal(value, idea.Effort);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void Impact_and_effort_outside_1_to_5_are_rejected(int value)
    {
        Rule.Broken("impact", () => Create(ImprovementKind.Idea, Some.ImprovementContent() with { Impact = value }));
        Rule.Broken("effort", () => Create(ImprovementKind.Idea, Some.ImprovementContent() with { Effort = value }));
    }

    [Fact]
    public void Impact_and_effort_may_be_unknown()
    {
        var idea = Create(ImprovementKind.Idea, Some.ImprovementContent());

        Assert.Null(idea.Impact);
        Assert.Null(idea.Effort);
    }

    [Fact]
    public void An_action_in_progress_needs_an_owner()
    {
        Rule.Broken("ownerId", () => Create(ImprovementKind.Action, Some.ImprovementContent() with { Status = ImprovementStatus.InProgress }));
        var action = Action(ImprovementStatus.Open);

        Rule.Broken("ownerId", () => action.Apply(Some.ImprovementContent() with { Status = ImprovementStatus.InProgress, OwnerId = null }));
    }

    [Fact]
    public void An_open_action_and_an_idea_in_progress_may_be_without_owner()
    {
        Assert.Null(Create(ImprovementKind.Action, Some.ImprovementContent() with { Status = ImprovementStatus.Open }).OwnerId);
        Assert.Equal(ImprovementStatus.InProgress, Create(ImprovementKind.Idea, Some.ImprovementContent() with { Status = ImprovementStatus.InProgress }).Status);
    }

    [Fact]
    public void Completing_sets_the_completion_time()
    {
        var action = Action(ImprovementStatus.InProgress);
        Assert.Null(action.CompletedAt);
        var clock = new FakeTimeProvider(Some.Instant);

        action.Apply(Some.ImprovementContent() with { OwnerId = action.OwnerId, Status = ImprovementStatus.Done }, clock);

        Assert.Equal(Some.Instant, action.CompletedAt);
        Assert.False(action.IsOpen);
    }

    [Fact]
    public void An_improvement_created_as_done_is_completed()
    {
        Assert.NotNull(Action(ImprovementStatus.Done).CompletedAt);
    }

    [Fact]
    public void Editing_a_done_improvement_keeps_its_completion_time()
    {
        var action = Action(ImprovementStatus.Done);
        var completedAt = action.CompletedAt;
        var anHourLater = new FakeTimeProvider(completedAt!.Value.AddHours(1));

        action.Apply(Some.ImprovementContent("Call back within an hour") with { Status = ImprovementStatus.Done }, anHourLater);

        Assert.Equal(completedAt, action.CompletedAt);
    }

    [Theory]
    [InlineData(ImprovementStatus.Open)]
    [InlineData(ImprovementStatus.InProgress)]
    [InlineData(ImprovementStatus.Discarded)]
    public void Reopening_or_discarding_a_done_improvement_clears_its_completion_time(ImprovementStatus status)
    {
        var action = Action(ImprovementStatus.Done);

        action.Apply(Some.ImprovementContent() with { OwnerId = action.OwnerId, Status = status });

        Assert.Null(action.CompletedAt);
    }

    [Theory]
    [InlineData(ImprovementStatus.Open, true)]
    [InlineData(ImprovementStatus.InProgress, true)]
    [InlineData(ImprovementStatus.Done, false)]
    [InlineData(ImprovementStatus.Discarded, false)]
    public void Open_and_in_progress_are_open(ImprovementStatus status, bool open)
    {
        Assert.Equal(open, Action(status).IsOpen);
    }

    [Fact]
    public void An_open_improvement_due_before_today_is_overdue()
    {
        Assert.True(Action(ImprovementStatus.Open, Today.AddDays(-1)).IsOverdue(Today));
        Assert.True(Action(ImprovementStatus.InProgress, Today.AddDays(-30)).IsOverdue(Today));
    }

    [Fact]
    public void An_improvement_due_today_or_later_is_not_overdue()
    {
        Assert.False(Action(ImprovementStatus.Open, Today).IsOverdue(Today));
        Assert.False(Action(ImprovementStatus.Open, Today.AddDays(1)).IsOverdue(Today));
    }

    [Fact]
    public void An_improvement_without_due_date_is_never_overdue()
    {
        Assert.False(Action(ImprovementStatus.Open).IsOverdue(Today));
    }

    [Theory]
    [InlineData(ImprovementStatus.Done)]
    [InlineData(ImprovementStatus.Discarded)]
    public void A_closed_improvement_past_its_due_date_is_not_overdue(ImprovementStatus status)
    {
        Assert.False(Action(status, Today.AddDays(-1)).IsOverdue(Today));
    }
}
