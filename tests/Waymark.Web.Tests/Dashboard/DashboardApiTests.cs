using System.Net.Http.Json;
using System.Text.Json;
using Waymark.Domain.Journeys;
using Waymark.Web.Tests.Kpis;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Dashboard;

/// <summary>
/// A small workspace built by hand, with every dashboard figure worked out on paper (today is 15 March 2026):
///
/// | touchpoint   | channel | phases              | relevance | evaluations                       | current | quadrant           | flags       | actions           |
/// |--------------|---------|---------------------|-----------|-----------------------------------|---------|--------------------|-------------|-------------------|
/// | Hotline      | phone   | Purchase            | 5         | 8 on 2025-11-10, 4 on 2026-03-01  | 4       | concentrateHere    | pain        | –                 |
/// | Web shop     | web     | Awareness, Purchase | 4         | 7 and 9 on 2026-01-05             | 8       | keepUpTheGoodWork  | –           | –                 |
/// | Newsletter   | web     | Awareness           | 2         | 3 on 2025-12-20                   | 3       | lowPriority        | pain, MoT   | an idea only      |
/// | Catalogue    | web     | Awareness           | 1         | 6 on 2026-02-01                   | 6       | possibleOverkill   | –           | –                 |
/// | Store visit  | phone   | Purchase            | 3         | 5 and 6 on 2026-03-10             | 5.5     | keepUpTheGoodWork  | MoT         | done              |
/// | Review portal| web     | –                   | 3         | none                              | –       | (not on the grid)  | MoT         | open, overdue     |
///
/// CX score = (4 + 8 + 3 + 6 + 5.5) / 5 = 5.3. Trend at month ends: Oct none; Nov 8 (Hotline only); Dec (8 + 3) / 2 = 5.5;
/// Jan (8 + 8 + 3) / 3 = 6.33; Feb (8 + 8 + 3 + 6) / 4 = 6.25; Mar 5.3.
/// Phases: Awareness (8 + 3 + 6) / 3 = 5.67; Purchase (4 + 8 + 5.5) / 3 = 5.83; others none.
/// Channels: phone (4 + 5.5) / 2 = 4.75; web (8 + 3 + 6) / 3 = 5.67 over 4 touchpoints.
/// Journey "Repair": "Waits on hold" (pain, only a discarded action), "Hands in the TV" (MoT, action in progress), "Collects the TV".
/// Unaddressed: Hotline, Newsletter, Store visit, "Waits on hold" → 3 pain points (Hotline, Newsletter, step), 2 moments of truth (Newsletter, Store visit).
/// Actions: 4 = open 1, in progress 1, done 1, discarded 1; overdue 1.
/// </summary>
public sealed class DashboardApiTests(WaymarkApiFactory factory) : ApiTest(factory)
{
    private static readonly DateOnly Today = new(2026, 3, 15);

    private async Task<(Guid Hotline, Guid WebShop, Guid Newsletter, Guid Catalogue, Guid StoreVisit, Guid ReviewPortal, Guid Step)> BuildWorkspace()
    {
        var phases = await PhaseIds();
        Guid awareness = phases[0], purchase = phases[2];
        var (phone, _) = await CreateChannel("Phone hotline");
        var (web, _) = await CreateChannel("Website", "digital");
        var hotline = MapSeed.Touchpoint(Factory, Workspace, "Hotline", phone, 5, [purchase], painPoint: true);
        var webShop = MapSeed.Touchpoint(Factory, Workspace, "Web shop", web, 4, [awareness, purchase]);
        var newsletter = MapSeed.Touchpoint(Factory, Workspace, "Newsletter", web, 2, [awareness], painPoint: true, momentOfTruth: true);
        var catalogue = MapSeed.Touchpoint(Factory, Workspace, "Catalogue", web, 1, [awareness]);
        var storeVisit = MapSeed.Touchpoint(Factory, Workspace, "Store visit", phone, 3, [purchase], momentOfTruth: true);
        var reviewPortal = MapSeed.Touchpoint(Factory, Workspace, "Review portal", web, 3, momentOfTruth: true);
        void Evaluate(Guid tp, int score, string on) => MapSeed.Evaluate(Factory, Workspace, tp, score, DateOnly.Parse(on));
        Evaluate(hotline, 8, "2025-11-10");
        Evaluate(hotline, 4, "2026-03-01");
        Evaluate(webShop, 7, "2026-01-05");
        Evaluate(webShop, 9, "2026-01-05");
        Evaluate(newsletter, 3, "2025-12-20");
        Evaluate(catalogue, 6, "2026-02-01");
        Evaluate(storeVisit, 5, "2026-03-10");
        Evaluate(storeVisit, 6, "2026-03-10");
        var (journey, steps) = MapSeed.Journey(Factory, Workspace, "Repair",
            new StepContent("Waits on hold", IsPainPoint: true), new StepContent("Hands in the TV", IsMomentOfTruth: true), new StepContent("Collects the TV"));

        var owner = (await PostOk($"{Api}/people", new { name = "Anna Berg" })).GetProperty("id").GetGuid();
        await PostOk($"{Api}/ideas", new { title = "Fewer newsletters", touchpointId = newsletter });
        await PostOk($"{Api}/actions", new { title = "Answer every review", touchpointId = reviewPortal, dueOn = "2026-03-01" });
        await PostOk($"{Api}/actions", new { title = "Friendlier store welcome", touchpointId = storeVisit, dueOn = "2026-01-01", status = "done" });
        await PostOk($"{Api}/actions", new { title = "Receipt for handed-in TVs", journeyId = journey, stepId = steps[1], dueOn = "2026-04-01", status = "inProgress", ownerId = owner });
        await PostOk($"{Api}/actions", new { title = "Hold music", stepId = steps[0], dueOn = "2026-02-01", status = "discarded" });
        return (hotline, webShop, newsletter, catalogue, storeVisit, reviewPortal, steps[0]);
    }

    private async Task<JsonElement> Dashboard(string? workspace = null) =>
        await MapSeed.ClientAt(Factory, Today).GetFromJsonAsync<JsonElement>($"/api/workspaces/{workspace ?? Workspace}/dashboard");

    [Fact]
    public async Task The_cx_score_its_trend_and_the_averages_by_phase_and_channel_match_the_hand_worked_figures()
    {
        await BuildWorkspace();
        var d = await Dashboard();

        Assert.Equal("2026-03-15", d.GetProperty("today").GetString());
        var cx = d.GetProperty("cxScore");
        Assert.Equal(5.3, cx.GetProperty("score").GetDouble());
        Assert.Equal(5, cx.GetProperty("evaluatedTouchpoints").GetInt32());
        Assert.Equal(6, cx.GetProperty("touchpoints").GetInt32());
        var trend = cx.GetProperty("trend").EnumerateArray().Select(p => (p.GetProperty("month").GetString(), Score(p))).ToList();
        Assert.Equal([("2025-10", null), ("2025-11", 8), ("2025-12", 5.5), ("2026-01", 6.33), ("2026-02", 6.25), ("2026-03", 5.3)], trend);
        Assert.Equal("2026-02-28", cx.GetProperty("trend")[4].GetProperty("asOf").GetString());

        var phases = d.GetProperty("byPhase").EnumerateArray().Select(p => (p.GetProperty("name").GetString(), Score(p), p.GetProperty("touchpoints").GetInt32())).ToList();
        Assert.Equal([("Awareness", 5.67, 3), ("Consideration", null, 0), ("Purchase", 5.83, 3), ("Usage/Service", null, 0), ("Advocacy", null, 0)], phases);
        var channels = d.GetProperty("byChannel").EnumerateArray()
            .Select(c => (c.GetProperty("name").GetString(), Score(c), c.GetProperty("touchpoints").GetInt32(), c.GetProperty("evaluatedTouchpoints").GetInt32())).ToList();
        Assert.Equal([("Phone hotline", 4.75, 2, 2), ("Website", 5.67, 4, 3)], channels);
    }

    [Fact]
    public async Task The_importance_performance_grid_puts_each_evaluated_touchpoint_in_its_quadrant()
    {
        var ids = await BuildWorkspace();
        var grid = (await Dashboard()).GetProperty("importancePerformance");
        Assert.Equal(5, grid.GetProperty("touchpoints").GetInt32());
        var quadrants = grid.GetProperty("quadrants");
        Assert.Equal((1, 2, 1, 1), (quadrants.GetProperty("concentrateHere").GetInt32(), quadrants.GetProperty("keepUpTheGoodWork").GetInt32(),
            quadrants.GetProperty("lowPriority").GetInt32(), quadrants.GetProperty("possibleOverkill").GetInt32()));
        // One touchpoint per cell here: each cell names it; the most relevant first.
        var cells = grid.GetProperty("cells").EnumerateArray()
            .Select(c => (c.GetProperty("examples")[0].GetProperty("touchpointId").GetGuid(), c.GetProperty("examples")[0].GetProperty("name").GetString(),
                c.GetProperty("relevance").GetInt32(), c.GetProperty("score").GetDouble(), c.GetProperty("quadrant").GetString(), c.GetProperty("touchpoints").GetInt32()))
            .ToList();
        Assert.Equal(
        [
            (ids.Hotline, "Hotline", 5, 4.0, "concentrateHere", 1),
            (ids.WebShop, "Web shop", 4, 8.0, "keepUpTheGoodWork", 1),
            (ids.StoreVisit, "Store visit", 3, 5.5, "keepUpTheGoodWork", 1),
            (ids.Newsletter, "Newsletter", 2, 3.0, "lowPriority", 1),
            (ids.Catalogue, "Catalogue", 1, 6.0, "possibleOverkill", 1),
        ], cells);
        Assert.Equal([ids.Hotline], grid.GetProperty("concentrateHere").EnumerateArray().Select(p => p.GetProperty("touchpointId").GetGuid()));

        // Every point, a page at a time, the most in need of attention first; or one quadrant's.
        var all = await GetOk($"{Api}/importance-performance?pageSize=2");
        Assert.Equal((5, 1, 2), (all.GetProperty("total").GetInt32(), all.GetProperty("page").GetInt32(), all.GetProperty("pageSize").GetInt32()));
        Assert.Equal([ids.Hotline, ids.WebShop], all.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("touchpointId").GetGuid()));
        var good = await GetOk($"{Api}/importance-performance?quadrant=keepUpTheGoodWork");
        Assert.Equal([(ids.WebShop, 4, 8.0), (ids.StoreVisit, 3, 5.5)], good.GetProperty("items").EnumerateArray()
            .Select(p => (p.GetProperty("touchpointId").GetGuid(), p.GetProperty("relevance").GetInt32(), p.GetProperty("score").GetDouble())));
        await Problem(await Client.GetAsync($"{Api}/importance-performance?pageSize=501"), 400);
        await Problem(await Client.GetAsync($"{Api}/importance-performance?quadrant=somewhere"), 400);
    }

    [Fact]
    public async Task The_trend_equals_the_score_from_every_evaluation_up_to_each_month_end_for_random_histories_with_personas()
    {
        var (channel, _) = await CreateChannel("Branches");
        var personas = new Guid?[] { null, MapSeed.Persona(Factory, Workspace, "Student"), MapSeed.Persona(Factory, Workspace, "Family") };
        var rng = new Random(11);
        var evaluations = new List<(Guid Touchpoint, Guid? Persona, DateOnly On, int Score)>();
        var touchpoints = Enumerable.Range(0, 12).Select(i => MapSeed.Touchpoint(Factory, Workspace, $"Branch {i}", channel)).ToList();
        using (var db = Factory.OpenDb())
        {
            var ws = db.Workspaces.Single(w => w.Key == Workspace).Id;
            foreach (var tp in touchpoints.Take(10))
                for (var n = rng.Next(1, 25); n > 0; n--)
                {
                    // Two years up to today, some on the same day, some on the trend's month ends.
                    var on = rng.Next(5) == 0 ? new DateOnly(2026, rng.Next(1, 3), 1).AddDays(-1) : Today.AddDays(-rng.Next(0, 730));
                    var e = (tp, personas[rng.Next(personas.Length)], on, rng.Next(1, 11));
                    evaluations.Add(e);
                    db.Evaluations.Add(new Waymark.Domain.Evaluations.Evaluation(ws, new Waymark.Domain.Evaluations.EvaluationContent(
                        e.Item4, e.on, TouchpointId: tp, PersonaId: e.Item2)));
                }
            db.SaveChanges();
        }

        var trend = (await Dashboard()).GetProperty("cxScore").GetProperty("trend").EnumerateArray()
            .Select(p => (p.GetProperty("asOf").GetString()!, Score(p))).ToList();

        var expected = new[] { "2025-10-31", "2025-11-30", "2025-12-31", "2026-01-31", "2026-02-28", "2026-03-31" }.Select(end =>
        {
            var day = DateOnly.Parse(end);
            var scores = touchpoints.Select(tp => Waymark.Domain.Evaluations.CurrentScore.FromLatest(Waymark.Domain.Evaluations.LatestEvaluations.Of(
                    evaluations.Where(e => e.Touchpoint == tp).Select(e => new Waymark.Domain.Evaluations.EvaluationScore(e.Persona, e.On, e.Score, null)), day)).Overall)
                .Where(s => s is not null).Select(s => s!.Value).ToList();
            return (end, scores.Count == 0 ? (double?)null : Math.Round(scores.Average(), 2));
        }).ToList();
        Assert.Equal(expected, trend);
    }

    [Fact]
    public async Task Touchpoints_close_together_on_the_grid_share_one_cell_so_the_dashboard_stays_the_same_size()
    {
        var (channel, _) = await CreateChannel("Shops");
        // 30 touchpoints of relevance 4 scoring 3 (a quarter point apart at most), 10 of relevance 4 scoring 9.
        for (var i = 0; i < 40; i++)
        {
            var tp = MapSeed.Touchpoint(Factory, Workspace, $"Shop {i:00}", channel, 4);
            MapSeed.Evaluate(Factory, Workspace, tp, i < 30 ? 3 : 9, new DateOnly(2026, 3, 1));
        }
        var grid = (await Dashboard()).GetProperty("importancePerformance");
        Assert.Equal(40, grid.GetProperty("touchpoints").GetInt32());
        var cells = grid.GetProperty("cells").EnumerateArray().ToList();
        Assert.Equal([(4, 3.0, "concentrateHere", 30), (4, 9.0, "keepUpTheGoodWork", 10)], cells
            .Select(c => (c.GetProperty("relevance").GetInt32(), c.GetProperty("score").GetDouble(), c.GetProperty("quadrant").GetString(), c.GetProperty("touchpoints").GetInt32())));
        Assert.Equal(["Shop 00", "Shop 01", "Shop 02"], cells[0].GetProperty("examples").EnumerateArray().Select(e => e.GetProperty("name").GetString()));
        Assert.Equal(10, grid.GetProperty("concentrateHere").GetArrayLength());
        Assert.Equal(40, (await GetOk($"{Api}/importance-performance?pageSize=500")).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Unaddressed_moments_and_action_progress_are_counted_on_the_dashboard_and_on_their_own()
    {
        var ids = await BuildWorkspace();
        // Another workspace's pain points never count here.
        var other = await MapSeed.OtherWorkspace(Client);
        var theirChannel = (await PostOk($"/api/workspaces/{other}/channels", new { name = "Phone", kind = "analog", reach = "direct" })).GetProperty("id").GetGuid();
        MapSeed.Touchpoint(Factory, other, "Their hotline", theirChannel, painPoint: true, momentOfTruth: true);

        var d = await Dashboard();
        var unaddressed = d.GetProperty("unaddressed");
        Assert.Equal(3, unaddressed.GetProperty("painPoints").GetInt32());
        Assert.Equal(2, unaddressed.GetProperty("momentsOfTruth").GetInt32());
        Assert.Equal((4, 1), (unaddressed.GetProperty("total").GetInt32(), unaddressed.GetProperty("both").GetInt32()));
        var items = unaddressed.GetProperty("items").EnumerateArray()
            .Select(i => (i.GetProperty("kind").GetString(), i.GetProperty("id").GetGuid(), i.GetProperty("name").GetString())).ToList();
        Assert.Equal([("touchpoint", ids.Hotline, "Hotline"), ("touchpoint", ids.Newsletter, "Newsletter"), ("touchpoint", ids.StoreVisit, "Store visit"), ("step", ids.Step, "Waits on hold")], items);
        Assert.NotEqual(JsonValueKind.Null, unaddressed.GetProperty("items")[3].GetProperty("journeyId").ValueKind);

        var actions = d.GetProperty("actions");
        Assert.Equal((4, 1, 1, 1, 1, 1), (actions.GetProperty("total").GetInt32(), actions.GetProperty("open").GetInt32(), actions.GetProperty("inProgress").GetInt32(),
            actions.GetProperty("done").GetInt32(), actions.GetProperty("discarded").GetInt32(), actions.GetProperty("overdue").GetInt32()));

        var alone = await GetOk($"{Api}/unaddressed-moments");
        Assert.Equal(3, alone.GetProperty("painPoints").GetInt32());
        Assert.Equal(2, alone.GetProperty("momentsOfTruth").GetInt32());
        Assert.Equal(4, alone.GetProperty("items").GetArrayLength());
        var theirs = await GetOk($"/api/workspaces/{other}/unaddressed-moments");
        Assert.Equal((1, 1, 1), (theirs.GetProperty("painPoints").GetInt32(), theirs.GetProperty("momentsOfTruth").GetInt32(), theirs.GetProperty("items").GetArrayLength()));
    }

    [Fact]
    public async Task The_kpis_furthest_from_target_are_the_five_worst_misses_relative_to_their_target()
    {
        async Task<Guid> Kpi(string name, string direction, double? target, double actual)
        {
            var id = (await PostOk($"{Api}/kpis", new { name, unit = "x", direction, target })).GetProperty("id").GetGuid();
            await PostOk($"{Api}/kpis/measurements", new object[] { new { kpiId = id, value = actual, measuredAt = "2026-03-01T00:00:00Z" } });
            return id;
        }
        var csat = await Kpi("CSAT", "higherIsBetter", 80, 60);          // −0.25
        var aht = await Kpi("Handling time", "lowerIsBetter", 300, 450);  // −0.5
        await Kpi("Conversion", "higherIsBetter", 50, 55);                // meets target
        await Kpi("Calls", "higherIsBetter", null, 10);                   // no target
        var fcr = await Kpi("First call resolution", "higherIsBetter", 10, 9); // −0.1
        var k97 = await Kpi("Reach", "higherIsBetter", 100, 97);          // −0.03
        var k98 = await Kpi("Open rate", "higherIsBetter", 100, 98);      // −0.02
        await Kpi("Click rate", "higherIsBetter", 100, 99);               // −0.01, sixth worst: left out

        var worst = (await Dashboard()).GetProperty("kpisFurthestFromTarget").EnumerateArray().ToList();
        Assert.Equal([aht, csat, fcr, k97, k98], worst.Select(k => k.GetProperty("id").GetGuid()));
        Assert.Equal(-150, worst[0].GetProperty("versusTarget").GetDouble());
        Assert.Equal(-0.5, worst[0].GetProperty("versusTargetRelative").GetDouble());
        Assert.Equal("lowerIsBetter", worst[0].GetProperty("direction").GetString());
        Assert.Equal(450, worst[0].GetProperty("actual").GetDouble());
    }

    [Fact]
    public async Task An_empty_workspace_has_a_dashboard_without_figures_and_unknown_workspaces_answer_404()
    {
        var d = await Dashboard();
        Assert.Equal(JsonValueKind.Null, d.GetProperty("cxScore").GetProperty("score").ValueKind);
        Assert.Equal(6, d.GetProperty("cxScore").GetProperty("trend").GetArrayLength());
        Assert.Equal(5, d.GetProperty("byPhase").GetArrayLength());
        Assert.Equal(0, d.GetProperty("importancePerformance").GetProperty("touchpoints").GetInt32());
        Assert.Empty(d.GetProperty("importancePerformance").GetProperty("cells").EnumerateArray());
        Assert.Empty(d.GetProperty("importancePerformance").GetProperty("concentrateHere").EnumerateArray());
        Assert.Empty(d.GetProperty("kpisFurthestFromTarget").EnumerateArray());
        Assert.Equal(0, d.GetProperty("unaddressed").GetProperty("painPoints").GetInt32());
        Assert.Equal(0, d.GetProperty("actions").GetProperty("total").GetInt32());

        await Problem(await Client.GetAsync("/api/workspaces/no-such-workspace/dashboard"), 404);
        await Problem(await Client.GetAsync("/api/workspaces/no-such-workspace/unaddressed-moments"), 404);
        await Problem(await Client.GetAsync("/api/workspaces/no-such-workspace/importance-performance"), 404);
    }

    private static double? Score(JsonElement e) =>
        e.GetProperty("score").ValueKind == JsonValueKind.Null ? null : e.GetProperty("score").GetDouble();
}
