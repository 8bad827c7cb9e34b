using System.Text.RegularExpressions;
using Waymark.Domain.Evaluations;
using Waymark.Domain.Improvements;
using Waymark.Domain.Journeys;
using Waymark.Domain.Kpis;
using Waymark.Domain.Organisation;
using Waymark.Domain.Touchpoints;
using Waymark.Domain.Workspaces;
using Waymark.Storage.Demo;

namespace Waymark.Storage.Tests.Demo;

public class DemoWorkspaceTests
{
    private static readonly DateOnly Today = new(2025, 6, 15);
    private static readonly WorkspaceContent Demo = DemoWorkspace.Build(today: Today);

    [Fact]
    public void Workspace_has_the_given_key_and_name()
    {
        Assert.Equal("demo", Demo.Workspace.Key);
        Assert.Equal("Brightview TV & Home Cinema", Demo.Workspace.Name);
        var other = DemoWorkspace.Build("tv-retail", "Other TV shop", Today);
        Assert.Equal("tv-retail", other.Workspace.Key);
        Assert.Equal("Other TV shop", other.Workspace.Name);
    }

    [Fact]
    public void Builds_without_a_date_too()
    {
        var content = DemoWorkspace.Build();
        Assert.NotEmpty(content.Touchpoints);
    }

    [Fact]
    public void Everything_belongs_to_the_workspace()
    {
        var ws = Demo.Workspace.Id;
        Assert.All(Demo.Phases, x => Assert.Equal(ws, x.WorkspaceId));
        Assert.All(Demo.Channels, x => Assert.Equal(ws, x.WorkspaceId));
        Assert.All(Demo.Departments, x => Assert.Equal(ws, x.WorkspaceId));
        Assert.All(Demo.People, x => Assert.Equal(ws, x.WorkspaceId));
        Assert.All(Demo.Personas, x => Assert.Equal(ws, x.WorkspaceId));
        Assert.All(Demo.Touchpoints, x => Assert.Equal(ws, x.WorkspaceId));
        Assert.All(Demo.Journeys, x => Assert.Equal(ws, x.WorkspaceId));
        Assert.All(Demo.Evaluations, x => Assert.Equal(ws, x.WorkspaceId));
        Assert.All(Demo.Kpis, x => Assert.Equal(ws, x.WorkspaceId));
        Assert.All(Demo.Measurements, x => Assert.Equal(ws, x.WorkspaceId));
        Assert.All(Demo.Improvements, x => Assert.Equal(ws, x.WorkspaceId));
    }

    [Fact]
    public void Has_the_default_phases_in_order()
    {
        Assert.Equal(Phase.Defaults, Demo.Phases.OrderBy(p => p.Position).Select(p => p.Name));
        Assert.All(Demo.Phases, p => Assert.False(string.IsNullOrWhiteSpace(p.Description)));
    }

    [Fact]
    public void Has_channels_of_every_kind_and_reach()
    {
        Assert.True(Demo.Channels.Count >= 12);
        Assert.Equal(Demo.Channels.Count, Demo.Channels.Select(c => c.Name).Distinct().Count());
        Assert.Contains(Demo.Channels, c => c.Kind == ChannelKind.Digital && c.Reach == ChannelReach.Direct);
        Assert.Contains(Demo.Channels, c => c.Kind == ChannelKind.Analog && c.Reach == ChannelReach.Direct);
        Assert.Contains(Demo.Channels, c => c.Kind == ChannelKind.Digital && c.Reach == ChannelReach.Indirect);
        Assert.Contains(Demo.Channels, c => c.Kind == ChannelKind.Analog && c.Reach == ChannelReach.Indirect);
        Assert.Equal(ChannelReach.Indirect, Demo.Channels.Single(c => c.Name == "Review portals").Reach);
        Assert.Equal(ChannelReach.Indirect, Demo.Channels.Single(c => c.Name == "Word of mouth").Reach);
        Assert.Equal(ChannelKind.Analog, Demo.Channels.Single(c => c.Name == "Store").Kind);
        Assert.Equal(ChannelKind.Digital, Demo.Channels.Single(c => c.Name == "WhatsApp").Kind);
    }

    [Fact]
    public void Has_departments_with_their_problems_and_people_with_roles()
    {
        Assert.True(Demo.Departments.Count >= 6);
        Assert.All(Demo.Departments, d =>
        {
            Assert.False(string.IsNullOrWhiteSpace(d.Description));
            Assert.NotEmpty(d.Bottlenecks);
            Assert.NotEmpty(d.Delays);
            Assert.NotEmpty(d.InternalProblems);
        });
        Assert.True(Demo.People.Count >= 8);
        var departments = Demo.Departments.Select(d => d.Id).ToHashSet();
        Assert.All(Demo.People, p =>
        {
            Assert.False(string.IsNullOrWhiteSpace(p.Role));
            Assert.False(string.IsNullOrWhiteSpace(p.Email));
            Assert.Contains(p.DepartmentId!.Value, departments);
        });
    }

    [Fact]
    public void Personas_have_every_field_filled()
    {
        Assert.True(Demo.Personas.Count >= 3);
        var channels = Demo.Channels.Select(c => c.Id).ToHashSet();
        Assert.All(Demo.Personas, p =>
        {
            foreach (var text in new[] { p.Name, p.Initials, p.Quote, p.Description, p.AgeBand, p.Occupation, p.IncomeBand, p.Location, p.Household, p.PurchasingBehaviour })
                Assert.False(string.IsNullOrWhiteSpace(text), $"{p.Name} has an empty field");
            Assert.NotEmpty(p.Goals);
            Assert.NotEmpty(p.Needs);
            Assert.NotEmpty(p.Frustrations);
            Assert.NotEmpty(p.PreferredChannelIds);
            Assert.All(p.PreferredChannelIds, id => Assert.Contains(id, channels));
            Assert.NotNull(p.ShareOfCustomers);
            Assert.InRange(p.ShareOfCustomers!.Value, 1, 100);
        });
        Assert.True(Demo.Personas.Sum(p => p.ShareOfCustomers!.Value) <= 100);
        Assert.Equal(3, Demo.Personas.Select(p => p.OnlineAffinity).Distinct().Count());
    }

    [Fact]
    public void Touchpoint_inventory_is_broad_and_complete()
    {
        var tps = Demo.Touchpoints;
        Assert.True(tps.Count >= 45);
        Assert.True(tps.Select(t => t.ChannelId).Distinct().Count() >= 10);
        Assert.All(Demo.Phases, phase => Assert.Contains(tps, t => t.PhaseIds.Contains(phase.Id)));
        Assert.True(tps.Select(t => t.Category).Distinct().Count() >= 15);
        Assert.InRange(tps.Count(t => t.Category == TouchpointCategory.Custom), 1, 2);
        Assert.True(tps.Count(t => t.IsMomentOfTruth) >= 4);
        Assert.True(tps.Count(t => t.IsPainPoint) >= 4);
        Assert.True(tps.Count(t => t.IsBrandSuccessPoint) >= 4);
        Assert.Contains(tps, t => t.DesignCompliance == Compliance.NotCompliant || t.TonalityCompliance == Compliance.NotCompliant || t.ReactionTimeCompliance == Compliance.NotCompliant);
        Assert.Contains(tps, t => t.ReactionTimeCompliance == Compliance.Compliant);
        Assert.Equal(Enumerable.Range(1, 5), tps.Select(t => t.Relevance).Distinct().Order());
        var kebab = new Regex("^[a-z0-9]+(-[a-z0-9]+)+$");
        Assert.All(tps, t =>
        {
            Assert.False(string.IsNullOrWhiteSpace(t.Description));
            Assert.NotEmpty(t.PhaseIds);
            Assert.NotNull(t.DepartmentId);
            Assert.NotNull(t.OwnerId);
            Assert.NotEmpty(t.Tags);
            Assert.Matches(kebab, t.EventKey!);
        });
        Assert.Equal(tps.Count, tps.Select(t => t.EventKey).Distinct().Count());
        Assert.Equal(tps.Count, tps.Select(t => t.Name).Distinct().Count());
        Assert.Contains(tps, t => t.EventKey == "call-hotline");
        Assert.Contains(tps, t => t.EventKey == "web-product-page");
    }

    [Fact]
    public void Journeys_cover_the_three_scenarios_and_a_future_state()
    {
        var current = Demo.Journeys.Where(j => j.State == JourneyState.Current).ToList();
        Assert.Equal(3, current.Count);
        Assert.Equal([JourneyScenario.InitialPurchase, JourneyScenario.RepeatPurchase, JourneyScenario.ServiceCase], current.Select(j => j.Scenario));
        Assert.Equal(3, current.Select(j => j.PersonaId).Distinct().Count());
        Assert.Equal(Demo.Personas.Take(3).Select(p => (Guid?)p.Id), current.Select(j => j.PersonaId));
        var future = Assert.Single(Demo.Journeys, j => j.State == JourneyState.Future);
        Assert.Equal(JourneyScenario.InitialPurchase, future.Scenario);
        Assert.Equal(current[0].PersonaId, future.PersonaId);
    }

    [Fact]
    public void Journey_maps_are_filled_with_believable_steps()
    {
        var touchpoints = Demo.Touchpoints.ToDictionary(t => t.Id);
        foreach (var journey in Demo.Journeys)
        {
            Assert.InRange(journey.Stages.Count, 4, 6);
            Assert.All(journey.Stages, s =>
            {
                Assert.NotNull(s.PhaseId);
                Assert.InRange(s.Steps.Count, 3, 5);
            });
            var steps = journey.OrderedSteps.ToList();
            Assert.All(steps, s =>
            {
                Assert.False(string.IsNullOrWhiteSpace(s.Action));
                Assert.False(string.IsNullOrWhiteSpace(s.ThoughtsAndMotivation));
                Assert.NotNull(s.BackstageDepartmentId);
            });
            Assert.True(steps.Count(s => s.Questions is not null) >= steps.Count / 2);
            Assert.Contains(steps, s => s.Obstacles is not null);
            Assert.Contains(steps, s => s.WaitingMinutes > 0);
            Assert.Contains(steps, s => s.Notes is not null);
            Assert.Contains(steps, s => s.IsMomentOfTruth || s.IsPainPoint || s.IsBrandSuccessPoint);
            var channels = steps.SelectMany(s => s.TouchpointIds).Select(id => touchpoints[id].ChannelId).Distinct().Count();
            Assert.True(channels >= 2, $"{journey.Name} uses touchpoints of {channels} channel(s)");

            var curve = journey.EmotionCurve();
            Assert.Equal(steps.Count, curve.Points.Count);
            Assert.True(curve.Highest!.Emotion > curve.Lowest!.Emotion);
            if (journey.State == JourneyState.Current)
            {
                Assert.True(curve.Lowest.Emotion <= -2, $"{journey.Name} has no real low point");
                Assert.True(curve.Highest.Emotion >= 2);
            }
        }
        // The future state feels better than today.
        var initial = Demo.Journeys.Single(j => j.Scenario == JourneyScenario.InitialPurchase && j.State == JourneyState.Current);
        var future = Demo.Journeys.Single(j => j.State == JourneyState.Future);
        Assert.True(future.EmotionCurve().Average > initial.EmotionCurve().Average);
        Assert.True(future.EmotionCurve().Lowest!.Emotion > initial.EmotionCurve().Lowest!.Emotion);
    }

    [Fact]
    public void Most_touchpoints_are_evaluated_several_times_over_the_last_year()
    {
        var byTouchpoint = Demo.Evaluations.Where(e => e.TouchpointId is not null).GroupBy(e => e.TouchpointId!.Value).ToDictionary(g => g.Key, g => g.ToList());
        Assert.True(byTouchpoint.Count >= 0.8 * Demo.Touchpoints.Count, $"{byTouchpoint.Count} of {Demo.Touchpoints.Count} evaluated");
        Assert.All(byTouchpoint.Values, list =>
        {
            Assert.True(list.Count >= 2);
            Assert.True(list.Select(e => e.PersonaId).Distinct().Count() >= 2);
        });
        Assert.All(Demo.Evaluations, e =>
        {
            Assert.InRange(e.Score, 1, 10);
            Assert.InRange(e.EvaluatedOn, Today.AddMonths(-12), Today);
            Assert.NotNull(e.PersonaId);
            Assert.False(string.IsNullOrWhiteSpace(e.Expectation));
            Assert.False(string.IsNullOrWhiteSpace(e.Experience));
            Assert.NotNull(e.ExpectationLevel);
            Assert.NotNull(e.ExperienceLevel);
            Assert.False(string.IsNullOrWhiteSpace(e.Evaluator));
            Assert.False(string.IsNullOrWhiteSpace(e.Comment));
        });
        Assert.Equal(Enum.GetValues<EvaluationSource>().Length, Demo.Evaluations.Select(e => e.Source).Distinct().Count());
        Assert.True(Demo.Evaluations.Count(e => e.StepId is not null) >= 3);
        Assert.True(Demo.Evaluations.Select(e => e.Score).Distinct().Count() >= 8);
    }

    [Fact]
    public void Pain_points_score_low_and_brand_success_points_high()
    {
        double Mean(Func<Touchpoint, bool> which)
        {
            var ids = Demo.Touchpoints.Where(which).Select(t => t.Id).ToHashSet();
            return Demo.Evaluations.Where(e => e.TouchpointId is { } id && ids.Contains(id)).Average(e => e.Score);
        }
        var pain = Mean(t => t.IsPainPoint);
        var success = Mean(t => t.IsBrandSuccessPoint && !t.IsPainPoint);
        Assert.True(pain < 5, $"pain points average {pain}");
        Assert.True(success >= 7.5, $"brand success points average {success}");
        foreach (var t in Demo.Touchpoints.Where(t => t.IsPainPoint))
        {
            var score = CurrentScore.Of(Demo.Evaluations.Where(e => e.TouchpointId == t.Id));
            Assert.True(score.Overall is null or < 6.5, $"{t.Name} scores {score.Overall}");
        }
    }

    [Fact]
    public void Kpis_have_twelve_monthly_measurements_with_mixed_sources()
    {
        Assert.True(Demo.Kpis.Count >= 8);
        Assert.Contains(Demo.Kpis, k => k.Direction == KpiDirection.LowerIsBetter);
        Assert.Contains(Demo.Kpis, k => k.Direction == KpiDirection.HigherIsBetter);
        Assert.All(Demo.Kpis, k =>
        {
            Assert.NotNull(k.Target);
            Assert.NotNull(k.BestInClass);
            Assert.False(string.IsNullOrWhiteSpace(k.Unit));
            Assert.True(k.TouchpointId is not null || k.JourneyId is not null || k.ChannelId is not null || k.StepId is not null);
            // Best in class is at least as good as the target.
            Assert.True(k.Advantage(k.BestInClass!.Value, k.Target) >= 0, k.Name);
            var ms = Demo.Measurements.Where(m => m.KpiId == k.Id).OrderBy(m => m.MeasuredAt).ToList();
            Assert.Equal(12, ms.Count);
            Assert.Equal(12, ms.Select(m => (m.MeasuredAt.Year, m.MeasuredAt.Month)).Distinct().Count());
            Assert.All(ms, m => Assert.True(DateOnly.FromDateTime(m.MeasuredAt.UtcDateTime) <= Today));
            Assert.True(ms.Select(m => m.Value).Distinct().Count() >= 4, $"{k.Name} is flat");
        });
        var sources = Demo.Measurements.Select(m => m.Source).ToHashSet();
        Assert.Contains(MeasurementSource.Manual, sources);
        Assert.Contains(MeasurementSource.Api, sources);
        Assert.Contains(MeasurementSource.Import, sources);
    }

    [Fact]
    public void Some_kpis_meet_their_target_and_some_miss_it()
    {
        var performance = Demo.Kpis.Select(k => KpiPerformance.Of(k, Demo.Measurements.Where(m => m.KpiId == k.Id))).ToList();
        Assert.Contains(performance, p => p.MeetsTarget == true);
        Assert.Contains(performance, p => p.MeetsTarget == false);
        Assert.True(performance.Count(p => p.MeetsTarget == true) >= 3);
        Assert.True(performance.Count(p => p.MeetsTarget == false) >= 3);
        Assert.All(performance, p => Assert.Equal(12, p.Measurements));
        Assert.Contains(performance, p => p.Trend == KpiTrend.Improving);
    }

    [Fact]
    public void Improvements_include_actions_in_every_state_insights_and_ideas()
    {
        var actions = Demo.Improvements.Where(i => i.Kind == ImprovementKind.Action).ToList();
        Assert.True(actions.Count >= 12);
        Assert.True(Demo.Improvements.Count(i => i.Kind == ImprovementKind.Insight) >= 5);
        Assert.True(Demo.Improvements.Count(i => i.Kind == ImprovementKind.Idea) >= 5);
        Assert.All(actions, a =>
        {
            Assert.NotNull(a.OwnerId);
            Assert.True(a.TouchpointId is not null || a.StepId is not null);
            Assert.NotNull(a.Impact);
            Assert.NotNull(a.Effort);
        });
        Assert.Contains(actions, a => a.IsOverdue(Today));
        Assert.Contains(actions, a => a.Status == ImprovementStatus.Done);
        Assert.Contains(actions, a => a.Status == ImprovementStatus.InProgress);
        Assert.Contains(actions, a => a.Status == ImprovementStatus.Open && !a.IsOverdue(Today));
        Assert.True(actions.Select(a => a.Priority).Distinct().Count() >= 3);
    }

    [Fact]
    public void Leaves_pain_points_and_moments_of_truth_without_an_open_action()
    {
        var unaddressed = UnaddressedMoments.Find(Demo.Touchpoints, Demo.Journeys, Demo.Improvements);
        Assert.True(unaddressed.PainPoints >= 2, $"{unaddressed.PainPoints} unaddressed pain points");
        Assert.True(unaddressed.MomentsOfTruth >= 2);
        Assert.Contains(unaddressed.Items, i => i.Kind == "touchpoint" && i.IsPainPoint);
        Assert.Contains(unaddressed.Items, i => i.Kind == "step" && i.IsPainPoint);
        // … but the main pain points are being worked on.
        var all = Demo.Touchpoints.Count(t => t.IsPainPoint) + Demo.Journeys.SelectMany(j => j.OrderedSteps).Count(s => s.IsPainPoint);
        Assert.True(unaddressed.PainPoints < all);
    }

    [Fact]
    public void Every_reference_points_inside_the_content()
    {
        var phases = Demo.Phases.Select(x => x.Id).ToHashSet();
        var channels = Demo.Channels.Select(x => x.Id).ToHashSet();
        var departments = Demo.Departments.Select(x => x.Id).ToHashSet();
        var people = Demo.People.Select(x => x.Id).ToHashSet();
        var personas = Demo.Personas.Select(x => x.Id).ToHashSet();
        var touchpoints = Demo.Touchpoints.Select(x => x.Id).ToHashSet();
        var journeys = Demo.Journeys.Select(x => x.Id).ToHashSet();
        var steps = Demo.Journeys.SelectMany(j => j.OrderedSteps).Select(s => s.Id).ToHashSet();
        var kpis = Demo.Kpis.Select(x => x.Id).ToHashSet();

        static void In(Guid? id, HashSet<Guid> set, string what)
        {
            if (id is { } v) Assert.True(set.Contains(v), $"dangling {what} reference {v}");
        }

        foreach (var p in Demo.People) In(p.DepartmentId, departments, "department");
        foreach (var p in Demo.Personas)
            foreach (var c in p.PreferredChannelIds) In(c, channels, "channel");
        foreach (var t in Demo.Touchpoints)
        {
            In(t.ChannelId, channels, "channel");
            In(t.DepartmentId, departments, "department");
            In(t.OwnerId, people, "owner");
            foreach (var ph in t.PhaseIds) In(ph, phases, "phase");
        }
        foreach (var j in Demo.Journeys)
        {
            In(j.PersonaId, personas, "persona");
            foreach (var stage in j.Stages)
            {
                Assert.Equal(j.Id, stage.JourneyId);
                In(stage.PhaseId, phases, "phase");
                foreach (var s in stage.Steps)
                {
                    Assert.Equal(stage.Id, s.StageId);
                    In(s.BackstageDepartmentId, departments, "department");
                    foreach (var tp in s.TouchpointIds) In(tp, touchpoints, "touchpoint");
                }
            }
        }
        foreach (var e in Demo.Evaluations)
        {
            In(e.TouchpointId, touchpoints, "touchpoint");
            In(e.StepId, steps, "step");
            In(e.PersonaId, personas, "persona");
        }
        foreach (var k in Demo.Kpis)
        {
            In(k.TouchpointId, touchpoints, "touchpoint");
            In(k.StepId, steps, "step");
            In(k.JourneyId, journeys, "journey");
            In(k.ChannelId, channels, "channel");
        }
        foreach (var m in Demo.Measurements) In(m.KpiId, kpis, "kpi");
        foreach (var i in Demo.Improvements)
        {
            In(i.OwnerId, people, "owner");
            In(i.TouchpointId, touchpoints, "touchpoint");
            In(i.JourneyId, journeys, "journey");
            In(i.StepId, steps, "step");
            In(i.KpiId, kpis, "kpi");
            In(i.PersonaId, personas, "persona");
        }
        // A step an improvement points at lies in the journey it points at.
        foreach (var i in Demo.Improvements.Where(i => i.StepId is not null && i.JourneyId is not null))
            Assert.Contains(Demo.Journeys.Single(j => j.Id == i.JourneyId).OrderedSteps, s => s.Id == i.StepId);
    }

    [Fact]
    public void Ids_are_unique()
    {
        var ids = new List<Guid>();
        ids.AddRange(Demo.Phases.Select(x => x.Id));
        ids.AddRange(Demo.Channels.Select(x => x.Id));
        ids.AddRange(Demo.Departments.Select(x => x.Id));
        ids.AddRange(Demo.People.Select(x => x.Id));
        ids.AddRange(Demo.Personas.Select(x => x.Id));
        ids.AddRange(Demo.Touchpoints.Select(x => x.Id));
        ids.AddRange(Demo.Journeys.Select(x => x.Id));
        ids.AddRange(Demo.Journeys.SelectMany(j => j.Stages).Select(x => x.Id));
        ids.AddRange(Demo.Journeys.SelectMany(j => j.OrderedSteps).Select(x => x.Id));
        ids.AddRange(Demo.Evaluations.Select(x => x.Id));
        ids.AddRange(Demo.Kpis.Select(x => x.Id));
        ids.AddRange(Demo.Measurements.Select(x => x.Id));
        ids.AddRange(Demo.Improvements.Select(x => x.Id));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void Build_is_deterministic_for_a_given_day()
    {
        var a = DemoWorkspace.Build(today: Today);
        var b = DemoWorkspace.Build(today: Today);
        Assert.Equal(Fingerprint(a), Fingerprint(b));
        // A different day moves the dates, not the content.
        var later = DemoWorkspace.Build(today: Today.AddDays(30));
        Assert.Equal(a.Evaluations.Select(e => e.Score), later.Evaluations.Select(e => e.Score));
        Assert.True(later.Evaluations.Max(e => e.EvaluatedOn) > a.Evaluations.Max(e => e.EvaluatedOn));
    }

    [Theory]
    [InlineData("2024-02-29")]
    [InlineData("2025-01-01")]
    [InlineData("2025-12-31")]
    public void Builds_for_any_day_with_dates_up_to_that_day(string day)
    {
        var today = DateOnly.Parse(day);
        var content = DemoWorkspace.Build(today: today);
        Assert.All(content.Evaluations, e => Assert.InRange(e.EvaluatedOn, today.AddMonths(-13), today));
        Assert.All(content.Measurements, m => Assert.True(DateOnly.FromDateTime(m.MeasuredAt.UtcDateTime) <= today));
        Assert.Contains(content.Improvements, i => i.IsOverdue(today));
        var performance = content.Kpis.Select(k => KpiPerformance.Of(k, content.Measurements.Where(m => m.KpiId == k.Id))).ToList();
        Assert.Contains(performance, p => p.MeetsTarget == true);
        Assert.Contains(performance, p => p.MeetsTarget == false);
    }

    private static List<string> Fingerprint(WorkspaceContent c)
    {
        var lines = new List<string> { c.Workspace.Key, c.Workspace.Name };
        lines.AddRange(c.Phases.Select(x => $"phase {x.Position} {x.Name}"));
        lines.AddRange(c.Channels.Select(x => $"channel {x.Name} {x.Kind} {x.Reach}"));
        lines.AddRange(c.Departments.Select(x => $"department {x.Name} {string.Join("|", x.Bottlenecks)}"));
        lines.AddRange(c.People.Select(x => $"person {x.Name} {x.Role}"));
        lines.AddRange(c.Personas.Select(x => $"persona {x.Name} {x.ShareOfCustomers}"));
        lines.AddRange(c.Touchpoints.Select(x => $"touchpoint {x.EventKey} {x.Name} {x.Category} {x.Relevance} {x.IsMomentOfTruth}{x.IsPainPoint}{x.IsBrandSuccessPoint}"));
        lines.AddRange(c.Journeys.SelectMany(j => j.OrderedSteps.Select(s => $"step {j.Name} {s.Position} {s.Action} {s.Emotion} {s.WaitingMinutes} {s.TouchpointIds.Length}")));
        lines.AddRange(c.Evaluations.Select(x => $"evaluation {x.Score} {x.EvaluatedOn} {x.Source} {x.ExpectationLevel} {x.ExperienceLevel} {x.Comment}"));
        lines.AddRange(c.Kpis.Select(x => $"kpi {x.Name} {x.Target} {x.BestInClass}"));
        lines.AddRange(c.Measurements.Select(x => $"measurement {x.Value} {x.MeasuredAt:O} {x.Source}"));
        lines.AddRange(c.Improvements.Select(x => $"improvement {x.Kind} {x.Title} {x.Status} {x.DueOn}"));
        return lines;
    }

    [Fact]
    public void With_kpis_from_events_the_service_and_survey_kpis_are_bound_and_hold_no_typed_in_figures()
    {
        var fromEvents = DemoWorkspace.Build(today: Today, kpisFromEvents: true);
        var bound = fromEvents.Kpis.Where(k => k.Binding is not null).ToList();

        Assert.Equal(["Average handling time", "Average hotline waiting time", "Customer journeys started", "First-contact resolution", "Net Promoter Score"],
            bound.Select(k => k.Name).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(fromEvents.Measurements, m => bound.Any(k => k.Id == m.KpiId));
        Assert.Equal("call-hotline", bound.Single(k => k.Name == "Average hotline waiting time").Binding!.Touchpoint);
        // The other KPIs keep their year of figures; without events nothing is bound.
        Assert.Equal((fromEvents.Kpis.Count - bound.Count) * 12, fromEvents.Measurements.Count);
        Assert.DoesNotContain(Demo.Kpis, k => k.Binding is not null);
    }
}

