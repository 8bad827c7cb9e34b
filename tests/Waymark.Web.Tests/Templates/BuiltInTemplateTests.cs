using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Journeys;
using Waymark.Domain.Touchpoints;
using Waymark.Storage.Templates;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Templates;

/// <summary>Every built-in template, created through POST /api/workspaces and read back from the database.</summary>
public sealed class BuiltInTemplateTests(WaymarkApiFactory factory) : ApiTest(factory)
{
    public static TheoryData<string> Names => new(BuiltInTemplates.Names);

    [Fact]
    public void The_six_industries_are_built_in()
    {
        Assert.Superset(new HashSet<string> { "retail", "telecom", "banking", "insurance", "energy", "b2b-software" }, BuiltInTemplates.Names.ToHashSet());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task A_template_gives_a_workspace_with_its_whole_model_and_no_targets_or_figures(string template)
    {
        var key = $"{template}-{Guid.NewGuid():N}"[..30].TrimEnd('-');
        var created = await PostOk("/api/workspaces", new { key, name = "From " + template, template });
        Assert.Equal(key, created.GetProperty("key").GetString());

        await using var db = Factory.OpenDb();
        var ws = (await db.Workspaces.SingleAsync(w => w.Key == key)).Id;
        var touchpoints = await db.Touchpoints.Where(t => t.WorkspaceId == ws).ToListAsync();
        Assert.True(touchpoints.Count >= 30, $"{template}: {touchpoints.Count} touchpoints");
        var categories = touchpoints.Select(t => t.Category).Where(c => c != TouchpointCategory.Custom).ToHashSet();
        Assert.Equal(20, categories.Count);
        Assert.True(await db.Phases.CountAsync(p => p.WorkspaceId == ws) >= 4);
        Assert.True(await db.Channels.CountAsync(c => c.WorkspaceId == ws) >= 6);
        Assert.True(await db.Departments.CountAsync(d => d.WorkspaceId == ws) >= 4);
        Assert.Equal(2, await db.Personas.CountAsync(p => p.WorkspaceId == ws));

        var journey = await db.Journeys.Include(j => j.Stages).ThenInclude(s => s.Steps).SingleAsync(j => j.WorkspaceId == ws);
        Assert.Equal(JourneyState.Current, journey.State);
        Assert.NotNull(journey.PersonaId);
        var steps = journey.OrderedSteps.ToList();
        Assert.True(journey.Stages.Count >= 4 && steps.Count >= 8, $"{template}: {journey.Stages.Count} stages, {steps.Count} steps");
        Assert.All(journey.Stages, s => Assert.NotNull(s.PhaseId));
        Assert.All(steps, s => Assert.NotEmpty(s.TouchpointIds));
        Assert.All(steps.SelectMany(s => s.TouchpointIds), id => Assert.Contains(touchpoints, t => t.Id == id));
        Assert.Contains(steps, s => s.IsPainPoint);
        Assert.Contains(steps, s => s.IsMomentOfTruth);
        Assert.Contains(touchpoints, t => t.IsPainPoint);
        Assert.Contains(touchpoints, t => t.IsMomentOfTruth);

        var kpis = await db.Kpis.Where(k => k.WorkspaceId == ws).ToListAsync();
        Assert.True(kpis.Count >= 6, $"{template}: {kpis.Count} KPIs");
        Assert.All(kpis, k =>
        {
            Assert.Null(k.Target);
            Assert.Null(k.BestInClass);
            Assert.Contains("not set", k.Description);
            Assert.False(string.IsNullOrWhiteSpace(k.Unit));
        });
        Assert.Contains(kpis, k => k.Direction == Domain.Kpis.KpiDirection.LowerIsBetter);
        Assert.Contains(kpis, k => k.Direction == Domain.Kpis.KpiDirection.HigherIsBetter);

        Assert.Equal(0, await db.Evaluations.CountAsync(e => e.WorkspaceId == ws));
        Assert.Equal(0, await db.KpiMeasurements.CountAsync(m => m.WorkspaceId == ws));
        Assert.Equal(0, await db.Improvements.CountAsync(i => i.WorkspaceId == ws));
        Assert.Equal(0, await db.People.CountAsync(p => p.WorkspaceId == ws));
    }
}
