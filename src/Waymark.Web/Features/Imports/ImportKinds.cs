namespace Waymark.Web.Features.Imports;

/// <summary>A field a sheet's column can fill, with the header names (English and German) that suggest it.</summary>
public sealed record ImportField(string Key, string Label, bool Required, IReadOnlyList<string> Headers)
{
    /// <summary>
    /// Whether a header cell names this field: case, spaces, hyphens and punctuation aside, and without a remark in
    /// parentheses ("Relevanz (1-5)", "Wert (€)").
    /// </summary>
    public bool Matches(string header) =>
        MatchesExactly(header) || Names.Contains(ImportKinds.Normal(System.Text.RegularExpressions.Regex.Replace(header, @"\([^)]*\)|\[[^\]]*\]", "")));

    /// <summary>Whether the header names the field as it stands, remark and all ("Erwartung (1-10)" is the expectation level, not the expectation).</summary>
    public bool MatchesExactly(string header) => Names.Contains(ImportKinds.Normal(header));

    private IEnumerable<string> Names => Headers.Append(Key).Select(ImportKinds.Normal);
}

/// <summary>What a sheet can bring into a workspace and the fields of each.</summary>
public sealed record ImportKind(string Key, string Label, IReadOnlyList<ImportField> Fields)
{
    public ImportField? Field(string key) => Fields.FirstOrDefault(f => string.Equals(f.Key, key, StringComparison.OrdinalIgnoreCase));
}

public static class ImportKinds
{
    private static ImportField F(string key, string label, params string[] headers) => new(key, label, false, headers);
    private static ImportField R(string key, string label, params string[] headers) => new(key, label, true, headers);

    public static readonly ImportKind Touchpoints = new("touchpoints", "Touchpoints",
    [
        R("name", "Name", "Name", "Touchpoint", "Bezeichnung", "Kontaktpunkt", "Titel", "Title"),
        R("channel", "Channel", "Channel", "Kanal", "Medium"),
        F("category", "Category", "Category", "Kategorie", "Typ", "Type", "Art"),
        F("description", "Description", "Description", "Beschreibung"),
        F("phases", "Phases", "Phases", "Phase", "Phasen", "Lifecycle phase", "Lebenszyklusphase"),
        F("department", "Department", "Department", "Abteilung", "Bereich", "Team"),
        F("owner", "Owner", "Owner", "Verantwortlich", "Verantwortliche", "Verantwortlicher", "Besitzer", "Zuständig"),
        F("relevance", "Relevance (1–5)", "Relevance", "Relevanz", "Wichtigkeit", "Importance", "Bedeutung"),
        F("momentOfTruth", "Moment of truth", "Moment of truth", "MoT", "Moment der Wahrheit"),
        F("painPoint", "Pain point", "Pain point", "Schmerzpunkt", "Painpoint"),
        F("brandSuccessPoint", "Brand success point", "Brand success point", "Markenerfolgspunkt"),
        F("tags", "Tags", "Tags", "Schlagworte", "Schlagwörter", "Stichworte"),
        F("eventKey", "Event key", "Event key", "Event", "Ereignis", "Ereignisschlüssel", "Event-Schlüssel", "Activity"),
    ]);

    public static readonly ImportKind Personas = new("personas", "Personas",
    [
        R("name", "Name", "Name", "Persona", "Bezeichnung"),
        F("initials", "Initials", "Initials", "Initialen", "Kürzel"),
        F("quote", "Quote", "Quote", "Zitat"),
        F("description", "Description", "Description", "Beschreibung", "Profil", "Profile"),
        F("ageBand", "Age band", "Age", "Age band", "Alter", "Altersgruppe"),
        F("occupation", "Occupation", "Occupation", "Beruf", "Tätigkeit"),
        F("incomeBand", "Income band", "Income", "Income band", "Einkommen"),
        F("location", "Location", "Location", "Wohnort", "Ort", "Region"),
        F("household", "Household", "Household", "Haushalt"),
        F("goals", "Goals", "Goals", "Ziele"),
        F("needs", "Needs", "Needs", "Bedürfnisse"),
        F("frustrations", "Frustrations", "Frustrations", "Frustrationen", "Ärgernisse"),
        F("purchasingBehaviour", "Purchasing behaviour", "Purchasing behaviour", "Purchasing behavior", "Kaufverhalten"),
        F("onlineAffinity", "Online affinity", "Online affinity", "Online-Affinität", "Onlineaffinität"),
        F("shareOfCustomers", "Share of customers (%)", "Share of customers", "Share", "Anteil", "Kundenanteil", "Anteil Kunden"),
    ]);

    public static readonly ImportKind Channels = new("channels", "Channels",
    [
        R("name", "Name", "Name", "Channel", "Kanal", "Bezeichnung"),
        F("kind", "Digital or analog", "Kind", "Digital or analog", "Digital/analog", "Art", "Typ", "Type"),
        F("reach", "Direct or indirect", "Reach", "Direct or indirect", "Direkt/indirekt", "Reichweite"),
        F("description", "Description", "Description", "Beschreibung"),
    ]);

    public static readonly ImportKind Departments = new("departments", "Departments",
    [
        R("name", "Name", "Name", "Department", "Abteilung", "Bereich", "Bezeichnung"),
        F("description", "Description", "Description", "Beschreibung"),
        F("bottlenecks", "Bottlenecks", "Bottlenecks", "Engpässe"),
        F("delays", "Delays", "Delays", "Verzögerungen"),
        F("internalProblems", "Internal problems", "Internal problems", "Interne Probleme"),
    ]);

    public static readonly ImportKind People = new("people", "People",
    [
        R("name", "Name", "Name", "Person", "Mitarbeiter", "Mitarbeiterin"),
        F("role", "Role", "Role", "Rolle", "Funktion", "Position"),
        F("email", "E-mail", "E-mail", "Email", "Mail", "E-Mail-Adresse"),
        F("department", "Department", "Department", "Abteilung", "Bereich"),
    ]);

    public static readonly ImportKind Evaluations = new("evaluations", "Evaluations",
    [
        R("touchpoint", "Touchpoint", "Touchpoint", "Kontaktpunkt", "Touchpoint name"),
        F("persona", "Persona", "Persona"),
        R("score", "Score (1–10)", "Score", "Bewertung", "Note", "Punkte", "Wert"),
        R("evaluatedOn", "Date", "Date", "Evaluated on", "Datum", "Bewertet am"),
        F("source", "Source", "Source", "Quelle"),
        F("expectation", "Expectation", "Expectation", "Erwartung"),
        F("experience", "Experience", "Experience", "Erlebnis", "Erfahrung"),
        F("expectationLevel", "Expectation level (1–10)", "Expectation level", "Erwartungsniveau", "Erwartung (1-10)"),
        F("experienceLevel", "Experience level (1–10)", "Experience level", "Erlebnisniveau", "Erlebnis (1-10)"),
        F("evaluator", "Evaluator", "Evaluator", "Bewerter", "Bewerterin", "Rated by"),
        F("comment", "Comment", "Comment", "Kommentar", "Bemerkung", "Anmerkung"),
    ]);

    public static readonly ImportKind KpiMeasurements = new("kpi-measurements", "KPI measurements",
    [
        R("kpi", "KPI", "KPI", "Kennzahl", "KPI name", "Indicator"),
        R("value", "Value", "Value", "Wert", "Messwert", "Ist", "Actual"),
        R("measuredAt", "Measured on", "Date", "Measured at", "Measured on", "Datum", "Stichtag", "Zeitpunkt", "Gemessen am"),
        F("note", "Note", "Note", "Notiz", "Bemerkung", "Kommentar", "Comment"),
    ]);

    public static readonly IReadOnlyList<ImportKind> All = [Touchpoints, Personas, Channels, Departments, People, Evaluations, KpiMeasurements];

    public static string Names => string.Join(", ", All.Select(k => k.Key));

    public static ImportKind Find(string? key) =>
        All.FirstOrDefault(k => string.Equals(k.Key, key?.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? throw new Domain.Common.DomainRuleException("kind", $"'{key}' is not something Waymark imports from a sheet; choose one of {Names}.");

    /// <summary>A header or name compared without case, spaces and punctuation: "E-Mail" is "email".</summary>
    public static string Normal(string text) =>
        string.Concat(text.Where(char.IsLetterOrDigit)).ToLowerInvariant();
}
