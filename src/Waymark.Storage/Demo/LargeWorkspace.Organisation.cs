using Waymark.Domain.Organisation;
using Waymark.Domain.Personas;
using Waymark.Storage.Access;

namespace Waymark.Storage.Demo;

public static partial class LargeWorkspace
{
    private static readonly (string Name, string Short, string Description)[] DepartmentSpecs =
    [
        ("Marketing & Brand", "Marketing", "Brand, campaigns, social media, sponsorship and the tariff brochure."),
        ("Sales & Shops", "Sales", "140 own shops, telesales and door-to-door fibre sales."),
        ("Digital & E-commerce", "Digital", "Website, web shop, app, customer portal and the virtual assistant."),
        ("Customer Service", "Service", "Service centre with hotline, chat, WhatsApp and the community forum."),
        ("Field Service & Logistics", "Field Service", "Installation and repair technicians, device logistics and the parcel partner."),
        ("Network Operations", "Network", "Mobile and fixed network, outages and coverage."),
        ("Billing & Collections", "Billing", "Invoices, payments, dunning and credit checks."),
        ("Retention & Loyalty", "Retention", "Renewals, win-back, the loyalty programme and referrals."),
        ("Business Customers", "Business", "Sales and service for small and medium businesses."),
        ("Partner Channel", "Partner", "Electronics chains and independent dealers."),
        ("Product Management", "Product", "Tariffs, bundles, devices and add-ons."),
        ("Customer Experience", "CX", "The CX programme: journey maps, surveys, insights and the action plan."),
    ];

    private static readonly string[] FirstNames =
    [
        "Anna", "Ben", "Carla", "Daniel", "Elif", "Frank", "Grace", "Hugo", "Ines", "Jakob", "Katrin", "Leon", "Maya", "Noah", "Olivia",
        "Paul", "Rosa", "Samir", "Tanja", "Umut", "Vera", "William", "Xenia", "Yusuf", "Zoe", "Adrian", "Bianca", "Chris", "Dana", "Erik",
    ];

    private static readonly string[] LastNames =
    [
        "Albers", "Brennan", "Castillo", "Dietrich", "Evans", "Ferreira", "Gallagher", "Hoffmann", "Ivanova", "Jansen", "Kaya", "Lindqvist",
        "Moreau", "Nowak", "OBrien", "Petersen", "Quinn", "Rahman", "Schneider", "Tanaka", "Ulrich", "Vogel", "Walsh", "Xu", "Young",
        "Zimmermann", "Novak", "Okonkwo", "Sato", "Bauer",
    ];

    private static readonly string[] Levels = ["Head of {0}", "{0} Manager", "{0} Team Lead", "{0} Specialist", "{0} Analyst"];

    private const int PeopleCount = 120;

    private sealed partial class Builder
    {
        private readonly List<Department> _departments = [];
        private readonly List<Person> _people = [];
        private readonly List<Persona> _personas = [];

        public void AddDepartments()
        {
            foreach (var (name, _, description) in DepartmentSpecs)
            {
                var d = new Department(Ws, name).Describe(name, description,
                    [$"Too few people in {name} for the peak weeks"], [$"Hand-overs to {name} wait up to two days"], []);
                _departments.Add(d);
                Content.Departments.Add(d);
            }
        }

        /// <summary>120 people, ten per department, each name unique; the department heads come first.</summary>
        public void AddPeople()
        {
            for (var i = 0; i < PeopleCount; i++)
            {
                var name = PersonName(i);
                var dept = i % DepartmentSpecs.Length;
                var role = string.Format(Levels[Math.Min(i / DepartmentSpecs.Length, Levels.Length - 1)], DepartmentSpecs[dept].Short);
                var p = new Person(Ws, name).Describe(name, role, EmailOf(name), _departments[dept].Id);
                _people.Add(p);
                Content.People.Add(p);
            }
        }

        // (i mod 30, i div 30) picks a distinct pair of first and last name for every i below 120.
        private static string PersonName(int i) => $"{FirstNames[i % 30]} {LastNames[(7 * (i % 30) + i / 30) % 30]}";

        private static string EmailOf(string name) => name.ToLowerInvariant().Replace(' ', '.') + "@meridian-telecom.example";

        /// <summary>The first 50 people have accounts: 5 owners (department heads), 20 editors, 25 viewers.</summary>
        public IReadOnlyList<Member> Members() =>
            _people.Take(MemberCount).Select((p, i) =>
                new Member(p.Email!, p.Name, i < 5 ? WorkspaceRole.Owner : i < 25 ? WorkspaceRole.Editor : WorkspaceRole.Viewer)).ToList();

        public void AddPersonas()
        {
            (string Name, string Age, string Occupation, string Description, OnlineAffinity Online, double Share)[] specs =
            [
                ("Lena Brooks", "18–24", "Student", "Prepaid and SIM-only, streams everything, switches for a better data deal.", OnlineAffinity.High, 14),
                ("Marco Silva", "35–44", "Sales engineer", "Family bundle of fibre, TV and four mobile lines; wants it to just work.", OnlineAffinity.High, 22),
                ("Helga Wagner", "65–74", "Retired teacher", "Landline and a simple smartphone; prefers the shop and the phone.", OnlineAffinity.Low, 12),
                ("Tom Fischer", "25–34", "Gamer and developer", "Fibre speed and latency matter most; reads test reports.", OnlineAffinity.High, 9),
                ("Aylin Demir", "30–39", "Nurse working shifts", "Needs help at odd hours; uses WhatsApp and the app.", OnlineAffinity.Medium, 15),
                ("Richard Hale", "45–54", "Owner of a bakery chain", "Twelve business lines and shop Wi-Fi; downtime costs money.", OnlineAffinity.Medium, 8),
                ("Sofia Rossi", "40–49", "Moved to a new town", "Moving house: wants the internet working on the day she moves in.", OnlineAffinity.Medium, 11),
                ("Jonas Keller", "50–59", "Price-conscious switcher", "Compares every renewal offer and threatens to cancel.", OnlineAffinity.Medium, 9),
            ];
            foreach (var (name, age, occupation, description, online, share) in specs)
            {
                var preferred = _channels.Where(c => online == OnlineAffinity.High ? c.Kind == Digital : c.Kind == Analog).Take(4).Select(c => c.Id).ToArray();
                var p = new Persona(Ws, name).Describe(new PersonaProfile(name, AgeBand: age, Occupation: occupation, Description: description,
                    OnlineAffinity: online, PreferredChannelIds: preferred, ShareOfCustomers: share,
                    Goals: ["A connection that works", "A fair price"], Frustrations: ["Waiting on the hotline", "Surprises on the bill"]));
                _personas.Add(p);
                Content.Personas.Add(p);
            }
        }
    }
}
