using System.Globalization;
using Waymark.Analytics.Reporting;
using Waymark.Web.Features.Journeys;

namespace Waymark.Web.Features.Evidence;

/// <summary>The evidence lane in words, the same on the map page and in its SVG.</summary>
public static class EvidenceWords
{
    /// <summary>The periods the map page offers, in days up to today.</summary>
    public static readonly IReadOnlyList<(int Days, string Name)> Periods =
        [(7, "Last 7 days"), (30, "Last 30 days"), (90, "Last 90 days"), (365, "Last 12 months")];

    public const int DefaultDays = 30;

    /// <summary>The period of <paramref name="days"/> whole UTC days ending with <paramref name="today"/>.</summary>
    public static (DateOnly From, DateOnly To) Period(int days, DateOnly today) => (today.AddDays(1 - days), today);

    /// <summary>"last event 4 minutes ago"; "no events stored yet" when there are none.</summary>
    public static string Freshness(DateTime? lastEventAt, DateTimeOffset now)
    {
        if (lastEventAt is not { } last) return "no events stored yet";
        var ago = now.UtcDateTime - DateTime.SpecifyKind(last, DateTimeKind.Utc);
        if (ago < TimeSpan.FromMinutes(1)) return "last event less than a minute ago";
        if (ago < TimeSpan.FromHours(1)) return $"last event {Ago((int)ago.TotalMinutes, "minute")}";
        if (ago < TimeSpan.FromDays(1)) return $"last event {Ago((int)ago.TotalHours, "hour")}";
        if (ago < TimeSpan.FromDays(60)) return $"last event {Ago((int)ago.TotalDays, "day")}";
        return $"last event on {last.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}";
    }

    private static string Ago(int n, string unit) => $"{RealJourneys.Count(n, unit)} ago";

    /// <summary>The period as a heading says it: "1 Nov – 30 Nov 2026".</summary>
    public static string Period(DateOnly from, DateOnly to) =>
        from == to ? to.ToString("d MMM yyyy", CultureInfo.InvariantCulture)
            : $"{from.ToString(from.Year == to.Year ? "d MMM" : "d MMM yyyy", CultureInfo.InvariantCulture)} – {to.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}";

    /// <summary>What the lane says about a step, line by line.</summary>
    public static IReadOnlyList<string> Step(StepEvidence s, long journeys)
    {
        if (s.Reached == 0) return [$"No journey reached it ({RealJourneys.Count(s.Skipped, "journey")} skipped it)"];
        var lines = new List<string>
        {
            $"{RealJourneys.Count(s.Reached, "journey")} reached it ({Percent(s.Reached, journeys)})",
            s.OutOfOrder == 0 ? "All in the map's order" : $"{Percent(s.InOrder, s.Reached)} in the map's order, {Percent(s.OutOfOrder, s.Reached)} out of order",
        };
        if (s.MedianWaitSeconds is { } wait) lines.Add($"Median wait before it: {Durations.Words(wait)}");
        lines.Add($"Drop-off after it: {RealJourneys.Count(s.DropOff, "journey")} ({Percent(s.DropOff, s.Reached)})");
        return lines;
    }

    /// <summary>Why a step shows no figures: it has no touchpoint the events could name.</summary>
    public const string NoTouchpoint = "No touchpoint attached, so no event can show this step";

    /// <summary>A touchpoint's chip in the lane: "Hotline: 345 events · then E-mail".</summary>
    public static string Chip(TouchpointEvidence t) =>
        $"{RealJourneys.Count(t.Events, "event")}{(t.NextChannel is { } next ? $" · then {next}" : "")}";

    /// <summary>The chip's longer explanation (its tooltip).</summary>
    public static string ChipTitle(TouchpointEvidence t) =>
        $"{t.Touchpoint} (event key “{t.EventKey}”): {RealJourneys.Count(t.Events, "event")} in the period"
        + (t.NextChannel is { } next ? $"; customers who switched channel right after it went to {next} most often ({RealJourneys.Count(t.NextChannelCount, "time")})" : "; no switch to another channel right after it");

    public static string Percent(long part, long all) =>
        all == 0 ? "0 %" : $"{(100.0 * part / all).ToString("0.#", CultureInfo.InvariantCulture)} %";
}
