using Waymark.Domain.Evaluations;
using Waymark.Domain.Improvements;
using Waymark.Domain.Journeys;
using Waymark.Domain.Kpis;
using Waymark.Domain.Organisation;
using Waymark.Domain.Personas;
using Waymark.Domain.Touchpoints;
using Waymark.Domain.Workspaces;

namespace Waymark.Storage.Demo;

/// <summary>
/// The demo workspace: Brightview TV &amp; Home Cinema, a consumer-electronics retailer selling TV sets through
/// stores, a web shop, home delivery &amp; installation and an after-sales service. Built only through the
/// domain's public constructors and methods; the same <c>today</c> always gives the same content (apart from
/// identifiers and record timestamps). With <c>kpisFromEvents</c>, the KPIs the call-centre software and the surveys
/// would feed are bound to event measures instead of holding typed-in figures, and a few KPIs only events can give are
/// added: for a demo that is given its year of interaction events.
/// </summary>
public static partial class DemoWorkspace
{
    public const string Description =
        "Demo workspace: a consumer-electronics retailer with 14 stores, a web shop, home delivery & installation " +
        "and an after-sales service. Customers do not want a TV set; they want a good evening on the sofa.";

    public static WorkspaceContent Build(string key = "demo", string name = "Brightview TV & Home Cinema", DateOnly? today = null, bool kpisFromEvents = false)
    {
        var b = new Builder(new Workspace(key, name, Description), today ?? DateOnly.FromDateTime(DateTime.UtcNow), kpisFromEvents);
        b.AddPhases();
        b.AddChannels();
        b.AddDepartments();
        b.AddPeople();
        b.AddPersonas();
        b.AddTouchpoints();
        b.AddJourneys();
        b.AddEvaluations();
        b.AddKpis();
        if (kpisFromEvents) b.AddEventKpis();
        b.AddImprovements();
        return b.Content;
    }

    private sealed partial class Builder(Workspace workspace, DateOnly today, bool kpisFromEvents)
    {
        public WorkspaceContent Content { get; } = new(workspace);
        private readonly DateOnly _today = today;
        private readonly bool _kpisFromEvents = kpisFromEvents;
        private readonly Random _rng = new(42);
        private Guid Ws => Content.Workspace.Id;

        private readonly Dictionary<string, Channel> _channels = [];
        private readonly Dictionary<string, Department> _departments = [];
        private readonly Dictionary<string, Person> _people = [];
        private readonly Dictionary<string, Touchpoint> _touchpoints = [];
        private readonly Dictionary<string, TouchpointSpec> _touchpointSpecs = [];
        private readonly Dictionary<string, Journey> _journeys = [];
        private readonly Dictionary<string, Step> _steps = [];
        private readonly Dictionary<string, Kpi> _kpis = [];
        private Persona _enthusiast = null!, _family = null!, _senior = null!;

        // Phase letters used in the tables below: A wareness, C onsideration, P urchase, U sage/Service, V (adVocacy).
        private const string PhaseLetters = "ACPUV";

        private Guid PhaseId(char letter) => Content.Phases[PhaseLetters.IndexOf(letter)].Id;
        private Guid[] PhaseIds(string letters) => letters.Select(PhaseId).ToArray();
        private Guid Tp(string eventKey) => _touchpoints[eventKey].Id;
        private Guid Dept(string key) => _departments[key].Id;
        private Guid Who(string key) => _people[key].Id;

        public void AddPhases()
        {
            string[] descriptions =
            [
                "The customer notices that the old set is no longer good enough and meets Brightview for the first time: ads, social media, flyers, friends.",
                "The customer compares sizes, panel types and prices, online and in the store, and asks for advice.",
                "Order and payment: web shop, store checkout, financing, booking delivery and installation.",
                "Delivery, installation, the first evenings in front of the new TV, and service when something goes wrong.",
                "The customer judges the whole experience, writes reviews, recommends Brightview and comes back for the next device.",
            ];
            foreach (var (phase, i) in Phase.CreateDefaults(Ws).Select((p, i) => (p, i)))
            {
                phase.Describe(phase.Name, descriptions[i]);
                Content.Phases.Add(phase);
            }
        }

        public void AddChannels()
        {
            void C(string key, string name, ChannelKind kind, ChannelReach reach, string description)
            {
                var c = new Channel(Ws, name, kind, reach).Describe(name, kind, reach, description);
                _channels[key] = c;
                Content.Channels.Add(c);
            }
            const ChannelKind D = ChannelKind.Digital, A = ChannelKind.Analog;
            const ChannelReach Dir = ChannelReach.Direct, Ind = ChannelReach.Indirect;
            C("website", "Website", D, Dir, "brightview.example: buying guides, TV advisor, store finder, service portal.");
            C("webshop", "Web shop", D, Dir, "Product catalogue, basket, checkout, financing and delivery slot booking.");
            C("ads", "Search & online ads", D, Dir, "Paid search, shopping ads and retargeting banners.");
            C("email", "E-mail", D, Dir, "Transactional mails, newsletter, invoices, surveys.");
            C("phone", "Phone hotline", A, Dir, "Customer service and sales hotline, Mon–Sat 8:00–20:00, run by the service centre.");
            C("chat", "Live chat", D, Dir, "Chatbot with hand-over to agents on website and web shop.");
            C("whatsapp", "WhatsApp", D, Dir, "WhatsApp Business: delivery updates and service cases with photos.");
            C("social", "Social media", D, Dir, "Instagram, TikTok, Facebook and YouTube channels run by Marketing.");
            C("app", "Brightview app", D, Dir, "Loyalty card, digital receipts, setup assistant, repair tracking.");
            C("store", "Store", A, Dir, "14 stores, three of them with a home cinema demo studio.");
            C("events", "Events & roadshows", A, Dir, "Football big-screen roadshows, calibration workshops, product launches.");
            C("print", "Printed mail & catalogue", A, Dir, "Weekly flyer, seasonal catalogue, loyalty club mailings.");
            C("onsite", "Delivery & installation on site", A, Dir, "Own installer teams and a logistics partner deliver, mount and set up at the customer's home.");
            C("reviews", "Review portals", D, Ind, "Google reviews, Trustpilot, test magazines and price comparison portals.");
            C("wom", "Word of mouth", A, Ind, "Friends, family, colleagues and neighbours talking about Brightview.");
        }

        public void AddDepartments()
        {
            void D(string key, string name, string description, string[] bottlenecks, string[] delays, string[] problems)
            {
                var d = new Department(Ws, name).Describe(name, description, bottlenecks, delays, problems);
                _departments[key] = d;
                Content.Departments.Add(d);
            }
            D("marketing", "Marketing & CX", "Brand, campaigns, social media, loyalty club and the customer experience programme.",
                ["Campaign landing pages need an E-commerce ticket and take two sprints", "One community manager for all social channels"],
                ["Answers to Facebook comments at weekends only on Monday"],
                ["Campaign prices are agreed late and reach the stores after the ads go live", "Loyalty vouchers are printed before the web shop can redeem them"]);
            D("stores", "Stores & Sales", "14 stores, the home cinema studios, store checkouts and trade-in.",
                ["Too few trained home cinema advisors on Saturdays", "Demo studio booked out before Christmas"],
                ["Shelf labels are updated overnight, web shop prices change during the day"],
                ["Store staff cannot see web shop orders or service cases", "Sales commission favours in-store sales over click & collect"]);
            D("ecommerce", "E-commerce", "Website, web shop, app, live chat and chatbot.",
                ["Product data for new models arrives from the manufacturers late and incomplete", "Chatbot trained on policies, not on products"],
                ["Stock figures synchronise with the stores only every four hours"],
                ["The app and the web shop use different basket and voucher engines"]);
            D("logistics", "Logistics & Installation", "Warehouse, delivery partner and six own installer teams for wall mounting and setup.",
                ["Six installer teams for the whole region; no Saturday installations", "Wall brackets for large TVs often out of stock"],
                ["Earliest installation slot 12–16 days after the order in peak season", "Delivery window of six hours is only narrowed by a call 30 minutes ahead"],
                ["The delivery partner's tracking does not reach the web shop", "Installers have no checklist for soundbars and streaming apps"]);
            D("service", "Customer Service", "Service centre with hotline, e-mail, chat and WhatsApp agents.",
                ["Hotline staffed for average days, not for Monday mornings and the weeks after Christmas", "Agents switch between four systems"],
                ["E-mails answered within 48 h instead of the promised 24 h in peak weeks"],
                ["Agents cannot see the repair status at the service partner and promise call-backs instead", "No case history across channels: customers repeat themselves"]);
            D("finance", "Finance & Billing", "Invoicing, payment, 0 % financing with the partner bank, refunds.",
                ["Financing applications checked manually by the partner bank"],
                ["Financing decisions take up to two working days", "Refunds after returns take 10–14 days"],
                ["Invoice is sent after delivery, separately from the order and financing documents"]);
            D("repairs", "Technical Service & Repairs", "Warranty and repair handling with the manufacturers' authorised service partners.",
                ["Spare panels must be ordered from the manufacturer", "Two external service partners with their own systems"],
                ["Technician visits 7–12 working days after the report", "Second visit needed when the part is not on the van"],
                ["Swap or repair is decided case by case, without a rule", "Loan TVs only in stores, not offered by the hotline"]);
        }

        public void AddPeople()
        {
            void P(string key, string name, string role, string dept)
            {
                var email = name.ToLowerInvariant().Replace(' ', '.') + "@brightview.example";
                var p = new Person(Ws, name).Describe(name, role, email, Dept(dept));
                _people[key] = p;
                Content.People.Add(p);
            }
            P("claire", "Claire Donovan", "Head of Customer Experience", "marketing");
            P("tom", "Tom Becker", "Head of Marketing", "marketing");
            P("nina", "Nina Kowalski", "Social Media & Community Manager", "marketing");
            P("marco", "Marco Rossi", "Regional Store Manager", "stores");
            P("hannah", "Hannah Lee", "Home Cinema Studio Lead, Flagship Store", "stores");
            P("priya", "Priya Shah", "E-commerce Manager", "ecommerce");
            P("felix", "Felix Brandt", "Product Owner App & Chat", "ecommerce");
            P("david", "David Okafor", "Head of Logistics & Installation", "logistics");
            P("jonas", "Jonas Weber", "Installation Team Lead", "logistics");
            P("sofia", "Sofia Martins", "Customer Service Manager", "service");
            P("lukas", "Lukas Meyer", "Hotline Team Lead", "service");
            P("emma", "Emma Fischer", "Billing & Financing Lead", "finance");
            P("ravi", "Ravi Patel", "Head of Technical Service", "repairs");
        }

        public void AddPersonas()
        {
            Persona Add(PersonaProfile profile)
            {
                var p = new Persona(Ws, profile.Name).Describe(profile);
                Content.Personas.Add(p);
                return p;
            }
            Guid[] Channels(params string[] keys) => keys.Select(k => _channels[k].Id).ToArray();

            _enthusiast = Add(new PersonaProfile(
                Name: "Michael Hartmann",
                Initials: "MH",
                Quote: "If I spend two thousand euros on a TV, I want someone who knows more about it than I do — and I want it on the wall this weekend, not in three weeks.",
                Description: "The home-cinema enthusiast. Researches for weeks, reads test magazines and forums, and then wants to see the picture with his own eyes before buying. Buys a big TV every six to eight years and plans the living room around it.",
                AgeBand: "35–44",
                Occupation: "IT project manager",
                IncomeBand: "€4,500–6,000 net per month (household)",
                Location: "Suburb of a large city, terraced house",
                Household: "Couple, one child (7), living room with a 3.5 m viewing distance",
                Goals: ["Cinema feeling at home for films and football", "A TV that works with the PS5 at 120 Hz", "A clean wall mount with hidden cables"],
                Needs: ["Competent advice on panel technology (OLED vs. QLED, HDMI 2.1)", "Seeing the picture in a dark room before buying", "Fast installation at a fixed time"],
                Frustrations: ["Sales staff who read the spec sheet aloud", "Prices that differ between store and web shop", "Waiting days for a financing decision"],
                PurchasingBehaviour: "Researches online for 3–6 weeks, compares prices on comparison portals, visits one store for the demo, buys where price and installation fit; pays with 0 % financing.",
                OnlineAffinity: OnlineAffinity.High,
                PreferredChannelIds: Channels("website", "webshop", "reviews", "store", "chat"),
                ShareOfCustomers: 28));

            _family = Add(new PersonaProfile(
                Name: "Sandra Yilmaz",
                Initials: "SY",
                Quote: "I know what I want, I have a voucher, and I have twenty minutes between work and picking up the kids.",
                Description: "The family upgrader. A loyalty club member for years who buys a second or third TV for the kitchen, the kids' room or the grandparents. Price- and voucher-conscious, pragmatic, buys online and collects in the store.",
                AgeBand: "40–49",
                Occupation: "Part-time accountant",
                IncomeBand: "€3,500–4,500 net per month (household)",
                Location: "Mid-sized town, 10 minutes by car from a Brightview store",
                Household: "Married, two children (11 and 14), a dog",
                Goals: ["A reliable mid-size TV at a fair price", "Using her loyalty points and vouchers", "Safe settings for the children"],
                Needs: ["Stock she can rely on before she drives to the store", "Vouchers that work in every channel", "Quick pick-up without queuing"],
                Frustrations: ["Vouchers that only work in one channel", "Too many push messages", "Being asked the same questions on every call"],
                PurchasingBehaviour: "Repeat buyer, 1–2 purchases a year (TVs, soundbars, small appliances); decides in a few days, prefers click & collect, redeems loyalty vouchers, responds to the weekly flyer and app deals.",
                OnlineAffinity: OnlineAffinity.Medium,
                PreferredChannelIds: Channels("app", "webshop", "store", "print", "whatsapp"),
                ShareOfCustomers: 34));

            _senior = Add(new PersonaProfile(
                Name: "Walter Brenner",
                Initials: "WB",
                Quote: "I don't need the latest thing. I need it to work, and if it breaks, I want a person who tells me what happens next.",
                Description: "The comfort-seeking senior. Bought his 55-inch TV in the store where he has been a customer for twenty years, with delivery and installation. Watches news, quiz shows and sport every day; the TV is his window to the world, so a defect hurts.",
                AgeBand: "70–79",
                Occupation: "Retired master electrician",
                IncomeBand: "€2,000–3,000 net per month (pension)",
                Location: "Small town, 25 minutes from the nearest store, no car since last year",
                Household: "Widowed, lives alone; daughter lives 40 km away and helps with anything digital",
                Goals: ["A TV that simply works every evening", "Being treated with patience and respect", "Knowing who to call when something is wrong"],
                Needs: ["A phone line with a person and short waiting times", "Home visits instead of carrying the TV to the store", "Clear written confirmation of what happens when"],
                Frustrations: ["Waiting in phone queues", "Being sent to web forms and apps", "Having to explain the problem again on every call"],
                PurchasingBehaviour: "Buys rarely (every 8–10 years), always in the store after a long conversation with a salesperson; pays cash or by card; chooses delivery, installation and the extended warranty.",
                OnlineAffinity: OnlineAffinity.Low,
                PreferredChannelIds: Channels("phone", "store", "print", "onsite"),
                ShareOfCustomers: 22));
        }
    }
}
