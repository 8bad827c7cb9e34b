using Waymark.Domain.Journeys;
using Waymark.Domain.Personas;

namespace Waymark.Storage.Demo;

public static partial class LargeWorkspace
{
    private static readonly (JourneyScenario Scenario, string Label)[] Scenarios =
    [
        (JourneyScenario.InitialPurchase, "Becoming a customer"),
        (JourneyScenario.RepeatPurchase, "Adding a product"),
        (JourneyScenario.ServiceCase, "Fixing a fault"),
        (JourneyScenario.Onboarding, "Getting started"),
        (JourneyScenario.Custom, "Moving house"),
    ];

    private static readonly string[] Regions = ["North", "South", "East", "West", "Capital region", "Coast", "Mountains"];

    private static readonly Dictionary<char, string[]> StageNames = new()
    {
        ['A'] = ["Noticing the need", "Getting inspired", "First contact"],
        ['C'] = ["Comparing offers", "Checking coverage", "Asking for advice"],
        ['P'] = ["Ordering", "Signing the contract", "Porting the number"],
        ['U'] = ["Getting connected", "Everyday use", "Getting help", "Paying the bill"],
        ['V'] = ["Renewing", "Recommending", "Reviewing"],
    };

    private static readonly Dictionary<char, string[]> Verbs = new()
    {
        ['A'] = ["Notices", "Comes across", "Hears about"],
        ['C'] = ["Looks into", "Compares", "Asks about"],
        ['P'] = ["Goes through", "Completes", "Waits for"],
        ['U'] = ["Uses", "Deals with", "Gets help with"],
        ['V'] = ["Responds to", "Talks about", "Reconsiders"],
    };

    private static readonly string[] GoodThoughts = ["That was easier than I expected.", "Good, they thought of this.", "Quick and friendly."];
    private static readonly string[] NeutralThoughts = ["Fine, nothing special.", "OK, but it took a while.", "I had to look it up elsewhere."];
    private static readonly string[] BadThoughts = ["Why is this so complicated?", "Nobody tells me what happens next.", "I am wasting my evening on this."];
    private static readonly int[] Waits = [2, 5, 10, 20, 45, 120, 480, 1440, 2880];

    private sealed partial class Builder
    {
        private readonly List<(Journey Journey, Step Step, Guid? PersonaId)> _steps = [];
        private Dictionary<char, List<int>>? _touchpointsByPhase;

        public void AddJourneys()
        {
            _touchpointsByPhase = PhaseLetters.ToDictionary(p => p, p => Enumerable.Range(0, _touchpoints.Count)
                .Where(i => _touchpoints[i].PhaseIds.Contains(PhaseId(p))).ToList());
            for (var j = 0; j < JourneyCount; j++) AddJourney(j);
        }

        private void AddJourney(int j)
        {
            var (scenario, label) = Scenarios[j % Scenarios.Length];
            var product = ProductLines[j / Scenarios.Length % ProductLines.Length];
            var region = Regions[j / (Scenarios.Length * ProductLines.Length)];
            var persona = Chance(0.75) ? Pick(_personas) : null;
            var state = Chance(0.15) ? JourneyState.Future : JourneyState.Current;
            var name = $"{label}: {product} — {region}";
            var description = $"{label} with Meridian's {product} in the {region} region" +
                (persona is null ? "." : $", as {persona.Name} experiences it.") + (state == JourneyState.Future ? " Future state." : "");
            var journey = new Journey(Ws, name, scenario, state)
                .Describe(name, description, scenario, scenario == JourneyScenario.Custom ? label : null, persona?.Id, state);
            AddStages(journey, persona);
            Content.Journeys.Add(journey);
        }

        /// <summary>3–8 stages in phase order, 10–60 steps spread over them (at least one per stage).</summary>
        private void AddStages(Journey journey, Persona? persona)
        {
            var stepCount = MinSteps + _rng.Next(MaxSteps - MinSteps + 1);
            var phases = Enumerable.Range(0, 3 + _rng.Next(6)).Select(_ => PhaseLetters[_rng.Next(PhaseLetters.Length)]).Order().ToList();
            var perStage = phases.Select(_ => 1).ToArray();
            for (var i = phases.Count; i < stepCount; i++) perStage[_rng.Next(perStage.Length)]++;
            for (var s = 0; s < phases.Count; s++)
            {
                var letter = phases[s];
                var names = StageNames[letter];
                var repeat = phases.Take(s).Count(p => p == letter);
                var stageName = names[repeat % names.Length] + (repeat >= names.Length ? $" ({repeat / names.Length + 1})" : "");
                var stage = journey.AddStage(stageName, PhaseId(letter));
                for (var p = 0; p < perStage[s]; p++)
                    _steps.Add((journey, journey.AddStep(stage.Id, StepFor(letter)), persona?.Id));
            }
        }

        private StepContent StepFor(char phase)
        {
            var pool = _touchpointsByPhase![phase];
            var used = Enumerable.Range(0, 1 + _rng.Next(3)).Select(_ => pool[_rng.Next(pool.Count)]).Distinct().ToList();
            var first = _touchpoints[used[0]];
            var quality = _touchpointScores[used[0]].Quality;
            var emotion = (int)Math.Clamp(Math.Round((quality - 6) / 1.5 + Noise(1)), -3, 3);
            var thoughts = emotion > 0 ? GoodThoughts : emotion < 0 ? BadThoughts : NeutralThoughts;
            return new StepContent(
                Action: $"{Pick(Verbs[phase])} the {_subjects[used[0]]}",
                ThoughtsAndMotivation: Pick(thoughts),
                Questions: Chance(0.4) ? "What happens next, and how long will it take?" : null,
                Obstacles: emotion < 0 ? "The information needed is spread over several places." : null,
                Emotion: emotion,
                TouchpointIds: used.Select(i => _touchpoints[i].Id).ToArray(),
                BackstageDepartmentId: first.DepartmentId,
                WaitingMinutes: Chance(0.2) ? Pick(Waits) : null,
                IsMomentOfTruth: Chance(0.06),
                IsPainPoint: emotion <= -2 && Chance(0.5),
                IsBrandSuccessPoint: emotion >= 2 && Chance(0.3));
        }
    }
}
