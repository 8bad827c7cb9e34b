using System.Globalization;
using Waymark.Web.Features.Evidence;

namespace Waymark.Web.Components.Pages.Evidence;

/// <summary>
/// What the analytics page shows, all of it in its address so that a view can be linked: the period (a preset or a
/// custom range of days), the filters, the funnel's touchpoints and what is drilled into.
/// </summary>
public sealed record AnalyticsView
{
    public static readonly IReadOnlyList<(string Key, string Text)> Presets =
    [
        ("7d", "Last 7 days"), ("30d", "Last 30 days"), ("90d", "Last 90 days"), ("month", "This month"), ("last-month", "Last month"),
    ];

    public const string DefaultPeriod = "30d", Custom = "custom";

    public string Period { get; init; } = DefaultPeriod;
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public string? Channel { get; init; }
    public string? Persona { get; init; }
    public Guid? Map { get; init; }
    public IReadOnlyList<string> Funnel { get; init; } = [];
    public DrillDown? Drill { get; init; }
    public IReadOnlyList<string> Of { get; init; } = [];

    /// <summary>The days a preset or custom range covers, today included; a custom range missing a day falls back to the last 30 days.</summary>
    public (DateOnly From, DateOnly To) Days(DateOnly today)
    {
        var month = new DateOnly(today.Year, today.Month, 1);
        return Period switch
        {
            "7d" => (today.AddDays(-6), today),
            "90d" => (today.AddDays(-89), today),
            "month" => (month, today),
            "last-month" => (month.AddMonths(-1), month.AddDays(-1)),
            Custom when From is { } f && To is { } t => f <= t ? (f, t) : (t, f),
            _ => (today.AddDays(-29), today),
        };
    }

    public EventQuestion Question(DateOnly today)
    {
        var (from, to) = Days(today);
        return new EventQuestion { From = from, To = to, Channel = Channel, Persona = Persona, Journey = Map };
    }

    /// <summary>The page's address relative to the workspace ("analytics?period=…").</summary>
    public string Href()
    {
        var q = new List<(string, string)>();
        if (Period != DefaultPeriod) q.Add(("period", Period));
        if (Period == Custom)
        {
            if (From is { } f) q.Add(("from", Day(f)));
            if (To is { } t) q.Add(("to", Day(t)));
        }
        if (Channel is { } c) q.Add(("channel", c));
        if (Persona is { } p) q.Add(("persona", p));
        if (Map is { } m) q.Add(("map", m.ToString()));
        q.AddRange(Funnel.Select(s => ("step", s)));
        if (Drill is { } d)
        {
            q.Add(("drill", d.ToString().ToLowerInvariant()));
            q.AddRange(Of.Select(o => ("of", o)));
        }
        return q.Count == 0 ? "analytics" : "analytics?" + string.Join('&', q.Select(x => $"{x.Item1}={Uri.EscapeDataString(x.Item2)}"));
    }

    public AnalyticsView Drilled(DrillDown kind, params IReadOnlyList<string> of) => this with { Drill = kind, Of = of };

    /// <summary>The same question without a drill-down: where a change of period or filter leads.</summary>
    public AnalyticsView Undrilled => this with { Drill = null, Of = [] };

    public static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DrillDown? ParseDrill(string? text) =>
        Enum.TryParse<DrillDown>(text, ignoreCase: true, out var d) && Enum.IsDefined(d) && !int.TryParse(text, out _) ? d : null;
}
