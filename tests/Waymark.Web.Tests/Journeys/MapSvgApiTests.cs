using System.Net;
using System.Xml.Linq;
using Waymark.Domain.Evaluations;
using Waymark.Domain.Improvements;
using Waymark.Domain.Journeys;
using Waymark.Domain.Kpis;
using Waymark.Domain.Organisation;
using Waymark.Domain.Personas;
using Waymark.Domain.Touchpoints;
using Waymark.Storage.Access;
using Waymark.Web.Tests.Kpis;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Journeys;

/// <summary>A journey map downloaded as a standalone SVG file: what it shows, who may have it, and that nothing a user typed escapes into the markup.</summary>
public sealed class MapSvgApiTests(WaymarkApiFactory factory) : ApiTest(factory)
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private sealed record Seeded(Guid JourneyId, string[] Actions, string[] Stages, string[] Touchpoints);

    /// <summary>A map with two channels, touchpoints in three score bands, a persona, flags, a backstage department, a KPI and an action on its steps.</summary>
    private async Task<Seeded> SeedAsync(string name = "First TV purchase", Func<string, string>? typed = null)
    {
        typed ??= s => s;
        await using var db = Factory.OpenDb();
        var ws = db.Workspaces.Single(w => w.Key == Workspace).Id;
        var phone = new Channel(ws, typed("Phone"), ChannelKind.Analog, ChannelReach.Direct);
        var web = new Channel(ws, typed("Website"), ChannelKind.Digital, ChannelReach.Direct);
        db.Channels.AddRange(phone, web);
        Touchpoint Tp(string tpName, Channel channel) => new(ws, new TouchpointProfile(typed(tpName), channel.Id, TouchpointCategory.SupportChannels));
        var hotline = Tp("Service hotline", phone);
        var shop = Tp("Online shop", web);
        var reviews = Tp("Review portal", web);
        db.Touchpoints.AddRange(hotline, shop, reviews);
        var on = new DateOnly(2026, 3, 1);
        db.Evaluations.AddRange(
            new Evaluation(ws, new EvaluationContent(3, on, TouchpointId: hotline.Id)),
            new Evaluation(ws, new EvaluationContent(9, on, TouchpointId: shop.Id)));
        var persona = new Persona(ws, typed("Tech-savvy Tim"));
        var service = new Department(ws, typed("Customer service"));
        var owner = new Person(ws, typed("Dana Owner"));
        db.AddRange(persona, service, owner);

        var journey = new Journey(ws, typed(name), JourneyScenario.InitialPurchase);
        journey.Describe(journey.Name, typed("From the 2025 store interviews."), JourneyScenario.InitialPurchase, null, persona.Id, JourneyState.Future);
        var orient = journey.AddStage(typed("Orientation"));
        var buy = journey.AddStage(typed("Purchase"));
        var wait = journey.AddStage(typed("Delivery"));
        journey.AddStep(orient.Id, new StepContent(typed("Compares TVs online"), ThoughtsAndMotivation: typed("Which size fits the room?"),
            Emotion: 1, TouchpointIds: [shop.Id, reviews.Id], IsBrandSuccessPoint: true));
        var call = journey.AddStep(orient.Id, new StepContent(typed("Calls the hotline"), Questions: typed("Is it in stock?"), Obstacles: typed("Long queue"),
            Emotion: -2, TouchpointIds: [hotline.Id], BackstageDepartmentId: service.Id, WaitingMinutes: 12, IsPainPoint: true));
        journey.AddStep(buy.Id, new StepContent(typed("Orders the TV"), Emotion: 2, TouchpointIds: [shop.Id], IsMomentOfTruth: true));
        db.Journeys.Add(journey);
        db.Kpis.Add(new Kpi(ws, new KpiDefinition(typed("Hotline waiting time"), "min", KpiDirection.LowerIsBetter, Target: 2, StepId: call.Id)));
        db.Improvements.Add(new Improvement(ws, ImprovementKind.Action, new ImprovementContent(typed("Call-back instead of queue"), OwnerId: owner.Id, StepId: call.Id)));
        await db.SaveChangesAsync();
        return new Seeded(journey.Id, [typed("Compares TVs online"), typed("Calls the hotline"), typed("Orders the TV")],
            [typed("Orientation"), typed("Purchase"), typed("Delivery")], [typed("Service hotline"), typed("Online shop"), typed("Review portal")]);
    }

    private string SvgPath(Guid id) => $"{Api}/journeys/{id}/map.svg";

    private static string Texts(XDocument svg) => string.Join("\n", svg.Descendants(Svg + "text").Select(t => t.Value));

    [Fact]
    public async Task The_map_downloads_as_an_svg_file_named_after_the_journey_with_its_stages_steps_and_touchpoints()
    {
        var map = await SeedAsync();
        var response = await Client.GetAsync(SvgPath(map.JourneyId));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("First TV purchase.svg", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));

        var svg = XDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = svg.Root!;
        Assert.Equal(Svg + "svg", root.Name);
        Assert.Equal($"0 0 {root.Attribute("width")!.Value} {root.Attribute("height")!.Value}", root.Attribute("viewBox")!.Value);
        Assert.Equal("#fff", svg.Descendants(Svg + "rect").First().Attribute("fill")!.Value);
        // Self-contained: nothing is fetched from anywhere when the file is opened.
        Assert.DoesNotContain(svg.Descendants(), e => e.Name.LocalName is "image" or "script" or "style" or "foreignObject" or "use");
        Assert.DoesNotContain(svg.Descendants().Attributes(), a => a.Name.LocalName == "href");

        var texts = Texts(svg);
        Assert.Contains("First TV purchase", texts);
        Assert.Contains("Persona: Tech-savvy Tim · Future state", texts);
        Assert.Contains("From the 2025 store interviews.", texts);
        foreach (var text in map.Actions.Concat(map.Stages).Concat(map.Touchpoints)) Assert.Contains(text, texts);
        foreach (var text in new[] { "Which size fits the room?", "Is it in stock?", "Long queue", "Customer service", "waits 12 minutes",
                     "★ Moment of truth", "⚠ Pain point", "✓ Brand success", "Hotline waiting time", "Call-back instead of queue", "Dana Owner", "Phone", "Website" })
            Assert.Contains(text, texts);

        // Touchpoints are coloured by the band of their current score: hotline 3 falls short, shop 9 exceeds, reviews not evaluated.
        string BandOf(string touchpoint) => svg.Descendants(Svg + "g")
            .Where(g => g.Attribute("class")?.Value.StartsWith("touchpoint ") == true && g.Element(Svg + "title")!.Value.StartsWith(touchpoint + ":"))
            .Select(g => g.Attribute("class")!.Value).Distinct().Single();
        Assert.Equal("touchpoint band-FallsShort", BandOf("Service hotline"));
        Assert.Equal("touchpoint band-Exceeds", BandOf("Online shop"));
        Assert.Equal("touchpoint band-NotEvaluated", BandOf("Review portal"));

        // The emotion curve: one point per step in map order, and a line through them.
        var points = svg.Descendants(Svg + "g").Where(g => g.Attribute("class")?.Value == "emotion-point").ToList();
        Assert.Equal(["1", "-2", "2"], points.Select(p => p.Attribute("data-emotion")!.Value));
        var line = svg.Descendants(Svg + "path").Single(p => p.Attribute("class")?.Value == "emotion-line").Attribute("d")!.Value;
        Assert.StartsWith("M", line);
        Assert.Equal(2, line.Count(c => c == 'C'));
    }

    [Fact]
    public async Task Only_the_lanes_the_map_shows_are_drawn_in_its_order()
    {
        var map = await SeedAsync();
        var journey = await GetOk($"{Api}/journeys/{map.JourneyId}");
        await PutOk($"{Api}/journeys/{map.JourneyId}/lanes", new { lanes = new[] { "obstacles", "emotion" }, version = journey.GetProperty("version").GetInt32() });

        var svg = XDocument.Parse(await Client.GetStringAsync(SvgPath(map.JourneyId)));
        var texts = Texts(svg);
        Assert.Contains("Long queue", texts);
        Assert.DoesNotContain("Which size fits the room?", texts);
        Assert.DoesNotContain("Service hotline", texts);
        Assert.DoesNotContain("Hotline waiting time", texts);
        Assert.True(texts.IndexOf("Obstacles", StringComparison.Ordinal) < texts.IndexOf("Emotion curve", StringComparison.Ordinal));
        // Without the actions lane the step heads name the steps, as on the page.
        foreach (var action in map.Actions) Assert.Contains(action, texts);
    }

    [Fact]
    public async Task What_users_typed_is_escaped_so_the_file_parses_and_holds_no_markup_of_theirs()
    {
        // Control characters are refused when typed (Guard); U+FFFE is not one, yet XML cannot hold it either.
        const string evil = "<script>alert(1)</script> \"quoted\" & ]]> \uFFFE end";
        var map = await SeedAsync(name: "Map", typed: s => $"{s} {evil}");
        var response = await Client.GetAsync(SvgPath(map.JourneyId));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();

        var svg = XDocument.Parse(text);
        Assert.DoesNotContain(svg.Descendants(), e => e.Name.LocalName == "script" || e.Name.Namespace != Svg);
        Assert.DoesNotContain("<script", text);
        Assert.DoesNotContain("]]>", text);
        // Shown as the text it is wherever it was typed, less the characters XML cannot hold.
        var texts = Texts(svg);
        const string shown = "<script>alert(1)</script> \"quoted\" & ]]> end";
        foreach (var typed in new[] { "Map", "Tech-savvy Tim", "From the 2025 store interviews.", "Orientation", "Purchase", "Delivery",
                     "Compares TVs online", "Calls the hotline", "Orders the TV", "Which size fits the room?", "Is it in stock?", "Long queue",
                     "Phone", "Website", "Service hotline", "Online shop", "Review portal", "Customer service", "Hotline waiting time",
                     "Call-back instead of queue", "Dana Owner" })
            Assert.Contains($"{typed} {shown}", texts);
        Assert.StartsWith("Journey map Map <script>alert(1)</script> \"quoted\" & ]]>", svg.Root!.Attribute("aria-label")!.Value);

        // The file name keeps nothing a file system or the header could trip over.
        var fileName = response.Content.Headers.ContentDisposition!.FileName!.Trim('"');
        Assert.EndsWith(".svg", fileName);
        Assert.DoesNotContain(fileName, c => c is '<' or '>' or '"' or '/' or '\\' or ':' or '*' or '?' or '|' || char.IsControl(c));
    }

    [Fact]
    public async Task A_viewer_may_download_the_map_others_may_not()
    {
        var map = await SeedAsync();
        await Factory.GrantAsync(Workspace, "svg-viewer@waymark.test", WorkspaceRole.Viewer);
        var viewer = await Factory.ClientAs("svg-viewer@waymark.test").GetAsync(SvgPath(map.JourneyId));
        Assert.Equal(HttpStatusCode.OK, viewer.StatusCode);
        XDocument.Parse(await viewer.Content.ReadAsStringAsync());

        await Problem(await Factory.AnonymousClient().GetAsync(SvgPath(map.JourneyId)), 401);
        await Problem(await Client.GetAsync(SvgPath(Guid.NewGuid())), 404);
        // The map is not found through another workspace, even by someone who may read both.
        var other = await MapSeed.OtherWorkspace(Client);
        await Problem(await Client.GetAsync($"/api/workspaces/{other}/journeys/{map.JourneyId}/map.svg"), 404);
        await Factory.GrantAsync(other, "outsider-svg@waymark.test", WorkspaceRole.Owner);
        await Problem(await Factory.ClientAs("outsider-svg@waymark.test").GetAsync(SvgPath(map.JourneyId)), 404);
    }

    [Fact]
    public async Task An_empty_map_still_draws()
    {
        var journey = await PostOk($"{Api}/journeys", new { name = "Nothing yet", stages = new[] { new { name = "Awareness" } } });
        var svg = XDocument.Parse(await Client.GetStringAsync(SvgPath(journey.GetProperty("id").GetGuid())));
        var texts = Texts(svg);
        Assert.Contains("Awareness", texts);
        Assert.Contains("No steps yet", texts);
    }

    [Fact]
    public async Task Steps_are_numbered_one_after_the_other_across_empty_stages()
    {
        var created = await PostOk($"{Api}/journeys", new { name = "Numbered", stages = new[] { new { name = "Awareness" }, new { name = "Research" }, new { name = "Purchase" } } });
        var id = created.GetProperty("id").GetGuid();
        await using (var db = Factory.OpenDb())
        {
            var journey = db.Journeys.Where(j => j.Id == id).Select(j => j).Single();
            await db.Entry(journey).Collection(j => j.Stages).LoadAsync();
            var stages = journey.OrderedStages.ToList();
            // Awareness stays empty; Research gets two steps, Purchase one.
            journey.AddStep(stages[1].Id, new StepContent("Reads reviews"));
            journey.AddStep(stages[1].Id, new StepContent("Asks a friend"));
            journey.AddStep(stages[2].Id, new StepContent("Pays"));
            await db.SaveChangesAsync();
        }
        var texts = Texts(XDocument.Parse(await Client.GetStringAsync(SvgPath(id))));
        Assert.Contains("3 steps in 3 stages", texts);
        Assert.Contains("Step 1", texts);
        Assert.Contains("Step 2", texts);
        Assert.Contains("Step 3", texts);
        Assert.DoesNotContain("Step 4", texts);
    }

    [Fact]
    public async Task The_emotion_curve_has_its_scale_readable_labels_and_a_line_that_stays_between_its_points()
    {
        var map = await SeedAsync();
        var svg = XDocument.Parse(await Client.GetStringAsync(SvgPath(map.JourneyId)));
        var curve = svg.Descendants(Svg + "g").Single(g => g.Attribute("class")?.Value == "emotion-curve");

        // The −3 … +3 scale, each level labelled.
        var scale = curve.Descendants(Svg + "text").Where(t => t.Parent?.Attribute("class")?.Value == "emotion-scale").Select(t => t.Value).ToList();
        Assert.Equal(["+3", "+2", "+1", "0", "-1", "-2", "-3"], scale);

        // The points' labels are dark on white, not white on the point's colour.
        foreach (var label in curve.Descendants(Svg + "g").Where(g => g.Attribute("class")?.Value == "emotion-point").Select(g => g.Element(Svg + "text")!))
        {
            Assert.Equal("#1d2733", label.Attribute("fill")!.Value);
            Assert.True(double.Parse(label.Attribute("font-size")!.Value, System.Globalization.CultureInfo.InvariantCulture) >= 12);
        }

        // Between two points the line never goes above the higher or below the lower one (+1, −2, +2 would overshoot as a Catmull–Rom curve).
        var d = curve.Descendants(Svg + "path").Single(p => p.Attribute("class")?.Value == "emotion-line").Attribute("d")!.Value;
        var numbers = System.Text.RegularExpressions.Regex.Matches(d, "-?[0-9.]+").Select(m => double.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var ys = new List<double> { numbers[1] };
        var controls = new List<(double, double)>();
        for (var i = 2; i + 5 < numbers.Count + 1; i += 6)
        {
            controls.Add((numbers[i + 1], numbers[i + 3]));
            ys.Add(numbers[i + 5]);
        }
        Assert.Equal(2, controls.Count);
        for (var i = 0; i < controls.Count; i++)
        {
            var (low, high) = (Math.Min(ys[i], ys[i + 1]), Math.Max(ys[i], ys[i + 1]));
            Assert.InRange(controls[i].Item1, low - 0.1, high + 0.1);
            Assert.InRange(controls[i].Item2, low - 0.1, high + 0.1);
        }
    }
}
