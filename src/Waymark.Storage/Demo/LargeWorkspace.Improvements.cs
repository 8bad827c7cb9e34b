using Waymark.Domain.Improvements;

namespace Waymark.Storage.Demo;

public static partial class LargeWorkspace
{
    private static readonly string[] ActionVerbs = ["Simplify", "Speed up", "Fix", "Redesign", "Automate", "Train staff on", "Measure", "Personalise"];
    private static readonly string[] Findings = ["Customers drop out at", "Customers call the hotline after", "Customers wait too long for", "Customers praise", "Customers misread the price in"];
    private static readonly string[] IdeaStarts = ["Video call option for", "Self-service option for", "Proactive SMS about", "One-click version of", "Chat hand-over for"];
    private static readonly Priority[] Priorities = Enum.GetValues<Priority>();

    private sealed partial class Builder
    {
        public void AddImprovements()
        {
            for (var i = 0; i < ImprovementCount; i++)
            {
                var roll = _rng.NextDouble();
                var kind = roll < 0.6 ? ImprovementKind.Action : roll < 0.85 ? ImprovementKind.Insight : ImprovementKind.Idea;
                Content.Improvements.Add(new Improvement(Ws, kind, ImprovementFor(kind)));
            }
        }

        /// <summary>What one improvement says and links to: a touchpoint, a step of a map, a whole map or nothing, sometimes a KPI and a persona.</summary>
        private ImprovementContent ImprovementFor(ImprovementKind kind)
        {
            var t = _rng.Next(_touchpoints.Count);
            var link = _rng.NextDouble();
            var (journey, step, persona) = _steps[_rng.Next(_steps.Count)];
            var title = kind switch
            {
                ImprovementKind.Action => $"{Pick(ActionVerbs)} the {_subjects[t]}",
                ImprovementKind.Insight => $"{Pick(Findings)} the {_subjects[t]}",
                _ => $"{Pick(IdeaStarts)} the {_subjects[t]}",
            };
            var status = StatusFor(kind);
            var isAction = kind == ImprovementKind.Action;
            return new ImprovementContent(
                Title: title,
                Description: $"From the {Pick(Evaluators[Pick(Sources)]).ToLowerInvariant()}; concerns {_touchpoints[t].Name}.",
                OwnerId: isAction || Chance(0.6) ? Pick(_people).Id : null,
                DueOn: isAction ? _today.AddDays(_rng.Next(-365, 366)) : null,
                Status: status,
                Priority: Pick(Priorities),
                Impact: 1 + _rng.Next(5),
                Effort: kind == ImprovementKind.Insight ? null : 1 + _rng.Next(5),
                TouchpointId: link < 0.45 ? _touchpoints[t].Id : null,
                JourneyId: link is >= 0.45 and < 0.75 ? journey.Id : null,
                StepId: link is >= 0.45 and < 0.65 ? step.Id : null,
                KpiId: Chance(0.1) ? Pick(_kpis).Id : null,
                PersonaId: Chance(0.15) ? persona ?? Pick(_personas).Id : null);
        }

        private ImprovementStatus StatusFor(ImprovementKind kind)
        {
            var roll = _rng.NextDouble();
            return kind switch
            {
                ImprovementKind.Action => roll < 0.35 ? ImprovementStatus.Open : roll < 0.65 ? ImprovementStatus.InProgress : roll < 0.95 ? ImprovementStatus.Done : ImprovementStatus.Discarded,
                ImprovementKind.Insight => roll < 0.8 ? ImprovementStatus.Open : ImprovementStatus.Done,
                _ => roll < 0.7 ? ImprovementStatus.Open : roll < 0.85 ? ImprovementStatus.InProgress : ImprovementStatus.Discarded,
            };
        }
    }
}
