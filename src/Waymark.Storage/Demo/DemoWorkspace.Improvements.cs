using Waymark.Domain.Improvements;

namespace Waymark.Storage.Demo;

public static partial class DemoWorkspace
{
    private sealed partial class Builder
    {
        private void I(ImprovementKind kind, string title, string description, string? owner, int? dueInDays, ImprovementStatus status, Priority priority,
            int? impact, int? effort, string? touchpoint = null, string? step = null, string? journey = null, string? kpi = null, bool forPersona = false)
        {
            Guid? journeyId = journey is null ? null : _journeys[journey].Id;
            if (step is not null) journeyId ??= _journeys[step.Split('/')[0]].Id;
            Guid? personaId = forPersona && journeyId is { } jid ? Content.Journeys.First(j => j.Id == jid).PersonaId : null;
            Content.Improvements.Add(new Improvement(Ws, kind, new ImprovementContent(
                Title: title,
                Description: description,
                OwnerId: owner is null ? null : Who(owner),
                DueOn: dueInDays is { } d ? _today.AddDays(d) : null,
                Status: status,
                Priority: priority,
                Impact: impact,
                Effort: effort,
                TouchpointId: touchpoint is null ? null : Tp(touchpoint),
                JourneyId: journeyId,
                StepId: step is null ? null : _steps[step].Id,
                KpiId: kpi is null ? null : _kpis[kpi].Id,
                PersonaId: personaId)));
        }

        public void AddImprovements()
        {
            const ImprovementKind Action = ImprovementKind.Action, Insight = ImprovementKind.Insight, Idea = ImprovementKind.Idea;
            const ImprovementStatus Open = ImprovementStatus.Open, Doing = ImprovementStatus.InProgress, Done = ImprovementStatus.Done, Dropped = ImprovementStatus.Discarded;

            // ---- Actions
            I(Action, "Call-back instead of queue at the hotline during peak hours",
                "Offer a call-back slot after 3 minutes in the queue; add 4 agents on Monday mornings and in the first two weeks of January.",
                "lukas", 30, Doing, Priority.Critical, 5, 3, touchpoint: "call-hotline", kpi: "hotline-wait");
            I(Action, "Saturday installation shifts and a seventh installer team",
                "Two installer teams work Saturdays from March; hire and train a seventh team to bring the earliest slot below 7 days.",
                "david", -12, Open, Priority.High, 5, 4, touchpoint: "shop-delivery-slot");
            I(Action, "Instant financing decision in the checkout",
                "Connect the partner bank's real-time scoring API so that 85 % of applications get a decision within a minute.",
                "emma", 45, Doing, Priority.High, 4, 3, touchpoint: "shop-financing");
            I(Action, "Chatbot hands over to a human after two failed answers",
                "Detect product questions and loops; hand over to a product expert with the chat history.",
                "felix", -40, Done, Priority.High, 4, 2, touchpoint: "chat-bot");
            I(Action, "Hourly price sync between web shop and shelf labels",
                "Shelf labels follow web shop prices every hour; store staff get a list of today's price changes at opening.",
                "marco", 20, Doing, Priority.High, 4, 3, touchpoint: "store-price-labels");
            I(Action, "Pass repair status from the service partners into the app and the agent desktop",
                "Nightly status import from both service partners now, real-time interface next year.",
                "ravi", 60, Open, Priority.High, 5, 4, touchpoint: "app-service-tracking");
            I(Action, "Installer checklist: soundbar, eARC and streaming logins before leaving",
                "Checklist in the installers' app; customer signs off picture and sound.",
                "jonas", -25, Done, Priority.Medium, 4, 1, touchpoint: "onsite-installation", kpi: "install-ftr");
            I(Action, "Report a defect without the serial number",
                "Service portal accepts a photo of the receipt or the type plate; order is looked up by name and postcode.",
                "priya", -6, Open, Priority.High, 4, 2, touchpoint: "web-service-portal");
            I(Action, "Live delivery tracking link on WhatsApp",
                "Replace the 30-minute call with a tracking link from the delivery partner's route planning.",
                "david", 90, Open, Priority.Medium, 3, 3, touchpoint: "whatsapp-delivery-updates");
            I(Action, "Reply to every 1–3 star Google review within 48 hours",
                "Community manager answers, store manager follows up personally where a case is open.",
                "nina", -60, Done, Priority.Medium, 3, 1, touchpoint: "review-google", kpi: "review-rating");
            I(Action, "Swap-first rule for panel defects under warranty",
                "If the spare panel is not available within 5 working days, replace the TV straight away.",
                "ravi", 14, Doing, Priority.Critical, 5, 3, step: "service/2/0", kpi: "repair-turnaround", forPersona: true);
            I(Action, "Train store advisors on gaming features (HDMI 2.1, VRR, 120 Hz)",
                "Two-hour training per store with the manufacturers' trainers.",
                "hannah", -30, Done, Priority.Medium, 3, 2, touchpoint: "store-sales-advice");
            I(Action, "Send invoice and financing plan together with the order",
                "One document set at order time; invoice marked 'financed — nothing to pay now'.",
                "emma", -15, Open, Priority.Low, 3, 2, touchpoint: "email-invoice");
            I(Action, "Setup-tips e-mail with model-specific video the day after installation",
                "Replace the generic accessory mail with setup tips; accessories only if not already bought.",
                "claire", 25, Open, Priority.Medium, 3, 2, step: "initial/3/3");
            I(Action, "Loyalty vouchers redeemable in the web shop and the app",
                "Connect the loyalty voucher engine to the web shop checkout.",
                "felix", 75, Doing, Priority.High, 4, 4, step: "repeat/2/0", forPersona: true);
            I(Action, "Offer loan TVs through the hotline",
                "Agents can book a loan TV delivered with the technician's first visit for customers who cannot get to a store.",
                "sofia", null, Open, Priority.Medium, 4, 3, step: "service/2/2");

            // ---- Insights
            I(Insight, "The installation sells the TV",
                "In 9 of 12 interviews the installers were the most remembered part of the purchase; colleagues recommend Brightview for the installation, not for the price.",
                "claire", null, Open, Priority.Medium, 4, null, touchpoint: "onsite-installation");
            I(Insight, "Service customers call again because nobody can see the repair status",
                "38 % of service cases have more than two hotline calls; almost all ask 'when does the technician come?'.",
                "sofia", null, Open, Priority.High, 5, null, journey: "service", kpi: "fcr");
            I(Insight, "Price differences between store and web shop destroy trust",
                "Customers who noticed a price difference score the store visit 3 points lower, even after the price was matched.",
                "marco", null, Open, Priority.High, 4, null, touchpoint: "store-price-labels");
            I(Insight, "Customers cancel when the installation is more than 10 days away",
                "Cancellation rate doubles for orders whose earliest installation slot is more than 10 days out.",
                "david", null, Open, Priority.High, 5, null, touchpoint: "shop-delivery-slot", kpi: "web-conversion");
            I(Insight, "Relatives run the digital channels for older customers",
                "WhatsApp service cases for customers over 70 are mostly sent by their children; the portal and the app are not used by this group.",
                "claire", null, Open, Priority.Medium, 3, null, journey: "service", forPersona: true);

            // ---- Ideas
            I(Idea, "Home cinema studio appointments bookable online",
                "Book a 45-minute slot with an advisor in the demo studio, with the short list from the TV advisor attached.",
                "hannah", null, Open, Priority.Medium, 4, 2, touchpoint: "store-home-cinema-studio");
            I(Idea, "Video call with an advisor from the studio",
                "For customers far from the three studio stores: see the TVs side by side over video.",
                null, null, Open, Priority.Low, 3, 3, touchpoint: "store-sales-advice");
            I(Idea, "Paper and phone option for the satisfaction survey",
                "Five questions on a prepaid card left by the installers, or a short IVR survey.",
                "claire", null, Open, Priority.Low, 2, 1, touchpoint: "email-feedback-survey");
            I(Idea, "Refer-a-friend code on the installer's thank-you card",
                "Customers are happiest right after the installation; put the referral code there.",
                "nina", null, Open, Priority.Medium, 3, 1, touchpoint: "wom-refer-a-friend");
            I(Idea, "Suppress warranty offers during and after service cases",
                "Renewal campaigns skip customers with an open case or a case closed in the last 30 days.",
                "emma", null, Dropped, Priority.Low, 2, 1, touchpoint: "email-warranty-reminder");
        }
    }
}
