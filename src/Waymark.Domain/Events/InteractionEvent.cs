using Waymark.Domain.Common;

namespace Waymark.Domain.Events;

/// <summary>What a score on an interaction event measures; the numbers are kept in storage, so they never change.</summary>
public enum EventScoreKind : byte
{
    /// <summary>Customer satisfaction, 1–5.</summary>
    Csat = 1,
    /// <summary>Net promoter answer, 0–10.</summary>
    Nps = 2,
    /// <summary>Customer effort, 1–7 (lower is less effort).</summary>
    Ces = 3,
    /// <summary>The workspace's own score, 1–10 (10 = expectations exceeded), as in evaluations.</summary>
    Rating = 4,
}

/// <summary>
/// One thing a customer did or met at a touchpoint, as a source system reports it (a call, a chat, an order, a survey
/// answer). Times are UTC. An event id, when the source has one, makes sending the event again harmless.
/// </summary>
public sealed record InteractionEvent(string Customer, DateTime At, string Touchpoint, string Channel)
{
    public const int MaxKey = 200, MaxShort = 100, MaxAttributes = 4000;

    public string? EventId { get; init; }
    public string? Case { get; init; }
    public string? Outcome { get; init; }
    public string? Agent { get; init; }
    public float? HandlingSeconds { get; init; }
    public float? WaitingSeconds { get; init; }
    public float? Score { get; init; }
    public EventScoreKind? ScoreKind { get; init; }
    /// <summary>Free attributes of the source as a flat JSON object, kept as sent.</summary>
    public string? Attributes { get; init; }

    /// <summary>Every rule the event breaks, as (field, problem) in words a CX manager understands; empty when it is fine.</summary>
    public IEnumerable<(string Field, string Problem)> Problems()
    {
        // One check per text, without an iterator each: a batch of 10,000 events is checked on every request.
        if (Text(Customer, MaxKey, required: true) is { } customer) yield return ("customer", customer);
        if (Text(Touchpoint, MaxKey, required: true) is { } touchpoint) yield return ("touchpoint", touchpoint);
        if (Text(Channel, MaxShort, required: true) is { } channel) yield return ("channel", channel);
        if (Text(EventId, MaxShort, required: false) is { } eventId) yield return ("eventId", eventId);
        if (Text(Case, MaxShort, required: false) is { } @case) yield return ("case", @case);
        if (Text(Outcome, MaxShort, required: false) is { } outcome) yield return ("outcome", outcome);
        if (Text(Agent, MaxKey, required: false) is { } agent) yield return ("agent", agent);
        if (At.Kind != DateTimeKind.Utc) yield return ("time", "must be given in UTC or with an offset");
        else if (At.Year is < 1970 or > 2100) yield return ("time", $"{At:yyyy-MM-dd} lies outside 1970–2100");
        if (HandlingSeconds is { } h && (h < 0 || !float.IsFinite(h))) yield return ("handling", "cannot be negative");
        if (WaitingSeconds is { } w && (w < 0 || !float.IsFinite(w))) yield return ("waiting", "cannot be negative");
        if (Score is { } score)
        {
            var (low, high) = Range(ScoreKind ?? EventScoreKind.Csat);
            if (!float.IsFinite(score) || score < low || score > high)
                yield return ("score", $"{score} is outside {low}–{high} for a {Name(ScoreKind ?? EventScoreKind.Csat)} score");
        }
        else if (ScoreKind is not null) yield return ("score", "is missing although a score kind is given");
        if (Attributes is { Length: > MaxAttributes }) yield return ("attributes", $"may be at most {MaxAttributes} characters long");
    }

    public static (int Low, int High) Range(EventScoreKind kind) => kind switch
    {
        EventScoreKind.Nps => (0, 10),
        EventScoreKind.Csat => (1, 5),
        EventScoreKind.Ces => (1, 7),
        _ => (1, 10),
    };

    public static string Name(EventScoreKind kind) => kind switch
    {
        EventScoreKind.Nps => "NPS",
        EventScoreKind.Csat => "CSAT",
        EventScoreKind.Ces => "CES",
        _ => "1–10",
    };

    /// <summary>Reads csat, nps, ces or rating (also "10" for the workspace's 1–10 score); empty is no kind.</summary>
    public static bool TryParseKind(string? text, out EventScoreKind? kind)
    {
        kind = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        switch (text.Trim().ToLowerInvariant())
        {
            case "csat": kind = EventScoreKind.Csat; return true;
            case "nps": kind = EventScoreKind.Nps; return true;
            case "ces": kind = EventScoreKind.Ces; return true;
            case "rating" or "score" or "10" or "1-10": kind = EventScoreKind.Rating; return true;
            default: return false;
        }
    }

    private static string? Text(string? value, int max, bool required)
    {
        if (string.IsNullOrWhiteSpace(value)) return required ? "is empty" : null;
        if (value.Length > max) return $"is longer than {max} characters";
        return value.AsSpan().ContainsAnyInRange('\u0000', '\u001F') || value.AsSpan().ContainsAnyInRange('\u007F', '\u009F')
            ? "contains a line break or an invisible control character" : null;
    }
}
