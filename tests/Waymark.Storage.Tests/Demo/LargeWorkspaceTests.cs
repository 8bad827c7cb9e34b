using Waymark.Domain.Evaluations;
using Waymark.Domain.Improvements;
using Waymark.Domain.Touchpoints;
using Waymark.Storage.Access;
using Waymark.Storage.Demo;

namespace Waymark.Storage.Tests.Demo;

/// <summary>The large workspace as built (not stored): its sizes, ranges and that the same day builds the same content.</summary>
public class LargeWorkspaceTests
{
    internal static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly LargeWorkspace.Built Large = LargeWorkspace.Build(today: Today);

    [Fact]
    public void Has_exactly_the_sizes_of_a_real_company()
    {
        var c = Large.Content;
        Assert.Equal(("large", "Meridian Telecom"), (c.Workspace.Key, c.Workspace.Name));
        Assert.Equal(2000, c.Touchpoints.Count);
        Assert.Equal(25, c.Channels.Count);
        Assert.Equal(200, c.Journeys.Count);
        Assert.Equal(100_000, c.Evaluations.Count);
        Assert.Equal(60, c.Kpis.Count);
        Assert.Equal(60 * 1826, c.Measurements.Count);
        Assert.Equal(109_560, c.Measurements.Count);
        Assert.Equal(5000, c.Improvements.Count);
        Assert.Equal(50, Large.Members.Count);
        Assert.Equal(5, c.Phases.Count);
    }

    [Fact]
    public void Touchpoints_spread_over_every_channel_and_the_twenty_categories_with_unique_names()
    {
        var c = Large.Content;
        Assert.All(c.Channels, ch => Assert.Equal(80, c.Touchpoints.Count(t => t.ChannelId == ch.Id)));
        var categories = c.Touchpoints.Select(t => t.Category).Distinct().ToList();
        Assert.Equal(20, categories.Count);
        Assert.DoesNotContain(TouchpointCategory.Custom, categories);
        Assert.Equal(2000, c.Touchpoints.Select(t => t.Name).Distinct().Count());
        Assert.Equal(2000, c.Touchpoints.Select(t => t.EventKey).Distinct().Count());
        Assert.All(c.Touchpoints, t => Assert.NotEmpty(t.PhaseIds));
        Assert.All(c.Touchpoints, t => Assert.NotNull(t.DepartmentId));
        Assert.InRange(c.Touchpoints.Count(t => t.IsMomentOfTruth), 80, 250);
        Assert.InRange(c.Touchpoints.Count(t => t.IsPainPoint), 100, 400);
        Assert.InRange(c.Touchpoints.Count(t => t.OwnerId is not null), 1600, 1950);
        Assert.All(c.Touchpoints, t => Assert.NotEmpty(t.Tags));
    }

    [Fact]
    public void Journeys_have_10_to_60_steps_in_stages_by_phase_each_step_with_1_to_3_touchpoints()
    {
        var c = Large.Content;
        var touchpoints = c.Touchpoints.Select(t => t.Id).ToHashSet();
        var phaseOrder = c.Phases.ToDictionary(p => p.Id, p => p.Position);
        Assert.Equal(200, c.Journeys.Select(j => j.Name).Distinct().Count());
        Assert.All(c.Journeys, j =>
        {
            Assert.InRange(j.OrderedSteps.Count(), 10, 60);
            var phases = j.OrderedStages.Select(s => phaseOrder[s.PhaseId!.Value]).ToList();
            Assert.Equal(phases.Order(), phases);
            Assert.All(j.OrderedSteps, s =>
            {
                Assert.InRange(s.TouchpointIds.Length, 1, 3);
                Assert.All(s.TouchpointIds, id => Assert.Contains(id, touchpoints));
                Assert.InRange(s.Emotion, -3, 3);
            });
        });
        var steps = c.Journeys.SelectMany(j => j.OrderedSteps).ToList();
        Assert.Contains(steps, s => s.WaitingMinutes is > 0);
        Assert.Contains(steps, s => s.IsMomentOfTruth);
        Assert.Contains(c.Journeys, j => j.PersonaId is not null);
        Assert.Contains(c.Journeys, j => j.PersonaId is null);
        Assert.True(c.Journeys.Min(j => j.OrderedSteps.Count()) < 15 && c.Journeys.Max(j => j.OrderedSteps.Count()) > 55);
    }

    [Fact]
    public void Evaluations_cover_five_years_before_today_mostly_of_touchpoints()
    {
        var c = Large.Content;
        var first = Today.AddDays(-1826);
        Assert.All(c.Evaluations, e => Assert.InRange(e.EvaluatedOn, first, Today.AddDays(-1)));
        Assert.True(c.Evaluations.Min(e => e.EvaluatedOn) < first.AddDays(10));
        Assert.True(c.Evaluations.Max(e => e.EvaluatedOn) > Today.AddDays(-10));
        Assert.Equal(90_000, c.Evaluations.Count(e => e.TouchpointId is not null));
        Assert.Equal(10_000, c.Evaluations.Count(e => e.StepId is not null));
        Assert.True(c.Evaluations.Select(e => e.PersonaId).OfType<Guid>().Distinct().Count() >= 5);
        Assert.InRange(c.Evaluations.Count(e => e.ExpectationLevel is not null && e.ExperienceLevel is not null), 30_000, 50_000);
        Assert.Equal(Enum.GetValues<EvaluationSource>().Length, c.Evaluations.Select(e => e.Source).Distinct().Count());
        Assert.Equal(10, c.Evaluations.Select(e => e.Score).Distinct().Count());
    }

    [Fact]
    public void Every_kpi_is_measured_every_day_of_five_years_within_its_valid_range()
    {
        var c = Large.Content;
        Assert.Equal(60, c.Kpis.Select(k => k.Name).Distinct().Count());
        Assert.All(c.Kpis, k => Assert.True(k.Target is not null && !string.IsNullOrEmpty(k.Unit)));
        Assert.Equal(2, c.Kpis.Select(k => k.Direction).Distinct().Count());
        foreach (var kpi in c.Kpis)
        {
            var days = c.Measurements.Where(m => m.KpiId == kpi.Id).Select(m => DateOnly.FromDateTime(m.MeasuredAt.UtcDateTime)).ToList();
            Assert.Equal(Enumerable.Range(0, 1826).Select(d => Today.AddDays(d - 1826)), days);
        }
        Assert.All(c.Measurements, m => Assert.True(c.Kpis.Single(k => k.Id == m.KpiId).Allows(m.Value)));
        var nps = c.Kpis.First(k => k.Name.StartsWith("Net Promoter Score", StringComparison.Ordinal));
        Assert.True(c.Measurements.Where(m => m.KpiId == nps.Id).Select(m => m.Value).Distinct().Count() > 20);
    }

    [Fact]
    public void Improvements_have_kinds_statuses_owners_due_dates_and_links()
    {
        var c = Large.Content;
        Assert.Equal(3, c.Improvements.Select(i => i.Kind).Distinct().Count());
        Assert.Equal(4, c.Improvements.Select(i => i.Status).Distinct().Count());
        var actions = c.Improvements.Where(i => i.Kind == ImprovementKind.Action).ToList();
        Assert.All(actions, a => Assert.NotNull(a.OwnerId));
        Assert.All(actions, a => Assert.NotNull(a.DueOn));
        Assert.Contains(actions, a => a.IsOverdue(Today));
        Assert.Contains(c.Improvements, i => i.StepId is not null && i.JourneyId is not null);
        Assert.Contains(c.Improvements, i => i.TouchpointId is not null);
        Assert.Contains(c.Improvements, i => i.KpiId is not null);
    }

    [Fact]
    public void Members_are_fifty_people_of_the_company_in_a_realistic_role_mix()
    {
        Assert.Equal(50, Large.Members.Select(m => m.Email).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(5, Large.Members.Count(m => m.Role == WorkspaceRole.Owner));
        Assert.Equal(20, Large.Members.Count(m => m.Role == WorkspaceRole.Editor));
        Assert.Equal(25, Large.Members.Count(m => m.Role == WorkspaceRole.Viewer));
        var people = Large.Content.People.Select(p => p.Email).ToHashSet();
        Assert.All(Large.Members, m => Assert.Contains(m.Email, people));
        Assert.Equal(Large.Content.People.Count, Large.Content.People.Select(p => p.Name).Distinct().Count());
    }

    [Fact]
    public void The_same_day_builds_the_same_content_and_another_day_moves_the_dates()
    {
        var again = LargeWorkspace.Build(today: Today).Content;
        var c = Large.Content;
        Assert.Equal(c.Touchpoints.Select(t => (t.Name, t.Relevance, t.IsPainPoint)), again.Touchpoints.Select(t => (t.Name, t.Relevance, t.IsPainPoint)));
        Assert.Equal(c.Journeys.SelectMany(j => j.OrderedSteps).Select(s => (s.Action, s.Emotion, s.WaitingMinutes)),
            again.Journeys.SelectMany(j => j.OrderedSteps).Select(s => (s.Action, s.Emotion, s.WaitingMinutes)));
        Assert.Equal(c.Evaluations.Select(e => (e.Score, e.EvaluatedOn, e.Comment)), again.Evaluations.Select(e => (e.Score, e.EvaluatedOn, e.Comment)));
        Assert.Equal(c.Measurements.Select(m => (m.Value, m.MeasuredAt)), again.Measurements.Select(m => (m.Value, m.MeasuredAt)));
        Assert.Equal(c.Improvements.Select(i => (i.Title, i.Status, i.DueOn)), again.Improvements.Select(i => (i.Title, i.Status, i.DueOn)));

        var later = LargeWorkspace.Build("large-later", Today.AddDays(7)).Content;
        Assert.Equal(c.Evaluations.Select(e => e.EvaluatedOn.AddDays(7)), later.Evaluations.Select(e => e.EvaluatedOn));
        Assert.Equal(c.Evaluations.Select(e => e.Score), later.Evaluations.Select(e => e.Score));
    }
}
