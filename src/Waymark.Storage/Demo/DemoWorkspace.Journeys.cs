using Waymark.Domain.Journeys;
using Waymark.Domain.Personas;

namespace Waymark.Storage.Demo;

public static partial class DemoWorkspace
{
    /// <param name="Touchpoints">event keys of the touchpoints used, comma-separated</param>
    /// <param name="Flags">M = moment of truth, P = pain point, B = brand success point</param>
    private sealed record S(
        string Action, string Thoughts, string? Questions, string? Obstacles, int Emotion, string Touchpoints, string Dept,
        int? Wait = null, string Flags = "", string? Notes = null);

    private sealed record StageSpec(string Name, char Phase, string Description, S[] Steps);

    private sealed partial class Builder
    {
        private Journey AddJourney(string key, string name, string description, JourneyScenario scenario, JourneyState state, Persona persona, StageSpec[] stages)
        {
            var j = new Journey(Ws, name, scenario, state).Describe(name, description, scenario, null, persona.Id, state);
            for (var si = 0; si < stages.Length; si++)
            {
                var spec = stages[si];
                var stage = j.AddStage(spec.Name, PhaseId(spec.Phase));
                stage.Describe(spec.Name, spec.Description, PhaseId(spec.Phase));
                for (var pi = 0; pi < spec.Steps.Length; pi++)
                {
                    var s = spec.Steps[pi];
                    var step = j.AddStep(stage.Id, new StepContent(
                        Action: s.Action,
                        ThoughtsAndMotivation: s.Thoughts,
                        Questions: s.Questions,
                        Obstacles: s.Obstacles,
                        Emotion: s.Emotion,
                        TouchpointIds: s.Touchpoints.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(Tp).ToArray(),
                        BackstageDepartmentId: Dept(s.Dept),
                        WaitingMinutes: s.Wait,
                        IsMomentOfTruth: s.Flags.Contains('M'),
                        IsPainPoint: s.Flags.Contains('P'),
                        IsBrandSuccessPoint: s.Flags.Contains('B'),
                        Notes: s.Notes));
                    _steps[$"{key}/{si}/{pi}"] = step;
                }
            }
            _journeys[key] = j;
            Content.Journeys.Add(j);
            return j;
        }

        public void AddJourneys()
        {
            var initial = InitialPurchase();
            AddJourney("initial", "First big-screen TV: from the Instagram reel to movie night",
                "Michael replaces his eight-year-old 46-inch set with a 65-inch OLED, wall-mounted and set up by Brightview's installers. Current state, from the CX workshop in spring and the customer interviews.",
                JourneyScenario.InitialPurchase, JourneyState.Current, _enthusiast, initial);
            AddJourney("repeat", "Second TV for the kids' room with the loyalty voucher",
                "Sandra, a loyalty club member, buys a 43-inch TV for the children with click & collect and redeems her voucher. Current state.",
                JourneyScenario.RepeatPurchase, JourneyState.Current, _family, RepeatPurchase());
            AddJourney("service", "Broken panel under warranty",
                "Walter's 14-month-old 55-inch TV shows vertical lines and a dark stripe: from noticing the defect to a working TV again. Current state, reconstructed from hotline recordings, the case history and an interview with Walter's daughter.",
                JourneyScenario.ServiceCase, JourneyState.Current, _senior, ServiceCase());
            AddJourney("initial-future", "First big-screen TV — future state 2026",
                "How the initial purchase should feel once the open actions are done: one price everywhere, instant financing, Saturday installation within a week, live delivery tracking and a complete setup.",
                JourneyScenario.InitialPurchase, JourneyState.Future, _enthusiast, FutureOf(initial));
        }

        private static StageSpec[] InitialPurchase() =>
        [
            new("Getting inspired", 'A', "The old TV suddenly looks small; first impulses from social media, colleagues and search.",
            [
                new("Sees a 65-inch OLED reel on Instagram during the football highlights",
                    "Our old 46-inch set looks tiny and washed-out next to this.",
                    "Is OLED worth the money? What does a set like this cost?",
                    "The reel shows no price; the link lands on the generic home page.", 1, "social-instagram, web-home", "marketing"),
                new("Asks a colleague who bought a big TV last year",
                    "He knows about TVs; if he was happy, that counts more than any ad.",
                    "Where did you buy yours? Would you buy there again?",
                    null, 1, "wom-friends", "marketing", Flags: "M", Notes: "The colleague praised the installation, not the price: installation is a selling point."),
                new("Searches 'best 65 inch TV test' and reads the Brightview buying guide",
                    "I want to understand OLED vs. QLED before anyone tries to sell me something.",
                    "Does burn-in still matter? Which size for 3.5 m viewing distance?",
                    null, 2, "ad-search, web-buying-guide, review-test-magazines", "marketing", Flags: "B"),
            ]),
            new("Comparing models", 'C', "Narrowing down to two or three models, checking gaming features and seeing the picture for real.",
            [
                new("Uses the online TV advisor to narrow down to three models",
                    "Finally a short list instead of 200 models.",
                    "Which of the three works best with the PS5?",
                    null, 2, "web-tv-advisor", "ecommerce", Flags: "B"),
                new("Reads product pages and Trustpilot reviews",
                    "Specs look good; reviews about installation slots make me wonder.",
                    "Which HDMI ports are 2.1? Which wall bracket fits VESA 300×300?",
                    "HDMI 2.1 ports and VESA size are missing on the product page of the new model.", 0, "web-product-page, review-trustpilot", "ecommerce"),
                new("Asks the live chat about 120 Hz on the HDMI ports",
                    "A quick question, should take a minute.",
                    "Does the set do 4K at 120 Hz on all four ports?",
                    "The chatbot answers twice with the returns policy before handing over; 6 minutes until an agent.", -1, "chat-bot, chat-web", "ecommerce",
                    Wait: 6, Flags: "P"),
                new("Visits the home cinema studio and compares OLED and QLED with his own film",
                    "Now I see it: the blacks are in a different league. And the advisor really knows his stuff.",
                    "Can you mount it on a plasterboard wall? What about the soundbar I have?",
                    null, 3, "web-store-finder, store-home-cinema-studio, store-sales-advice", "stores", Flags: "MB",
                    Notes: "Highest point of the journey in every interview."),
                new("Notices the shelf label is €100 above the web shop price",
                    "Why do they charge me more in the store? Am I being taken for a fool?",
                    "Will they match it if I ask? Why is it different at all?",
                    "The advisor can match the price only after calling the store manager.", -2, "store-price-labels", "stores", Flags: "P"),
            ]),
            new("Buying", 'P', "Ordering online with 0 % financing and booking delivery and installation.",
            [
                new("Orders the TV in the web shop at home and applies for 0 % financing",
                    "Cheaper online, and I can spread the cost.",
                    "When do I know whether the financing is approved?",
                    "The order is on hold 'for up to two working days' while the partner bank checks the application.", 0, "shop-cart, shop-financing", "finance",
                    Wait: 2880, Flags: "P"),
                new("Books the delivery and wall-mount installation slot",
                    "I want it up for the weekend of the final.",
                    "Is there really nothing on a Saturday? Nothing sooner?",
                    "Earliest installation slot in 16 days, weekdays only; he has to take a day off.", -2, "shop-delivery-slot", "logistics",
                    Flags: "MP", Notes: "Lowest point before the delivery. Several customers cancel here and buy at a competitor with next-day installation."),
                new("Receives the order confirmation and the financing approval",
                    "Good, it's really happening.",
                    "What do I need to prepare before the installers come?",
                    null, 1, "email-order-confirmation", "ecommerce"),
            ]),
            new("Delivery & installation", 'U', "The TV arrives, goes on the wall and gets set up.",
            [
                new("Waits at home for the delivery in a six-hour window",
                    "A whole morning gone, and I don't know when they'll come.",
                    "Will they call before they come? Can I still go to the bakery?",
                    "Window 8:00–14:00; the driver calls only 30 minutes ahead; no live tracking.", -1, "whatsapp-delivery-updates, call-delivery-announcement", "logistics",
                    Wait: 240),
                new("Installers mount the TV on the wall, hide the cables and set up channels and streaming",
                    "Wow. Clean work, friendly, and they explained everything.",
                    "How do I switch to game mode?",
                    null, 3, "onsite-delivery, onsite-installation, print-installer-card", "logistics", Flags: "MB"),
                new("Installers take away the old TV and all the packaging",
                    "Great, no cardboard mountain and no trip to the recycling centre.",
                    "Do I get anything for the old set?",
                    null, 2, "onsite-old-tv-disposal", "logistics"),
                new("Finds in the evening that the soundbar stays silent (eARC not set up)",
                    "Brilliant picture, no sound. Did they forget something?",
                    "Is it the cable, the TV or the soundbar? Who do I ask now?",
                    "The setup assistant does not cover eARC; the chat is closed after 20:00.", -1, "app-setup-assistant, chat-web", "logistics",
                    Flags: "P"),
            ]),
            new("First weeks", 'U', "Living with the TV, the paperwork and the follow-up mails.",
            [
                new("Receives the invoice a week after delivery, separate from the financing letters",
                    "Hang on, do I have to pay this? I thought it was financed.",
                    "Which document is the one I pay?",
                    "Invoice and financing plan come separately; the invoice shows the full amount as due.", -1, "email-invoice", "finance", Flags: "P"),
                new("Gets an e-mail recommending a soundbar",
                    "I have one, you saw that when you installed it.",
                    null, "The recommendation ignores what he already owns.", 0, "email-accessory-upsell", "marketing"),
                new("Hosts the first movie night with friends",
                    "This is what I bought it for.",
                    null, null, 3, "", "marketing", Flags: "M",
                    Notes: "The real moment of truth: the product works, the service is forgotten or remembered here."),
            ]),
            new("Recommending", 'V', "Looking back on the purchase and passing it on.",
            [
                new("Answers the satisfaction survey",
                    "I'll give them feedback about the slot booking.",
                    "Does anybody read this?",
                    "25 questions; no reply to his comment about Saturday installations.", 0, "email-feedback-survey", "marketing"),
                new("Writes a Google review of the store",
                    "The advisor deserves five stars, the waiting for the installation three.",
                    null, null, 2, "review-google", "marketing"),
                new("Recommends Brightview to his brother-in-law and sends him the refer-a-friend code",
                    "Go to the studio and ask for Hannah.",
                    "Where do I find the referral code?",
                    "The referral code is only in the loyalty mailing.", 2, "wom-friends, wom-refer-a-friend", "marketing", Flags: "B"),
            ]),
        ];

        /// <summary>The future state: the same map with the pain points designed away.</summary>
        private static StageSpec[] FutureOf(StageSpec[] current)
        {
            var better = new Dictionary<(int, int), S>
            {
                [(1, 2)] = new("Asks the live chat about 120 Hz and gets a product expert right away",
                    "That was quick — and he knew the answer.",
                    "Does the set do 4K at 120 Hz on all four ports?",
                    null, 2, "chat-bot, chat-web", "ecommerce", Wait: 1, Notes: "Bot recognises product questions and hands over after at most two answers."),
                [(1, 4)] = new("Sees the same price on the shelf label as in the web shop",
                    "Fair. I can buy here or online, whatever suits me.",
                    null, null, 2, "store-price-labels", "stores", Flags: "B", Notes: "Shelf labels synchronised hourly with the web shop."),
                [(2, 0)] = new("Orders the TV and gets the financing decision within the checkout",
                    "Approved in a minute, done.",
                    null, null, 2, "shop-cart, shop-financing", "finance", Wait: 2, Notes: "Instant decision through the partner bank's API."),
                [(2, 1)] = new("Books a Saturday installation slot within the next five days",
                    "Perfect, it'll be up for the final.",
                    null, null, 2, "shop-delivery-slot", "logistics", Flags: "M", Notes: "Saturday shifts and a seventh installer team."),
                [(3, 0)] = new("Follows the delivery truck live on WhatsApp",
                    "Forty minutes to go — enough time for the bakery.",
                    null, null, 1, "whatsapp-delivery-updates", "logistics", Wait: 40),
                [(3, 3)] = new("Installers connect the soundbar and check the sound before they leave",
                    "Picture and sound — they thought of everything.",
                    null, null, 3, "onsite-installation, app-setup-assistant", "logistics", Flags: "B", Notes: "Installer checklist covers soundbar, eARC and streaming logins."),
                [(4, 0)] = new("Receives one e-mail with the invoice and the financing plan together",
                    "Clear: nothing to pay now, 20 instalments from next month.",
                    null, null, 1, "email-invoice", "finance"),
                [(4, 1)] = new("Gets a setup-tips video for his model the day after installation",
                    "Nice, game mode explained in two minutes.",
                    null, null, 2, "email-accessory-upsell, social-youtube-setup", "marketing"),
                [(5, 0)] = new("Answers a five-question survey and gets a personal reply to his comment",
                    "They actually read it.",
                    null, null, 2, "email-feedback-survey", "marketing", Flags: "B"),
            };
            return current.Select((stage, si) => stage with
            {
                Steps = stage.Steps.Select((s, pi) => better.TryGetValue((si, pi), out var b) ? b : s with { Flags = s.Flags.Replace("P", "") }).ToArray(),
            }).ToArray();
        }

        private static StageSpec[] RepeatPurchase() =>
        [
            new("Prompted", 'A', "A loyalty voucher and a flyer arrive just as the kids ask for their own TV.",
            [
                new("Finds the loyalty club mailing with a €50 voucher in the letterbox",
                    "Perfect timing, the kids have been nagging for weeks.",
                    "How long is the voucher valid? Can I use it online?",
                    null, 1, "print-loyalty-mailing", "marketing"),
                new("Gets three app push messages about deals in one day",
                    "Too much. I'll switch notifications off.",
                    null, "Pushes are not coordinated with the newsletter and the flyer.", -1, "app-loyalty, email-newsletter", "marketing"),
                new("Browses the weekly flyer at the kitchen table",
                    "There's a 43-inch for €379 — that would do.",
                    "Is it in stock at my store?",
                    null, 1, "print-catalogue", "marketing"),
            ]),
            new("Choosing", 'C', "Picking a model that is safe for the children and available nearby.",
            [
                new("Compares 43-inch models in the app",
                    "Quick look on my lunch break.",
                    "Which one has the better parental controls?",
                    "The app lists models that are out of stock at her store.", 0, "app-loyalty, web-product-page", "ecommerce"),
                new("Asks in the live chat about parental controls and YouTube Kids",
                    "I want to know before I buy, not after.",
                    "Can I lock the streaming apps with a PIN?",
                    null, 1, "chat-bot, chat-web", "service"),
                new("Checks stock for click & collect at her store",
                    "I'm not driving there for nothing.",
                    "'Limited stock' — is that one or ten?",
                    "Stock shown as 'limited' without a number; updated only every four hours.", -1, "web-store-finder, shop-click-collect", "ecommerce"),
            ]),
            new("Buying", 'P', "Reserving online, redeeming the voucher, collecting in the store.",
            [
                new("Reserves click & collect and tries to enter the voucher code",
                    "Why doesn't this work? It says 'Brightview voucher' right on it.",
                    "Is the code wrong or is it not valid online?",
                    "Loyalty vouchers can be redeemed only in stores; the web shop says 'invalid code'.", -2, "shop-click-collect, shop-cart", "ecommerce",
                    Flags: "MP", Notes: "Voucher engine of the web shop cannot read loyalty vouchers (different system)."),
                new("Calls the hotline to ask about the voucher",
                    "I just want a yes or no.",
                    "Can you apply the voucher to my reservation?",
                    "14 minutes in the queue; the agent can only say 'bring it to the store'.", -2, "call-hotline", "service", Wait: 14, Flags: "P"),
                new("Picks up the TV at the store; the staff apply the voucher at the counter",
                    "OK, it worked in the end, and the lady was nice about it.",
                    null, "Queue of 20 minutes at the pick-up counter on Saturday.", 1, "store-pickup, store-checkout", "stores", Wait: 20, Flags: "M"),
                new("Trades in the old kitchen TV for €40",
                    "Didn't expect that — one thing less in the garage.",
                    null, null, 2, "store-tradein", "stores", Flags: "B"),
            ]),
            new("Setting up", 'U', "The kids' TV goes up; the receipt and points land in the app.",
            [
                new("Sets the TV up with the app's setup assistant and a YouTube video",
                    "Done in 20 minutes, PIN for the apps included.",
                    null, null, 1, "app-setup-assistant, social-youtube-setup", "ecommerce"),
                new("Finds the digital receipt and the points in the app",
                    "Good, no paper receipt to lose — the warranty is in there.",
                    null, null, 2, "app-loyalty", "ecommerce", Flags: "B"),
                new("Receives an extended-warranty offer for the €379 TV",
                    "Five years of warranty for €89 on a €379 TV? No thanks.",
                    null, "The offer ignores the price of the device.", -1, "email-warranty-reminder, email-accessory-upsell", "finance"),
            ]),
            new("Staying loyal", 'V', "Back to being a happy club member.",
            [
                new("Posts a photo of the kids' gaming corner and tags Brightview",
                    "They love it; and Brightview liked my post.",
                    null, null, 2, "social-facebook-community", "marketing"),
                new("Collects a points bonus for the purchase",
                    "Next voucher is already on its way.",
                    null, null, 2, "app-loyalty, print-loyalty-mailing", "marketing"),
                new("Recommends the store to a neighbour",
                    "Go on a weekday, the pick-up queue is shorter.",
                    "Is there a referral bonus?",
                    "She does not know the refer-a-friend programme exists.", 1, "wom-friends, wom-refer-a-friend", "marketing"),
            ]),
        ];

        private static StageSpec[] ServiceCase() =>
        [
            new("Noticing the defect", 'U', "The TV Walter watches every evening shows lines and a dark stripe.",
            [
                new("Sees vertical lines and a dark stripe on his 14-month-old 55-inch TV",
                    "Of course, right before the news. Is it broken for good?",
                    "Is this still under warranty? Who do I call — the store or the manufacturer?",
                    null, -2, "", "service", Flags: "M"),
                new("Looks for the receipt and finds the service number on the installer's card",
                    "Good that I kept that card.",
                    null, null, 0, "print-installer-card", "logistics"),
                new("Tries the service portal on the tablet",
                    "My daughter said there is a form on the website.",
                    "Where is the serial number? What is an order number — I paid in the store?",
                    "The form requires the serial number from the back of the wall-mounted TV and an order number he does not have.", -2, "web-home, web-service-portal", "repairs",
                    Flags: "P"),
            ]),
            new("Reporting", 'U', "Getting the defect reported to someone who can act.",
            [
                new("Calls the hotline",
                    "I'll just call, that's what the number is for.",
                    "How long am I going to be on hold?",
                    "23 minutes in the queue at Monday 9:00; the call drops once and he has to start again.", -3, "call-hotline", "service",
                    Wait: 23, Flags: "MP", Notes: "Monday-morning peak: hotline staffed for an average day."),
                new("The agent opens a case and asks for photos via WhatsApp; his daughter sends them",
                    "Finally someone who takes it seriously.",
                    "What happens now?",
                    null, 1, "whatsapp-service", "service", Flags: "B"),
                new("Receives the case confirmation e-mail",
                    "A case number, but no date.",
                    "When will the technician come?",
                    "'A technician will contact you' — no date, no time frame.", -1, "email-case-confirmation", "service"),
            ]),
            new("Waiting for the technician", 'U', "Days without a TV and without news.",
            [
                new("Waits for the technician's call",
                    "Three days and nobody has called. Have they forgotten me?",
                    "Has the part been ordered? Who is the service partner?",
                    "The service partner schedules only after the spare panel is confirmed; the status in the app says 'in progress'.", -2, "app-service-tracking", "repairs",
                    Wait: 4320, Flags: "P"),
                new("Calls the hotline again to ask for the status",
                    "I have to explain everything again from the start.",
                    "Why can't you see what the technician is doing?",
                    "18 minutes on hold; the agent cannot see the service partner's system and promises a call-back that never comes.", -3, "call-hotline", "service",
                    Wait: 18, Flags: "MP", Notes: "Repeat contact: 38 % of service cases call more than twice."),
                new("His daughter drives him to the store, which lends him a TV",
                    "Now that is service. At least I can watch the news.",
                    null, "Loan TVs exist only in the stores; the hotline does not offer them.", 2, "store-service-desk", "stores", Flags: "B"),
            ]),
            new("Repair", 'U', "The technician comes — twice.",
            [
                new("The technician arrives on day 9 and diagnoses a panel failure",
                    "Nice young man, but he doesn't have the part with him.",
                    "Why did nobody tell him it's the panel? We sent photos.",
                    "The photos from WhatsApp were not passed on to the service partner.", -1, "onsite-repair", "repairs", Flags: "MP"),
                new("Brightview decides to replace the TV instead of waiting for a second visit",
                    "A new TV — I didn't expect that. Why not straight away?",
                    "Is the new one the same model? Who sets it up?",
                    null, 1, "call-hotline", "repairs", Wait: 7200, Notes: "Swap decided case by case; took five more working days."),
                new("The replacement TV is delivered, mounted and set up; the old one is taken away",
                    "Everything as before, channels sorted the way I had them.",
                    null, null, 2, "onsite-delivery, onsite-installation, onsite-old-tv-disposal", "logistics", Flags: "B"),
            ]),
            new("After the case", 'V', "Looking back on three weeks without his own TV.",
            [
                new("Receives the satisfaction survey",
                    "Online survey — I'll leave that to my daughter.",
                    null, "Only online; no phone or paper option.", 0, "email-feedback-survey", "marketing"),
                new("Receives a letter offering the extended warranty the day after the swap",
                    "Now they want to sell me more warranty? Cheeky.",
                    null, "Renewal campaign does not check for open or just-closed service cases.", -1, "email-warranty-reminder", "finance"),
                new("Tells his bowling club how it went",
                    "Took far too long, but in the end they gave me a new one.",
                    null, null, 1, "wom-friends", "marketing", Flags: "M"),
            ]),
        ];
    }
}
