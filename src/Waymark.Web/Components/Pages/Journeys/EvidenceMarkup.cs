using System.Runtime.CompilerServices;
using System.Text;
using Waymark.Web.Features.Evidence;
using Waymark.Web.Features.Journeys;

namespace Waymark.Web.Components.Pages.Journeys;

/// <summary>
/// The cells of the evidence lane as one piece of HTML, like <see cref="MapLaneMarkup"/>'s rows: built once per shared
/// evidence and map view, so the open pages of a map hold one string between them. All text is HTML-encoded here.
/// </summary>
public static class EvidenceMarkup
{
    private static readonly ConditionalWeakTable<JourneyEvidence, Built> ByEvidence = new();

    private sealed record Built(MapView View, string Link, string Cells);

    /// <summary>The lane's cells, one per column of the view's layout, with the filler cell at the end.</summary>
    public static string Row(MapView view, JourneyEvidence evidence, string link)
    {
        if (ByEvidence.TryGetValue(evidence, out var built) && ReferenceEquals(built.View, view) && built.Link == link) return built.Cells;
        built = new Built(view, link, Build(view, evidence, link));
        ByEvidence.AddOrUpdate(evidence, built);
        return built.Cells;
    }

    private static string Build(MapView view, JourneyEvidence evidence, string link)
    {
        var touchpoints = evidence.Touchpoints.ToDictionary(t => t.TouchpointId);
        var html = new StringBuilder();
        foreach (var column in view.Layout.Columns)
        {
            if (column.Step is not { } step)
            {
                html.Append("<div class=\"wm-cell\" role=\"cell\" data-lane=\"evidence\"></div>");
                continue;
            }
            html.Append($"<div class=\"wm-cell wm-evidence\" role=\"cell\" data-lane=\"evidence\" data-step-evidence=\"{step.Id}\">");
            if (evidence.Step(step.Id) is { } s)
            {
                html.Append($"<div data-reached=\"{s.Reached}\" data-in-order=\"{s.InOrder}\" data-drop-off=\"{s.DropOff}\">");
                foreach (var line in EvidenceWords.Step(s, evidence.Journeys)) html.Append("<div class=\"wm-evidence-line\">").Append(E(line)).Append("</div>");
                html.Append("</div>");
            }
            else html.Append("<div class=\"wm-evidence-line wm-muted\">").Append(E(EvidenceWords.NoTouchpoint)).Append("</div>");
            if (step.Touchpoints.Count > 0)
            {
                html.Append("<div class=\"wm-chips\">");
                foreach (var chip in step.Touchpoints)
                {
                    if (!touchpoints.TryGetValue(chip.Id, out var t)) continue;
                    html.Append($"<a class=\"wm-chip wm-evidence-chip\" href=\"{E($"{link}touchpoints/{chip.Id}")}\" title=\"{E(EvidenceWords.ChipTitle(t))}\" data-touchpoint-events=\"{t.Events}\">")
                        .Append($"<span>{E(chip.Name)}</span> <b>{E(EvidenceWords.Chip(t))}</b></a>");
                }
                html.Append("</div>");
            }
            html.Append("</div>");
        }
        html.Append("<div class=\"wm-cell wm-filler\" role=\"cell\"></div>");
        return html.ToString();
    }

    private static string E(string? text) => System.Net.WebUtility.HtmlEncode(text ?? "");
}
