using System.Text.RegularExpressions;
using System.Xml.Linq;
using AngleSharp.Dom;
using Bunit;
using Waymark.Domain.Evaluations;
using Waymark.Domain.Journeys;
using Waymark.Domain.Organisation;
using Waymark.Domain.Touchpoints;
using Waymark.Storage.Access;
using Waymark.Ui.Tests.Support;
using Waymark.Web.Components.Pages.Journeys;
using Waymark.Web.Features.Journeys.Layout;

namespace Waymark.Ui.Tests.Journeys;

/// <summary>The map page and the map's SVG file drawn from one layout: the same columns, lanes and score colours, in the page's stylesheet too.</summary>
[Collection(UiCollection.Name)]
public sealed partial class MapPageAndSvgTests(UiFactory factory)
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    /// <summary>
    /// Awareness (no steps), Research (reads reviews, calls the hotline), Purchase (pays); touchpoints in two channels scored
    /// 3 (falls short) and 9 (exceeds) and one not evaluated; lanes in an order of the team's own.
    /// </summary>
    private async Task<Guid> SeedAsync(string name)
    {
        await using var db = factory.OpenDb();
        var ws = factory.DemoId;
        var phone = new Channel(ws, $"Phone ({name})", ChannelKind.Analog, ChannelReach.Direct);
        var web = new Channel(ws, $"Website ({name})", ChannelKind.Digital, ChannelReach.Direct);
        db.Channels.AddRange(phone, web);
        Touchpoint Tp(string tp, Channel channel) => new(ws, new TouchpointProfile($"{tp} ({name})", channel.Id, TouchpointCategory.SupportChannels));
        var hotline = Tp("Service hotline", phone);
        var shop = Tp("Online shop", web);
        var reviews = Tp("Review portal", web);
        db.Touchpoints.AddRange(hotline, shop, reviews);
        db.Evaluations.AddRange(
            new Evaluation(ws, new EvaluationContent(3, new DateOnly(2026, 3, 1), TouchpointId: hotline.Id)),
            new Evaluation(ws, new EvaluationContent(9, new DateOnly(2026, 3, 1), TouchpointId: shop.Id)));
        var journey = new Journey(ws, name, JourneyScenario.InitialPurchase);
        journey.AddStage("Awareness");
        var research = journey.AddStage("Research");
        var purchase = journey.AddStage("Purchase");
        journey.AddStep(research.Id, new StepContent("Reads reviews", Emotion: 1, TouchpointIds: [reviews.Id, shop.Id]));
        journey.AddStep(research.Id, new StepContent("Calls the hotline", Emotion: -2, TouchpointIds: [hotline.Id], IsPainPoint: true));
        journey.AddStep(purchase.Id, new StepContent("Pays", Emotion: 2, TouchpointIds: [shop.Id], IsMomentOfTruth: true));
        journey.ShowLanes([JourneyLanes.Emotion, JourneyLanes.Channels, JourneyLanes.Obstacles, JourneyLanes.Actions]);
        db.Journeys.Add(journey);
        await db.SaveChangesAsync();
        return journey.Id;
    }

    [Fact]
    public async Task The_page_and_the_svg_show_the_same_steps_in_the_same_order_under_the_same_lane_names()
    {
        var id = await SeedAsync("Same map twice");
        using var host = new PageHost(factory, WorkspaceRole.Viewer);
        var page = host.Context.Render<JourneyMap>(p => p.Add(x => x.Ws, "demo").Add(x => x.Id, id));
        page.WaitForElement("[data-step]");
        var svg = await SvgAsync(id);

        // The steps, numbered across the empty stage, in both as the emotion curve's points name them.
        var pageSteps = page.FindAll("[data-step]").Select(s => s.GetAttribute("data-step")).ToList();
        Assert.Equal(["Reads reviews", "Calls the hotline", "Pays"], pageSteps);
        var pagePoints = page.FindAll(".wm-emotion-point title").Select(t => t.TextContent).ToList();
        var svgPoints = svg.Descendants(Svg + "g").Where(g => g.Attribute("class")?.Value == "emotion-point").Select(g => g.Element(Svg + "title")!.Value).ToList();
        Assert.Equal(["Reads reviews: +1 (slightly positive)", "Calls the hotline: -2 (negative)", "Pays: +2 (positive)"], pagePoints);
        Assert.Equal(pagePoints, svgPoints);
        Assert.Equal(["1", "2", "3"], page.FindAll("[data-step]").Select(s => s.GetAttribute("data-number")));
        Assert.Equal(["Step 1", "Step 2 ⚠", "Step 3 ★"], SvgTexts(svg).Where(t => t.StartsWith("Step ")));

        // The heads down the left: the state, the steps, then the lanes in the team's order, a row per channel.
        var pageHeads = new[] { page.Find(".wm-corner").TextContent.Trim() }
            .Concat(page.FindAll("[role=rowheader]").Select(LaneTitle)).ToList();
        Assert.Equal(["Current state", "Steps", "Emotion curve", "Phone (Same map twice)", "Website (Same map twice)", "Obstacles", "Customer actions"], pageHeads);
        var svgHeads = svg.Descendants(Svg + "text")
            .Where(t => t.Attribute("x")?.Value == "31" && t.Attribute("font-weight")?.Value == "700").Select(t => t.Value.Trim()).ToList();
        Assert.Equal(pageHeads, svgHeads);
    }

    [Fact]
    public async Task A_scored_touchpoint_has_the_same_score_and_colours_on_the_page_and_in_the_svg()
    {
        var id = await SeedAsync("Same colours");
        using var host = new PageHost(factory, WorkspaceRole.Viewer);
        var page = host.Context.Render<JourneyMap>(p => p.Add(x => x.Ws, "demo").Add(x => x.Id, id));
        page.WaitForElement("[data-step]");
        var svg = await SvgAsync(id);
        var css = await StylesheetAsync();

        foreach (var (touchpoint, band) in new[] { ("Service hotline", "FallsShort"), ("Online shop", "Exceeds"), ("Review portal", "NotEvaluated") })
        {
            var name = $"{touchpoint} (Same colours)";
            var chip = page.FindAll("a.wm-chip").First(a => a.GetAttribute("title")!.StartsWith(name + ":"));
            var bandClass = chip.ClassList.Single(c => c.StartsWith("wm-band-"));
            Assert.Equal($"wm-band-{band}", bandClass);
            var drawn = svg.Descendants(Svg + "g").First(g => g.Attribute("class")?.Value.StartsWith("touchpoint ") == true && g.Element(Svg + "title")!.Value.StartsWith(name + ":"));
            Assert.Equal(chip.GetAttribute("title"), drawn.Element(Svg + "title")!.Value);
            var score = drawn.Elements(Svg + "text").Last();
            Assert.Equal(chip.QuerySelector("b")!.TextContent, score.Value);
            // What the browser paints the chip in (waymark.css) is what the file fills it with.
            Assert.Equal(css[(bandClass, "background")], drawn.Element(Svg + "rect")!.Attribute("fill")!.Value);
            Assert.Equal(css[(bandClass, "color")], score.Attribute("fill")!.Value);
            Assert.Equal(css[(bandClass, "border-color")], drawn.Element(Svg + "rect")!.Attribute("stroke")!.Value);
        }
    }

    [Fact]
    public async Task The_stylesheet_paints_the_bands_and_sizes_the_columns_as_the_layout_says()
    {
        var css = await StylesheetAsync();

        foreach (var band in MapColours.Legend)
        {
            Assert.Equal(band.Fill, css[(band.CssClass, "background")]);
            Assert.Equal(band.Ink, css[(band.CssClass, "color")]);
            Assert.Equal(band.Border, css[(band.CssClass, "border-color")]);
        }
        Assert.Equal($"{MapLayout.LaneHeadWidth}px", css[(":root", "--wm-lane-w")]);
        Assert.Equal($"{MapLayout.ColumnWidth}px", css[(":root", "--wm-col-w")]);
    }

    private async Task<XDocument> SvgAsync(Guid id) =>
        XDocument.Parse(await factory.ClientAs(WorkspaceRole.Viewer).GetStringAsync($"/api/workspaces/demo/journeys/{id}/map.svg"));

    private static IEnumerable<string> SvgTexts(XDocument svg) => svg.Descendants(Svg + "text").Select(t => t.Value.Trim());

    /// <summary>A lane head's title without its subtitle and tools.</summary>
    private static string LaneTitle(IElement head)
    {
        var title = head.QuerySelector("span") ?? head;
        return string.Concat(title.ChildNodes.Where(n => n.NodeType == NodeType.Text).Select(n => n.TextContent)).Trim();
    }

    /// <summary>The declarations of the stylesheet the app serves, by selector and property, with <c>var(--x)</c> read from <c>:root</c>.</summary>
    private async Task<Dictionary<(string Selector, string Property), string>> StylesheetAsync()
    {
        var text = Comment().Replace(await factory.ClientAs(WorkspaceRole.Viewer).GetStringAsync("/waymark.css"), "");
        var rules = new Dictionary<(string, string), string>();
        foreach (Match rule in Rule().Matches(text))
            foreach (var declaration in rule.Groups["body"].Value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var colon = declaration.IndexOf(':');
                if (colon < 0) continue;
                var selector = rule.Groups["selector"].Value.Trim().TrimStart('.');
                rules[(selector, declaration[..colon].Trim())] = declaration[(colon + 1)..].Replace("!important", "").Trim();
            }
        foreach (var key in rules.Keys.ToList())
            if (Var().Match(rules[key]) is { Success: true } v && rules.TryGetValue((":root", v.Groups[1].Value), out var value)) rules[key] = value;
        return rules;
    }

    [GeneratedRegex(@"(?<selector>[^{}]+)\{(?<body>[^{}]*)\}")]
    private static partial Regex Rule();

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"^var\((--[\w-]+)\)$")]
    private static partial Regex Var();
}
