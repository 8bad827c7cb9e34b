using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Waymark.Analytics.Conformance;
using Waymark.Analytics.Metrics;
using Waymark.Analytics.Model;
using Waymark.Domain.Events;
using Waymark.Storage;
using Waymark.Storage.Interactions;
using Waymark.Web.Features.Journeys;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Evidence;

/// <summary>
/// A question to a workspace's stored interaction events: a period of whole UTC days, <see cref="From"/> to
/// <see cref="To"/> inclusive, and optional filters (a channel, a persona as the events' <c>persona</c> attribute names it,
/// a journey map to hold the real journeys against).
/// </summary>
public sealed record EventQuestion
{
    public required DateOnly From { get; init; }
    public required DateOnly To { get; init; }
    public string? Channel { get; init; }
    public string? Persona { get; init; }
    public Guid? Journey { get; init; }
}

/// <summary>The answer: the same report as <c>waymark analyze --json</c>, the map it was held against, and how fresh the evidence is.</summary>
public sealed record EventAnalysis(EventQuestion Question, AnalysisReport Report, DesignedJourney? Map, DateTime? LastEventAt);

/// <summary>
/// Journey analytics over the events a workspace has stored. Everything that shows evidence from events — the analytics
/// endpoint and page, the map's evidence lane, KPIs computed from events — asks here.
/// </summary>
public sealed class EventAnalytics
{
    /// <summary>A customer's events more than this apart belong to two journeys.</summary>
    public static readonly TimeSpan JourneyGap = TimeSpan.FromDays(7);

    public async Task<EventAnalysis> AnalyseAsync(WaymarkDb db, CurrentWorkspace ws, EventQuestion question, CancellationToken ct)
    {
        var map = question.Journey is { } journey ? await DesignedJourneys.OfAsync(db, ws, journey, ct) : null;
        var builder = new EventLogBuilder();
        DateTime? last = null;
        var from = question.From.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var to = question.To.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        await foreach (var e in EventStore.For(db).ReadAsync(ws.Id, from, to, ct))
        {
            last = e.At;
            if (question.Channel is { } channel && !string.Equals(e.Channel, channel, StringComparison.OrdinalIgnoreCase)) continue;
            if (question.Persona is { } persona && !string.Equals(PersonaOf(e), persona, StringComparison.OrdinalIgnoreCase)) continue;
            builder.Add(e.Customer, e.At, e.Touchpoint, e.Channel, e.Outcome, e.Score ?? float.NaN, Kind(e.ScoreKind),
                e.HandlingSeconds ?? float.NaN, e.WaitingSeconds ?? float.NaN);
        }
        var log = builder.Build();
        var contacts = await ServiceContactsAsync(db, ws, ct);
        var report = await Task.Run(() => JourneyAnalyzer.Analyze(log, new AnalysisOptions { InactivityGap = JourneyGap, Journey = map, ServiceContacts = contacts }), ct);
        return new EventAnalysis(question, report, map, last);
    }

    /// <summary>The workspace's own definition of service contacts and resolved outcomes; the built-in one until it sets its own.</summary>
    internal static async Task<ServiceContactDefinition> ServiceContactsAsync(WaymarkDb db, CurrentWorkspace ws, CancellationToken ct)
    {
        var setting = await db.ServiceContactSettings.AsNoTracking().FirstOrDefaultAsync(s => s.WorkspaceId == ws.Id, ct);
        return setting is null ? ServiceContactDefinition.Default : new ServiceContactDefinition
        {
            Touchpoints = setting.Touchpoints,
            Channels = setting.Channels,
            ResolvedOutcomes = setting.ResolvedOutcomes,
            UnresolvedOutcomes = setting.UnresolvedOutcomes,
        };
    }

    private static ScoreKind Kind(EventScoreKind? kind) => kind switch
    {
        EventScoreKind.Csat => ScoreKind.Csat,
        EventScoreKind.Nps => ScoreKind.Nps,
        EventScoreKind.Ces => ScoreKind.Ces,
        _ => ScoreKind.None,
    };

    private static string? PersonaOf(InteractionEvent e)
    {
        if (e.Attributes is null) return null;
        using var json = JsonDocument.Parse(e.Attributes);
        return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("persona", out var p) ? p.ToString() : null;
    }
}
