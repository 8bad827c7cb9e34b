using Waymark.Domain.Touchpoints;
using Waymark.Domain.Workspaces;
using static Waymark.Domain.Touchpoints.TouchpointCategory;

namespace Waymark.Storage.Demo;

public static partial class LargeWorkspace
{
    /// <summary>The phases a touchpoint of each category belongs to, as letters: A wareness, C onsideration, P urchase, U sage/Service, V advocacy.</summary>
    private static readonly Dictionary<TouchpointCategory, string> CategoryPhases = new()
    {
        [SocialMedia] = "A", [OnlineAd] = "A", [MarketingContent] = "AC", [Events] = "AV", [PeerReferral] = "AV",
        [ConversationsWithStaff] = "CP", [Catalogue] = "AC", [ECommerce] = "CP", [Reviews] = "CV", [PointOfSale] = "P",
        [ThankYouLetters] = "UV", [FeedbackSurveys] = "UV", [UpsellEmails] = "UV", [Billing] = "U", [Renewals] = "V",
        [SupportChannels] = "U", [CustomerSuccess] = "U", [Onboarding] = "PU", [Loyalty] = "UV", [SelfService] = "U",
    };

    private const string PhaseLetters = "ACPUV";

    private static readonly string[] Audiences = ["new customers", "existing customers"];

    private static readonly Compliance[] Compliances = Enum.GetValues<Compliance>();

    private sealed partial class Builder
    {
        private readonly List<Touchpoint> _touchpoints = [];
        // Index of the touchpoint in _touchpoints → its typical score (1–10) and change over the five years, in points.
        private readonly List<(double Quality, double Trend)> _touchpointScores = [];
        // What each touchpoint is about in a few words, e.g. "router set-up (Field technicians)", for step actions and titles.
        private readonly List<string> _subjects = [];

        /// <summary>"Router set-up" becomes "router set-up"; an abbreviation such as "SIM card issue" stays as it is.</summary>
        private static string InSentence(string topic) => char.IsUpper(topic[1]) ? topic : char.ToLowerInvariant(topic[0]) + topic[1..];

        private Guid PhaseId(char letter) => Content.Phases[PhaseLetters.IndexOf(letter)].Id;

        /// <summary>80 touchpoints per channel; within a channel the categories that fit it take turns.</summary>
        public void AddTouchpoints()
        {
            var perChannel = TouchpointCount / ChannelCount;
            for (var c = 0; c < ChannelSpecs.Length; c++)
                for (var k = 0; k < perChannel; k++)
                    AddTouchpoint(c, k);
        }

        private void AddTouchpoint(int c, int k)
        {
            var spec = ChannelSpecs[c];
            var n = spec.Categories.Length;
            var category = spec.Categories[k % n];
            var topic = Topics[category][k / n % 5];
            var product = ProductLines[k / (n * 5) % ProductLines.Length];
            var audience = Audiences[k / (n * 5 * ProductLines.Length)];
            var name = $"{topic} for {product}, {audience} — {spec.Name}";
            var dept = Chance(0.8) ? spec.Department : _rng.Next(DepartmentSpecs.Length);
            var owner = _people[dept + DepartmentSpecs.Length * _rng.Next(PeopleCount / DepartmentSpecs.Length)];
            var quality = 3 + _rng.NextDouble() * 6;
            var pain = quality < 4.5 && Chance(0.6);
            var t = new Touchpoint(Ws, new TouchpointProfile(
                Name: name,
                ChannelId: _channels[c].Id,
                Category: category,
                Relevance: 1 + _rng.Next(5),
                Description: $"{topic} for {product} customers ({audience}) in the channel {spec.Name}.",
                PhaseIds: CategoryPhases[category].Select(PhaseId).ToArray(),
                DepartmentId: _departments[dept].Id,
                OwnerId: Chance(0.9) ? owner.Id : null,
                IsMomentOfTruth: Chance(0.08),
                IsPainPoint: pain,
                IsBrandSuccessPoint: !pain && quality > 8 && Chance(0.5),
                DesignCompliance: Pick(Compliances),
                TonalityCompliance: Pick(Compliances),
                ReactionTimeCompliance: Pick(Compliances),
                Tags: [product, category.DisplayName().ToLowerInvariant(), audience],
                EventKey: $"{Workspace.KeyFromName(spec.Name)}-{k + 1:000}"));
            _touchpoints.Add(t);
            _touchpointScores.Add((quality, Noise(2)));
            _subjects.Add($"{InSentence(topic)} ({spec.Name})");
            Content.Touchpoints.Add(t);
        }
    }
}
