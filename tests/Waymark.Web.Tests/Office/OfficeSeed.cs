using Waymark.Domain.Evaluations;
using Waymark.Domain.Improvements;
using Waymark.Domain.Journeys;
using Waymark.Domain.Kpis;
using Waymark.Domain.Organisation;
using Waymark.Domain.Personas;
using Waymark.Domain.Touchpoints;
using Waymark.Storage;

namespace Waymark.Web.Tests.Office;

/// <summary>
/// A workspace for the exports: touchpoints whose names a spreadsheet would run as formulas or that carry markup, quotes,
/// commas, line breaks, umlauts and emoji; scores with a negative expectation gap; a KPI measured by hand and from events;
/// open, overdue and done actions; an insight and an idea; and a map of ten stages (too wide for one slide) with pain
/// points and moments of truth, some with an action and some without.
/// </summary>
public sealed record OfficeSeed(Guid JourneyId, string[] StageNames, string[] UnaddressedPainPoints, string[] AddressedPainPoints, string[] TouchpointNames)
{
    public const string Formula = "=HYPERLINK(\"http://evil.example\",\"click\")";
    public const string AtFormula = "@SUM(A1:A9)";
    public const string PlusFormula = "+41 44 123 45 67";
    public const string Hostile = "Müller's <b>\"Beratung\"</b> & Co, 2 lines:\nsecond line 🎉";
    public const string HostileLine = "Müller's <b>\"Beratung\"</b> & Co, Zürich 🎉";
    public const string Journey = "First TV purchase & delivery";
    public static readonly DateOnly EvaluatedOn = new(2026, 3, 1);
    public static readonly DateTimeOffset FirstMeasurement = new(2026, 1, 31, 0, 0, 0, TimeSpan.Zero);

    public static async Task<OfficeSeed> CreateAsync(WaymarkDb db, Guid ws)
    {
        var phone = new Channel(ws, "Phone", ChannelKind.Analog, ChannelReach.Direct);
        var web = new Channel(ws, "Website", ChannelKind.Digital, ChannelReach.Direct);
        var dana = new Person(ws, "Dana Owner");
        var ben = new Person(ws, "Ben Adams");
        var persona = new Persona(ws, "Tech-savvy Tim");
        db.AddRange(phone, web, dana, ben, persona);
        Touchpoint Tp(string name, Channel channel, bool painPoint = false, bool momentOfTruth = false, string? description = null) =>
            new(ws, new TouchpointProfile(name, channel.Id, TouchpointCategory.SupportChannels, 4, Description: description, OwnerId: dana.Id,
                IsPainPoint: painPoint, IsMomentOfTruth: momentOfTruth));
        var hotline = Tp("Service hotline", phone, painPoint: true);
        var formula = Tp(Formula, web, description: AtFormula);
        var hostile = Tp(HostileLine, web, momentOfTruth: true, description: PlusFormula);
        var shop = Tp("Online shop", web, momentOfTruth: true);
        db.Touchpoints.AddRange(hotline, formula, hostile, shop);
        db.Evaluations.AddRange(
            new Evaluation(ws, new EvaluationContent(4, EvaluatedOn, TouchpointId: hotline.Id, PersonaId: persona.Id, ExpectationLevel: 8, ExperienceLevel: 5,
                Comment: Hostile)),
            new Evaluation(ws, new EvaluationContent(9, EvaluatedOn, TouchpointId: shop.Id, Comment: Formula)));

        var journey = new Journey(ws, Journey, JourneyScenario.InitialPurchase);
        journey.Describe(journey.Name, null, JourneyScenario.InitialPurchase, null, persona.Id, JourneyState.Current);
        var stageNames = Enumerable.Range(1, 10).Select(i => $"Stage {i:00}").ToArray();
        var stages = stageNames.Select(n => journey.AddStage(n)).ToList();
        var painSteps = new List<string>();
        Step? addressed = null;
        for (var i = 0; i < stages.Count; i++)
        {
            var pain = i % 3 == 0;
            var step = journey.AddStep(stages[i].Id, new StepContent($"Step {i + 1:00} of the customer", Emotion: pain ? -2 : 1,
                TouchpointIds: [i % 2 == 0 ? hotline.Id : shop.Id], IsPainPoint: pain, IsMomentOfTruth: i == 4));
            if (pain) painSteps.Add(step.Action);
            if (i == 3) addressed = step;
        }
        db.Journeys.Add(journey);

        var nps = new Kpi(ws, new KpiDefinition("Net promoter score", "points", KpiDirection.HigherIsBetter, Target: 40, BestInClass: 60, ValidMinimum: -100, ValidMaximum: 100));
        var waiting = new Kpi(ws, new KpiDefinition("Hotline waiting time", "min", KpiDirection.LowerIsBetter, Target: 2, BestInClass: 1));
        db.Kpis.AddRange(nps, waiting);
        for (var m = 0; m < 8; m++)
        {
            db.KpiMeasurements.Add(nps.Measure(-5 + m * 4, FirstMeasurement.AddMonths(m), m % 2 == 0 ? MeasurementSource.Manual : MeasurementSource.Events));
            db.KpiMeasurements.Add(waiting.Measure(6 - m * 0.5, FirstMeasurement.AddMonths(m), MeasurementSource.Manual, m == 0 ? Hostile : null));
        }

        db.Improvements.AddRange(
            new Improvement(ws, ImprovementKind.Action, new ImprovementContent("Call-back instead of queue", OwnerId: dana.Id, DueOn: new DateOnly(2020, 1, 15), StepId: addressed!.Id)),
            new Improvement(ws, ImprovementKind.Action, new ImprovementContent(Formula, OwnerId: ben.Id, DueOn: new DateOnly(2099, 6, 30), JourneyId: journey.Id, Priority: Priority.High)),
            new Improvement(ws, ImprovementKind.Action, new ImprovementContent("Already finished", OwnerId: ben.Id, Status: ImprovementStatus.Done, JourneyId: journey.Id)),
            new Improvement(ws, ImprovementKind.Insight, new ImprovementContent(HostileLine, Hostile, TouchpointId: hotline.Id)),
            new Improvement(ws, ImprovementKind.Idea, new ImprovementContent("Video chat with an expert", Impact: 4, Effort: 2)));
        await db.SaveChangesAsync();
        return new OfficeSeed(journey.Id, stageNames, [.. painSteps.Where(p => p != addressed.Action), hotline.Name], [addressed.Action],
            [hotline.Name, formula.Name, hostile.Name, shop.Name]);
    }
}
