using Waymark.Domain.Touchpoints;

namespace Waymark.Storage.Demo;

public static partial class DemoWorkspace
{
    /// <summary>What the evaluations of a touchpoint are generated from: its typical score and the customer's words.</summary>
    private sealed record TouchpointSpec(string Key, int Quality, int Trend, string Expectation, string Experience);

    private sealed partial class Builder
    {
        /// <param name="phases">letters of <see cref="PhaseLetters"/></param>
        /// <param name="flags">M = moment of truth, P = pain point, B = brand success point</param>
        /// <param name="compliance">design, tonality, reaction time: C compliant, P partly, N not, - not assessed</param>
        /// <param name="quality">typical score 1–10 the evaluations scatter around; 0 = not evaluated yet</param>
        /// <param name="trend">score change over the year, in points (actions that worked, things that got worse)</param>
        private void T(string key, string name, string channel, TouchpointCategory category, string phases, string dept, string owner,
            int relevance, string flags, string compliance, string tags, int quality, int trend,
            string description, string expectation, string experience, string? custom = null)
        {
            static Compliance Comp(char c) => c switch
            {
                'C' => Compliance.Compliant,
                'P' => Compliance.PartlyCompliant,
                'N' => Compliance.NotCompliant,
                _ => Compliance.NotAssessed,
            };
            var t = new Touchpoint(Ws, new TouchpointProfile(
                Name: name,
                ChannelId: _channels[channel].Id,
                Category: category,
                Relevance: relevance,
                Description: description,
                CustomCategory: custom,
                PhaseIds: PhaseIds(phases),
                DepartmentId: Dept(dept),
                OwnerId: Who(owner),
                IsMomentOfTruth: flags.Contains('M'),
                IsPainPoint: flags.Contains('P'),
                IsBrandSuccessPoint: flags.Contains('B'),
                DesignCompliance: Comp(compliance[0]),
                TonalityCompliance: Comp(compliance[1]),
                ReactionTimeCompliance: Comp(compliance[2]),
                Tags: tags.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
                EventKey: key));
            _touchpoints[key] = t;
            _touchpointSpecs[key] = new TouchpointSpec(key, quality, trend, expectation, experience);
            Content.Touchpoints.Add(t);
        }

        public void AddTouchpoints()
        {
            const TouchpointCategory
                Social = TouchpointCategory.SocialMedia, Ad = TouchpointCategory.OnlineAd, Content_ = TouchpointCategory.MarketingContent,
                Events = TouchpointCategory.Events, Peer = TouchpointCategory.PeerReferral, Staff = TouchpointCategory.ConversationsWithStaff,
                Catalogue = TouchpointCategory.Catalogue, Shop = TouchpointCategory.ECommerce, Reviews = TouchpointCategory.Reviews,
                Pos = TouchpointCategory.PointOfSale, Thanks = TouchpointCategory.ThankYouLetters, Survey = TouchpointCategory.FeedbackSurveys,
                Upsell = TouchpointCategory.UpsellEmails, Billing = TouchpointCategory.Billing, Renewals = TouchpointCategory.Renewals,
                Support = TouchpointCategory.SupportChannels, Success = TouchpointCategory.CustomerSuccess, Onboarding = TouchpointCategory.Onboarding,
                Loyalty = TouchpointCategory.Loyalty, Self = TouchpointCategory.SelfService, Custom = TouchpointCategory.Custom;

            // ---- Website
            T("web-home", "Home page & campaign landing pages", "website", Content_, "AC", "ecommerce", "priya", 3, "", "CP-", "campaign, landing page", 6, 0,
                "Entry page and the landing pages of seasonal campaigns (Black Friday, football tournaments).",
                "Find the advertised offer straight away.",
                "The campaign offer is there, but the link from the Instagram reel lands on the generic home page.");
            T("web-buying-guide", "Buying guides (OLED vs. QLED, size calculator)", "website", Content_, "AC", "marketing", "tom", 3, "B", "CCC", "content, seo, advice", 8, 1,
                "Editorial guides that rank well in search and explain panel types, sizes and gaming features.",
                "Neutral, understandable advice without sales pressure.",
                "Clear and honest; several customers say the guide made them trust Brightview before they visited a store.");
            T("web-tv-advisor", "Online TV advisor (model finder)", "website", Self, "C", "ecommerce", "priya", 4, "B", "CC-", "guided selling, advice", 8, 0,
                "Five questions on room, viewing distance, usage and budget; suggests three models with reasons.",
                "A short list that fits my room and budget.",
                "Quick and to the point; recommendations match what the store staff later suggest.");
            T("web-product-page", "Product detail page", "website", Shop, "CP", "ecommerce", "priya", 5, "M", "CPC", "product data, conversion", 6, 1,
                "Specs, pictures, price, stock per store, delivery and installation options of one model.",
                "All specs I need, including gaming ports and the right wall bracket.",
                "Good pictures and prices; HDMI 2.1 ports and VESA size often missing for new models.");
            T("web-store-finder", "Store finder & opening hours", "website", Self, "CP", "ecommerce", "felix", 2, "", "CC-", "store, local", 0, 0,
                "Map of the 14 stores with opening hours, demo studios and parking.",
                "Find the nearest store with a demo studio.",
                "Works, but does not say which stores have a demo studio.");
            T("web-service-portal", "Service portal: report a defect", "website", Self, "U", "repairs", "ravi", 4, "P", "PNN", "service, warranty, self-service", 3, 0,
                "Web form to report a defect under warranty, with order and serial number.",
                "Report the defect in two minutes and know what happens next.",
                "Asks for the serial number, which sits on the back of a wall-mounted TV; no confirmation of next steps.");
            // ---- Web shop
            T("shop-cart", "Basket & checkout", "webshop", Shop, "P", "ecommerce", "priya", 5, "M", "CCC", "checkout, conversion, payment", 7, 0,
                "Basket, address, delivery and installation options, payment (card, PayPal, invoice, financing).",
                "Check out in a few minutes with the services I want.",
                "Smooth for card payment; installation options are explained only in a tooltip.");
            T("shop-financing", "0 % financing application", "webshop", Billing, "P", "finance", "emma", 4, "P", "PCN", "financing, payment, partner bank", 3, 1,
                "Online application for 0 % financing over 10–36 months with the partner bank.",
                "A decision while I am still in the checkout.",
                "Order on hold 'for up to two working days' while the bank checks; no status in between.");
            T("shop-delivery-slot", "Delivery & installation slot booking", "webshop", Self, "P", "logistics", "david", 5, "MP", "CPN", "delivery, installation, capacity", 3, 0,
                "Calendar to pick the delivery and installation date after the order.",
                "A slot this week, ideally on a Saturday.",
                "Earliest installation slot 12–16 days out in peak season and never on Saturdays.");
            T("shop-click-collect", "Click & collect reservation", "webshop", Shop, "CP", "stores", "marco", 4, "", "CPP", "click & collect, stock", 6, 1,
                "Reserve online, pay and pick up in the store within two hours.",
                "The TV is really there when I arrive.",
                "Usually ready; the stock display says 'limited' without a number and loyalty vouchers cannot be used.");
            T("shop-order-tracking", "Order status page", "webshop", Self, "PU", "ecommerce", "felix", 3, "", "CPN", "order status, delivery", 5, 0,
                "Shows the order status from payment to delivery.",
                "See where my TV is and when it comes.",
                "Status stops at 'handed to carrier'; the delivery partner's tracking is not shown.");
            // ---- Search & ads
            T("ad-search", "Paid search & shopping ads", "ads", Ad, "AC", "marketing", "tom", 2, "", "CC-", "sea, performance", 6, 0,
                "Search and shopping ads for model names and 'best 65 inch TV'.",
                "The ad leads to the model I searched for at the advertised price.",
                "Mostly correct; occasionally the ad price is older than the web shop price.");
            T("ad-retargeting", "Retargeting banners", "ads", Ad, "C", "marketing", "tom", 1, "", "PN-", "retargeting, display", 0, 0,
                "Banners showing recently viewed TVs on other websites.",
                "Relevant reminders, not stalking.",
                "Keeps showing the TV for weeks after the purchase.");
            // ---- E-mail
            T("email-newsletter", "Newsletter & deal e-mails", "email", Content_, "AV", "marketing", "tom", 2, "", "CC-", "newsletter, deals", 6, 0,
                "Weekly newsletter with deals, guides and events.",
                "A few relevant offers, not every day.",
                "Useful before big sale days, too frequent for most customers otherwise.");
            T("email-order-confirmation", "Order confirmation & thank-you e-mail", "email", Thanks, "P", "ecommerce", "priya", 3, "", "CCC", "transactional, order", 8, 0,
                "Confirms the order with items, services, payment and next steps.",
                "Immediate confirmation with everything I ordered.",
                "Arrives within a minute; clear and friendly.");
            T("email-case-confirmation", "Service case confirmation e-mail", "email", Support, "U", "service", "sofia", 3, "", "PPC", "service, case", 6, 0,
                "Confirms a service case with case number and the next steps.",
                "A case number and a date.",
                "Case number arrives quickly, but 'a technician will contact you' without a date.");
            T("email-invoice", "Invoice e-mail", "email", Billing, "PU", "finance", "emma", 3, "P", "PPC", "billing, invoice", 4, 0,
                "Invoice as PDF, sent after delivery.",
                "One invoice with the order, matching what I paid.",
                "Comes a week after delivery, separate from the financing letters; customers ask which one to pay.");
            T("email-feedback-survey", "Post-purchase satisfaction survey", "email", Survey, "V", "marketing", "claire", 2, "", "CPC", "survey, nps", 5, 0,
                "NPS survey one week after delivery or after a service case is closed.",
                "A short survey, and that someone reads it.",
                "25 questions; nobody ever gets back on a low score.");
            T("email-accessory-upsell", "Accessory recommendations after purchase", "email", Upsell, "UV", "marketing", "tom", 2, "", "CP-", "upsell, accessories, soundbar", 5, 0,
                "Soundbars, wall brackets and cables recommended two weeks after the TV purchase.",
                "Suggestions that fit the TV I bought and what I already have.",
                "Generic; suggests a soundbar to customers who bought one with the TV.");
            T("email-warranty-reminder", "Extended warranty offer & expiry reminder", "email", Renewals, "U", "finance", "emma", 2, "", "CP-", "warranty, renewal", 0, 0,
                "Offers the 5-year extended warranty before the manufacturer's warranty ends.",
                "A reminder at the right time with a fair price.",
                "Sometimes arrives in the middle of an open repair case.");
            // ---- Phone
            T("call-sales-advice", "Phone sales advice", "phone", Staff, "C", "stores", "marco", 3, "", "CC-", "advice, sales", 7, 0,
                "Store staff answer product questions by phone.",
                "A salesperson who knows the model.",
                "Friendly and competent, but calls are often not answered on Saturdays.");
            T("call-hotline", "Customer service hotline", "phone", Support, "UP", "service", "lukas", 5, "MP", "CPN", "hotline, waiting time, service", 4, 1,
                "Central hotline for orders, deliveries, returns and defects.",
                "A person within two minutes who can solve my problem.",
                "Waits of 8–25 minutes at peak times; agents cannot see the repair status and promise call-backs.");
            T("call-delivery-announcement", "Delivery-day call from the driver", "phone", Support, "PU", "logistics", "david", 3, "", "-PN", "delivery, notification", 5, 0,
                "The driver calls 30 minutes before arrival within the six-hour window.",
                "Know the delivery time in advance so I do not take a whole day off.",
                "Polite driver, but a six-hour window and only 30 minutes' notice.");
            // ---- Chat & WhatsApp
            T("chat-bot", "Chatbot first answers", "chat", Self, "CPU", "ecommerce", "felix", 3, "P", "PPC", "chatbot, self-service", 3, 2,
                "Bot answering the first question in the live chat and handing over to agents.",
                "A quick answer or a quick human.",
                "Answers product questions with policy articles; goes in circles before handing over.");
            T("chat-web", "Live chat with agents", "chat", Support, "CPU", "service", "sofia", 4, "B", "CCC", "chat, advice", 8, 0,
                "Agents and product experts in the chat, Mon–Sat until 20:00.",
                "Competent answers in a few minutes.",
                "Once a human is on, answers are fast and knowledgeable.");
            T("whatsapp-service", "WhatsApp service with photos", "whatsapp", Support, "U", "service", "sofia", 4, "B", "CCC", "whatsapp, service, photos", 8, 1,
                "Customers send photos or videos of a defect; agents open the case.",
                "Show the problem instead of describing it.",
                "Fast and personal; case opened within an hour, often praised by relatives who help older customers.");
            T("whatsapp-delivery-updates", "Delivery updates on WhatsApp", "whatsapp", Support, "PU", "logistics", "jonas", 3, "", "CP-", "delivery, notification", 6, 1,
                "Status messages from dispatch to delivery.",
                "Know exactly when the truck arrives.",
                "Helpful messages, but no live tracking yet.");
            // ---- Social
            T("social-instagram", "Instagram & TikTok product reels", "social", Social, "A", "marketing", "nina", 2, "", "CC-", "social, reels, awareness", 7, 0,
                "Short videos of new models, setups and football evenings.",
                "Inspiring content that shows prices and where to buy.",
                "Attractive, but rarely shows a price and links to the home page.");
            T("social-facebook-community", "Facebook page & comments", "social", Social, "AV", "marketing", "nina", 2, "P", "CPN", "social, community, complaints", 4, 0,
                "Posts and public comments, often complaints about deliveries.",
                "A visible, quick reply when I complain publicly.",
                "Weekend complaints stay unanswered until Monday.");
            T("social-youtube-setup", "YouTube setup videos", "social", Onboarding, "U", "marketing", "nina", 2, "", "CC-", "setup, video, onboarding", 0, 0,
                "How-to videos: first setup, picture settings, connecting a soundbar.",
                "A short video for exactly my problem.",
                "Few videos, not for all brands.");
            // ---- App
            T("app-loyalty", "App: loyalty card & digital receipts", "app", Loyalty, "PUV", "ecommerce", "felix", 3, "B", "CCC", "loyalty, app, receipts", 8, 0,
                "Digital loyalty card, points, vouchers and receipts for warranty.",
                "Points and receipts in one place.",
                "Receipts and points work well; customers like not having to keep paper receipts.");
            T("app-setup-assistant", "App: TV setup assistant", "app", Onboarding, "U", "ecommerce", "felix", 3, "", "CC-", "setup, onboarding, app", 7, 0,
                "Step-by-step setup for streaming apps, picture modes and soundbar.",
                "Help with the settings the installer did not do.",
                "Helpful for common brands; eARC problems are not covered.");
            T("app-service-tracking", "App: repair status tracking", "app", Self, "U", "repairs", "ravi", 4, "P", "CPN", "repair, status, app", 3, 0,
                "Shows the status of a repair case.",
                "See when the technician comes and what happens next.",
                "Status says 'in progress' for days; the service partner's updates never arrive.");
            // ---- Store
            T("store-home-cinema-studio", "Home cinema demo studio", "store", Pos, "C", "stores", "hannah", 5, "MB", "CCC", "demo, experience, flagship", 9, 0,
                "Darkened room where customers compare TVs and sound systems side by side.",
                "See the picture in a living-room setting before spending a lot of money.",
                "The highlight of the journey: customers compare OLED and QLED with their own films.");
            T("store-sales-advice", "Sales advice in the store", "store", Staff, "CP", "stores", "marco", 5, "MB", "CCC", "advice, sales, staff", 8, 1,
                "Conversation with a salesperson about size, panel, sound and budget.",
                "Honest advice from someone who knows more than the internet.",
                "Mostly excellent; on busy Saturdays customers wait for a free advisor.");
            T("store-price-labels", "Shelf price labels & price match", "store", Pos, "CP", "stores", "marco", 4, "P", "CPN", "price, omnichannel", 3, 1,
                "Electronic shelf labels and the promise to match the web shop price.",
                "The same price as online, without having to ask.",
                "The shelf price is often higher than the web shop price; the match only happens on request.");
            T("store-checkout", "Store checkout & payment", "store", Pos, "P", "stores", "marco", 3, "", "CCC", "checkout, payment", 7, 0,
                "Checkout with card, cash, financing and loyalty points.",
                "Pay quickly and collect points.",
                "Quick; financing in the store is decided on the spot.");
            T("store-pickup", "Pick-up counter", "store", Pos, "P", "stores", "marco", 3, "", "CPP", "click & collect, pick-up", 6, 0,
                "Counter where click & collect orders are handed over.",
                "In and out in five minutes.",
                "Queues of 10–20 minutes on Saturdays; staff fetch the TV from the warehouse.");
            T("store-tradein", "Old TV trade-in", "store", Renewals, "PV", "stores", "hannah", 3, "B", "CC-", "trade-in, sustainability", 8, 0,
                "Trade-in value for the old TV when buying a new one; recycling included.",
                "Get rid of the old set and a little money for it.",
                "Simple and fair; customers mention it in reviews.");
            T("store-service-desk", "Store service desk", "store", Support, "U", "stores", "hannah", 4, "", "CC-", "service, returns, loan tv", 7, 0,
                "Returns, repair drop-off and loan TVs during repairs.",
                "Someone who takes care of the problem in person.",
                "Helpful and personal; loan TVs make a long repair bearable.");
            // ---- Events
            T("event-football-roadshow", "Big-screen football roadshow", "events", Events, "A", "marketing", "tom", 2, "", "CC-", "event, football, awareness", 8, 0,
                "Public viewing on the newest TVs in the store car parks during football tournaments.",
                "A fun evening with a good picture.",
                "Well attended; visitors come back for advice a few weeks later.");
            T("event-calibration-workshop", "Picture calibration workshop", "events", Events, "UV", "stores", "hannah", 2, "B", "CC-", "event, community, enthusiasts", 9, 0,
                "Evening workshop for customers on picture settings and calibration.",
                "Learn to get the best picture out of my TV.",
                "Enthusiasts love it and bring friends; always fully booked.");
            // ---- Print
            T("print-catalogue", "Weekly flyer & seasonal catalogue", "print", Catalogue, "A", "marketing", "tom", 2, "", "CC-", "flyer, catalogue, print", 6, 0,
                "Weekly flyer in the letterbox and the Christmas catalogue.",
                "Current offers I can browse at the kitchen table.",
                "Read by older customers; prices sometimes differ from the web shop the same week.");
            T("print-loyalty-mailing", "Loyalty club mailing with vouchers", "print", Loyalty, "AV", "marketing", "claire", 3, "", "CC-", "loyalty, voucher, mailing", 0, 0,
                "Quarterly mailing with points balance and personal vouchers.",
                "A voucher I can use wherever I buy.",
                "Vouchers only redeemable in stores.");
            T("print-installer-card", "Thank-you card from the installer", "print", Thanks, "U", "logistics", "jonas", 2, "", "CC-", "thank you, installation", 8, 0,
                "Handwritten card left by the installers with the installer's name and the service number.",
                "A personal touch.",
                "Small gesture that customers mention surprisingly often.");
            // ---- Delivery & installation on site
            T("onsite-delivery", "Home delivery to the room of choice", "onsite", Custom, "PU", "logistics", "david", 5, "M", "CPP", "delivery, logistics", 6, 1,
                "Two-person delivery into the room, unpacking and function check.",
                "On time, careful, no damage.",
                "Careful crews; the six-hour window and occasional late arrivals annoy customers.", custom: "Fulfilment");
            T("onsite-installation", "Wall mounting & setup by installers", "onsite", Onboarding, "U", "logistics", "jonas", 5, "MB", "CCC", "installation, wall mount, setup", 8, 1,
                "Wall mount with hidden cables, channel search, streaming apps, network.",
                "Everything set up when the installers leave.",
                "Clean, friendly work; soundbar and eARC settings were often skipped until the new checklist.");
            T("onsite-old-tv-disposal", "Taking away the old TV and packaging", "onsite", Success, "U", "logistics", "jonas", 3, "", "CC-", "recycling, sustainability", 8, 0,
                "Installers take the packaging and the old set for recycling.",
                "No cardboard mountain in the hallway.",
                "Done as promised; appreciated especially by older customers.");
            T("onsite-repair", "Technician visit for repair", "onsite", Custom, "U", "repairs", "ravi", 5, "MP", "PPN", "repair, warranty, technician", 4, -1,
                "Visit by the authorised service partner to diagnose and repair a defect.",
                "One visit, problem solved.",
                "Technicians arrive without the spare part; a second visit or a swap takes another week.", custom: "Technician visit");
            // ---- Review portals
            T("review-google", "Google reviews of the stores", "reviews", Reviews, "CV", "marketing", "nina", 4, "", "-CP", "reviews, reputation, local", 7, 1,
                "Star ratings and reviews of the 14 stores on Google Maps.",
                "Honest reviews, and that the company answers.",
                "4.4 stars on average; replies to bad reviews have become faster.");
            T("review-trustpilot", "Trustpilot web shop reviews", "reviews", Reviews, "CV", "ecommerce", "priya", 3, "", "-PN", "reviews, reputation, online", 5, 0,
                "Reviews of the web shop, often about delivery and service.",
                "Reviews that help me judge delivery and service.",
                "Complaints about installation slots and hotline waiting times dominate.");
            T("review-test-magazines", "Test magazines & comparison portals", "reviews", Reviews, "C", "marketing", "tom", 4, "", "---", "tests, price comparison", 7, 0,
                "Independent tests of TV models and price comparison listings.",
                "An independent verdict and a fair price.",
                "Brightview is listed with competitive prices; installation service is not visible there.");
            // ---- Word of mouth
            T("wom-friends", "Recommendation by friends & family", "wom", Peer, "AV", "marketing", "claire", 5, "M", "---", "word of mouth, trust", 7, 0,
                "Friends, family and colleagues telling each other where to buy and what went wrong.",
                "Hear from someone I trust where to buy.",
                "Positive about advice and installation; negative stories are about repairs.");
            T("wom-refer-a-friend", "Refer-a-friend voucher", "wom", Peer, "V", "marketing", "claire", 2, "", "CC-", "referral, loyalty", 6, 0,
                "€30 for both when a referred friend buys a TV.",
                "An easy way to pass on a recommendation.",
                "Few know it exists; the code is hidden in the loyalty mailing.");
        }
    }
}
