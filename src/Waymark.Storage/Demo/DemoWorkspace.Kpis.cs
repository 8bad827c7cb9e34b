using Waymark.Domain.Kpis;

namespace Waymark.Storage.Demo;

public static partial class DemoWorkspace
{
    private sealed partial class Builder
    {
        /// <summary>
        /// Adds a KPI with twelve monthly measurements, the first of each month for the month before, moving from
        /// <paramref name="start"/> to <paramref name="end"/> with noise and a seasonal bump in November–January
        /// (Black Friday and Christmas). The latest value is exactly <paramref name="end"/>, so whether it beats the
        /// target is decided here, not by chance. When the demo's KPIs come from events and the KPI names its event
        /// measure (<paramref name="fromEvents"/>), it is bound to it instead and its figures are computed from the events.
        /// </summary>
        private Kpi K(string key, KpiDefinition definition, double start, double end, double noise, double peakEffect, int decimals,
            MeasurementSource source, MeasurementSource? earlySource = null, string? note = null, KpiEventBinding? fromEvents = null)
        {
            var (min, max) = ValidRange(key, definition.Unit);
            var kpi = new Kpi(Ws, definition with { ValidMinimum = min, ValidMaximum = max });
            _kpis[key] = kpi;
            Content.Kpis.Add(kpi);
            if (_kpisFromEvents && fromEvents is not null)
            {
                kpi.Bind(fromEvents);
                return kpi;
            }
            var thisMonth = new DateOnly(_today.Year, _today.Month, 1);
            for (var i = 0; i < 12; i++)
            {
                var month = thisMonth.AddMonths(i - 11);
                var reported = month.AddMonths(-1).Month; // the figure measured on the 1st is for the month before
                var peak = reported is 11 or 12 or 1 ? peakEffect : 0;
                var value = i == 11 ? end : start + (end - start) * i / 11.0 + Noise(noise) + peak;
                var src = earlySource is { } early && i < 4 ? early : source;
                var measuredAt = new DateTimeOffset(month.ToDateTime(new TimeOnly(6, 0)), TimeSpan.Zero);
                Content.Measurements.Add(kpi.Measure(Math.Round(value, decimals), measuredAt, src,
                    i == 11 ? note : src == MeasurementSource.Manual ? "Entered from the monthly report" : null));
            }
            return kpi;
        }

        /// <summary>The valid range a team would set: −100…100 for NPS, 0…100 for percentages, 1…5 stars, else not below 0.</summary>
        private static (double? Min, double? Max) ValidRange(string key, string unit) =>
            key == "nps" ? (-100, 100) : unit switch { "%" => (0, 100), "stars" => (1, 5), _ => (0, null) };

        public void AddKpis()
        {
            const KpiDirection Up = KpiDirection.HigherIsBetter, Down = KpiDirection.LowerIsBetter;
            var initial = _journeys["initial"].Id;
            var service = _journeys["service"].Id;

            K("nps", new KpiDefinition("Net Promoter Score", "points", Up, Target: 45, BestInClass: 62,
                Description: "Share of promoters minus share of detractors, from the post-purchase survey.", JourneyId: initial, TouchpointId: Tp("email-feedback-survey")),
                start: 31, end: 41, noise: 2.5, peakEffect: -4, decimals: 0, MeasurementSource.Import, note: "Survey export, last month",
                fromEvents: new KpiEventBinding(EventMeasure.Nps, PeriodGrain.Month, touchpoint: "email-feedback-survey"));
            K("csat-hotline", new KpiDefinition("CSAT hotline", "%", Up, Target: 80, BestInClass: 90,
                Description: "Share of callers rating the call 4 or 5 of 5 in the IVR survey after the call.", TouchpointId: Tp("call-hotline"), ChannelId: _channels["phone"].Id),
                start: 69, end: 76.5, noise: 2, peakEffect: -5, decimals: 1, MeasurementSource.Api, MeasurementSource.Manual);
            K("fcr", new KpiDefinition("First-contact resolution", "%", Up, Target: 75, BestInClass: 85,
                Description: "Cases solved in the first contact, across hotline, chat and WhatsApp.", TouchpointId: Tp("call-hotline"), JourneyId: service),
                start: 67, end: 77.2, noise: 1.5, peakEffect: -3, decimals: 1, MeasurementSource.Api, MeasurementSource.Manual,
                fromEvents: new KpiEventBinding(EventMeasure.FirstContactResolution, PeriodGrain.Month));
            K("aht", new KpiDefinition("Average handling time", "min", Down, Target: 8, BestInClass: 6,
                Description: "Average talk plus wrap-up time per hotline call.", TouchpointId: Tp("call-hotline"), ChannelId: _channels["phone"].Id),
                start: 9.6, end: 7.7, noise: 0.3, peakEffect: 0.6, decimals: 1, MeasurementSource.Api,
                fromEvents: new KpiEventBinding(EventMeasure.AverageHandlingTime, PeriodGrain.Month, touchpoint: "call-hotline"));
            K("hotline-wait", new KpiDefinition("Average hotline waiting time", "min", Down, Target: 3, BestInClass: 1,
                Description: "Average time in the queue before an agent answers.", TouchpointId: Tp("call-hotline"), ChannelId: _channels["phone"].Id, JourneyId: service),
                start: 7.9, end: 4.6, noise: 0.6, peakEffect: 3.5, decimals: 1, MeasurementSource.Api, note: "From the call-centre software",
                fromEvents: new KpiEventBinding(EventMeasure.AverageWaitingTime, PeriodGrain.Month, touchpoint: "call-hotline"));
            K("delivery-on-time", new KpiDefinition("Delivery on time", "%", Up, Target: 95, BestInClass: 98.5,
                Description: "Deliveries within the announced time window.", TouchpointId: Tp("onsite-delivery"), ChannelId: _channels["onsite"].Id),
                start: 90.5, end: 96.1, noise: 1, peakEffect: -3, decimals: 1, MeasurementSource.Import, note: "Delivery partner's monthly file");
            K("install-ftr", new KpiDefinition("Installation first-time-right", "%", Up, Target: 92, BestInClass: 97,
                Description: "Installations with no call-back or second visit within 14 days.", TouchpointId: Tp("onsite-installation"), JourneyId: initial),
                start: 86, end: 90.4, noise: 1.2, peakEffect: -2, decimals: 1, MeasurementSource.Manual);
            K("web-conversion", new KpiDefinition("Web shop conversion rate", "%", Up, Target: 2.0, BestInClass: 3.2,
                Description: "Orders per web shop session.", TouchpointId: Tp("shop-cart"), ChannelId: _channels["webshop"].Id),
                start: 1.62, end: 2.14, noise: 0.06, peakEffect: 0.12, decimals: 2, MeasurementSource.Api);
            K("return-rate", new KpiDefinition("Return rate", "%", Down, Target: 4.0, BestInClass: 2.5,
                Description: "Share of sold TVs returned within the 30-day return period.", ChannelId: _channels["webshop"].Id, TouchpointId: Tp("web-product-page")),
                start: 5.3, end: 4.6, noise: 0.25, peakEffect: 0.5, decimals: 1, MeasurementSource.Import);
            K("review-rating", new KpiDefinition("Average review rating", "stars", Up, Target: 4.5, BestInClass: 4.7,
                Description: "Average Google rating over the 14 stores.", TouchpointId: Tp("review-google"), ChannelId: _channels["reviews"].Id),
                start: 4.28, end: 4.52, noise: 0.03, peakEffect: 0, decimals: 2, MeasurementSource.Manual);
            K("repair-turnaround", new KpiDefinition("Repair turnaround time", "days", Down, Target: 7, BestInClass: 4,
                Description: "Working days from defect report to a working TV at the customer's home.", JourneyId: service, StepId: _steps["service/2/0"].Id, TouchpointId: Tp("onsite-repair")),
                start: 8.4, end: 11.6, noise: 0.4, peakEffect: 0.6, decimals: 1, MeasurementSource.Manual, note: "Second service partner short of technicians");
            K("chat-csat", new KpiDefinition("Live chat satisfaction", "%", Up, Target: 85, BestInClass: 92,
                Description: "Share of chats rated with a thumbs-up.", TouchpointId: Tp("chat-web"), ChannelId: _channels["chat"].Id),
                start: 78, end: 87.5, noise: 1.5, peakEffect: -2, decimals: 1, MeasurementSource.Api, MeasurementSource.Import);
        }
    
        /// <summary>
        /// A KPI only interaction events can give, for the demo that has them: computed month by month, never typed in. Not
        /// the channel-switch or repeat-contact rates: the current-state maps switch channel at most steps and the service
        /// case calls the hotline twice by design, so their figures would say more about the maps than about the customers.
        /// </summary>
        public void AddEventKpis()
        {
            var journeys = new Kpi(Ws, new KpiDefinition("Customer journeys started", "journeys", KpiDirection.HigherIsBetter, ValidMinimum: 0,
                Description: "Journeys that began in the month in any channel: a customer's interactions with no pause longer than a week. The current month counts so far."));
            journeys.Bind(new KpiEventBinding(EventMeasure.JourneysStarted, PeriodGrain.Month));
            _kpis["journeys"] = journeys;
            Content.Kpis.Add(journeys);
        }
    }
}
