using Waymark.Domain.Evaluations;
using Waymark.Domain.Organisation;
using Waymark.Domain.Personas;

namespace Waymark.Storage.Demo;

public static partial class DemoWorkspace
{
    private sealed partial class Builder
    {
        // Four evaluation rounds over the last twelve months: spring workshop, summer survey, autumn interviews, recent survey/analytics.
        private static readonly (int MonthsAgo, EvaluationSource Source, string Evaluator)[] Rounds =
        [
            (11, EvaluationSource.Workshop, "CX workshop — Claire Donovan"),
            (8, EvaluationSource.Survey, "Post-purchase survey panel"),
            (4, EvaluationSource.Interview, "Customer interviews — Claire Donovan"),
            (1, EvaluationSource.Survey, "Post-purchase survey panel"),
        ];

        private static readonly Dictionary<string, string[]> Comments = new()
        {
            ["MH:low"] = ["For a shop that sells premium TVs this is not good enough.", "I expected better; the competition does this faster.", "Lost a lot of time here, and time is what I don't have."],
            ["MH:mid"] = ["Fine, nothing special.", "Does the job, but the details are missing.", "OK, though I had to look things up elsewhere."],
            ["MH:high"] = ["Exactly what I wanted — competent and quick.", "This is why I buy at Brightview and not online-only.", "Better than I expected."],
            ["SY:low"] = ["I don't have time for this.", "Annoying — why doesn't it just work like it says?", "I gave up and did it another way."],
            ["SY:mid"] = ["Alright, could be quicker.", "Fine for what it is.", "Worked, with a bit of patience."],
            ["SY:high"] = ["Quick and easy, that's how I like it.", "Great, saved me a trip.", "Very convenient."],
            ["WB:low"] = ["Nobody could tell me what happens next.", "Too complicated for me; my daughter had to help.", "I waited and waited."],
            ["WB:mid"] = ["It was alright.", "Took a while, but they were friendly.", "Not bad, not good."],
            ["WB:high"] = ["Very friendly people, they took their time.", "Couldn't have been better.", "That is proper service."],
        };

        private int Clamp(double v) => (int)Math.Clamp(Math.Round(v, MidpointRounding.AwayFromZero), 1, 10);

        private double Noise(double amplitude) => (_rng.NextDouble() * 2 - 1) * amplitude;

        /// <summary>How a persona tends to judge a channel: the senior is harder on digital self-service, the enthusiast on slow analog contacts.</summary>
        private double Bias(Persona persona, Channel channel)
        {
            if (persona == _senior) return channel.Kind == ChannelKind.Digital ? -1.0 : 0.5;
            if (persona == _enthusiast) return channel.Kind == ChannelKind.Analog ? -0.3 : 0.2;
            return 0;
        }

        private Persona[] EvaluatingPersonas(Guid channelId, int relevance)
        {
            if (relevance >= 4) return [_enthusiast, _family, _senior];
            var channel = Content.Channels.First(c => c.Id == channelId);
            return channel.Kind == ChannelKind.Digital ? [_enthusiast, _family] : [_family, _senior];
        }

        public void AddEvaluations()
        {
            foreach (var t in Content.Touchpoints)
            {
                var spec = _touchpointSpecs[t.EventKey!];
                if (spec.Quality == 0) continue; // not evaluated yet: shows up as a gap in the matrix
                var channel = Content.Channels.First(c => c.Id == t.ChannelId);
                foreach (var persona in EvaluatingPersonas(t.ChannelId, t.Relevance))
                {
                    for (var r = 0; r < Rounds.Length; r++)
                    {
                        var (monthsAgo, source, evaluator) = Rounds[r];
                        var isLatest = r == Rounds.Length - 1;
                        if (!isLatest && _rng.NextDouble() < 0.25) continue;
                        var progress = r / (double)(Rounds.Length - 1); // 0 … 1 over the year
                        var expected = spec.Quality + spec.Trend * (progress - 1) + Bias(persona, channel);
                        var score = Clamp(expected + Noise(1.2));
                        var expectationLevel = Math.Clamp(5 + t.Relevance + (persona == _enthusiast ? 1 : 0) - (int)Math.Round(_rng.NextDouble()), 1, 10);
                        var experienceLevel = Clamp(score + Noise(0.8));
                        var date = _today.AddMonths(-monthsAgo).AddDays(-_rng.Next(0, 20));
                        var band = score <= 4 ? "low" : score <= 7 ? "mid" : "high";
                        var pool = Comments[$"{persona.Initials}:{band}"];
                        var src = isLatest && channel.Kind == ChannelKind.Digital && t.Relevance <= 3 ? EvaluationSource.Analytics : source;
                        var who = src == EvaluationSource.Analytics ? "Web analytics & chat logs — Priya Shah" : evaluator;
                        Content.Evaluations.Add(new Evaluation(Ws, new EvaluationContent(
                            Score: score,
                            EvaluatedOn: date,
                            TouchpointId: t.Id,
                            PersonaId: persona.Id,
                            Source: src,
                            Expectation: spec.Expectation,
                            Experience: spec.Experience,
                            ExpectationLevel: expectationLevel,
                            ExperienceLevel: experienceLevel,
                            Evaluator: who,
                            Comment: pool[_rng.Next(pool.Length)])));
                    }
                }
            }
            AddStepEvaluations();
        }

        /// <summary>A few evaluations of journey steps, from the interviews behind the maps.</summary>
        private void AddStepEvaluations()
        {
            void E(string stepKey, Persona persona, int score, int monthsAgo, string expectation, string experience, string comment)
            {
                Content.Evaluations.Add(new Evaluation(Ws, new EvaluationContent(
                    Score: score,
                    EvaluatedOn: _today.AddMonths(-monthsAgo).AddDays(-3),
                    StepId: _steps[stepKey].Id,
                    PersonaId: persona.Id,
                    Source: EvaluationSource.Interview,
                    Expectation: expectation,
                    Experience: experience,
                    ExpectationLevel: 8,
                    ExperienceLevel: score,
                    Evaluator: "Customer interviews — Claire Donovan",
                    Comment: comment)));
            }
            E("initial/1/3", _enthusiast, 10, 4, "See the TV in a real living-room setting.", "Compared with his own Blu-ray in the studio, advisor knew HDMI 2.1 inside out.", "Best part of the whole purchase.");
            E("initial/1/4", _enthusiast, 3, 4, "Same price in the store as online.", "Shelf label €100 higher; match only after the manager was called.", "Felt like being punished for coming to the store.");
            E("initial/2/1", _enthusiast, 2, 4, "Installation within a week, ideally on a Saturday.", "16 days, weekdays only.", "Almost cancelled the order.");
            E("initial/3/1", _enthusiast, 9, 4, "Clean wall mount, everything working.", "Hidden cables, channels sorted, explained the game mode.", "The installers saved the purchase.");
            E("repeat/2/0", _family, 2, 2, "Use the voucher when reserving online.", "'Invalid code' in the web shop; only valid in store.", "Why send me a voucher I cannot use?");
            E("repeat/2/2", _family, 6, 2, "Pick up in five minutes.", "20 minutes in the queue, but the voucher was applied.", "OK in the end.");
            E("service/1/0", _senior, 1, 1, "Speak to a person within a few minutes.", "23 minutes on hold, call dropped once.", "I nearly gave up.");
            E("service/2/1", _senior, 1, 1, "Someone who knows the status of my case.", "Agent could not see anything and promised a call-back that never came.", "I had to explain everything again.");
            E("service/2/2", _senior, 9, 1, "Not to be without a TV for weeks.", "The store lent him a TV the same day.", "That is what I call service.");
        }
    }
}
