using System.Diagnostics;
using Waymark.Analytics.Reporting;
using Waymark.Domain.Common;
using Waymark.Storage;
using Waymark.Web.Features.Evidence;

namespace Waymark.Cli.Commands.Analytics;

internal sealed record StoredEventsRequest(
    string Workspace, string? From, string? To, string? Channel, string? Persona, string? Journey,
    FileInfo? Json, FileInfo? Html, StorageOptions Storage);

/// <summary>
/// <c>waymark analyze --workspace KEY --from DATE --to DATE</c>: the journeys of the workspace's stored events that start
/// in the period, through the same use case as GET …/analytics (<see cref="EventAnalytics"/>); <c>--json</c> writes the
/// endpoint's answer, the summary and the HTML report are those of <c>waymark analyze FILE</c>.
/// </summary>
internal static class StoredEventsAnalysis
{
    public static Task<int> RunAsync(StoredEventsRequest request, CancellationToken ct) =>
        Operator.RunAsync(request.Storage, async (services, work) =>
        {
            try
            {
                var ws = await Operator.WorkspaceAsync(work.Db, request.Workspace, ct);
                // A map is named as on the page (its name) or as in the API (its id); the question takes the id.
                var journey = request.Journey is null ? null : (await AnalyzeHandler.MapIdAsync(work.Db, ws, request.Journey, ct)).ToString();
                var question = await AnalyticsApi.QuestionAsync(work.Db, ws, work.Clock, request.From, request.To, request.Channel, request.Persona, journey, ct);
                var started = Stopwatch.StartNew();
                var answer = await services.GetRequiredService<EventAnalytics>().AnalyseAsync(work.Db, ws, question, ct);
                var elapsed = started.Elapsed;
                var period = $"{question.From:yyyy-MM-dd} to {question.To:yyyy-MM-dd}";
                Console.WriteLine($"journeys of '{ws.Key}' that start from {period} (UTC)"
                                  + (question.Channel is { } channel ? $", channel {channel}" : "")
                                  + (question.Persona is { } persona ? $", persona {persona}" : "")
                                  + (answer.Map is { } map ? $", held against the map '{map.Name}'" : ""));
                var notes = answer.LastEventAt is null ? [$"Workspace '{ws.Key}' has no stored events yet; store some with waymark ingest."] : Array.Empty<string>();
                Summary.Print(answer.Report, elapsed, warnings: notes);
                if (request.Json is not null)
                {
                    await File.WriteAllTextAsync(request.Json.FullName, AnalyticsApi.Json(answer), ct);
                    Console.WriteLine($"JSON report: {request.Json.FullName}");
                }
                if (request.Html is not null)
                {
                    await File.WriteAllTextAsync(request.Html.FullName, HtmlReport.Render(answer.Report, $"Journey analysis — {ws.Name}, {period}"), ct);
                    Console.WriteLine($"HTML report: {request.Html.FullName}");
                }
                return 0;
            }
            catch (DomainRuleException e)
            {
                await Console.Error.WriteLineAsync($"error: {(e.Field.StartsWith("--") ? e.Field : "--" + e.Field)}: {e.Message}");
                return 1;
            }
            catch (FormatException e)
            {
                await Console.Error.WriteLineAsync($"error: --journey: {e.Message}");
                return 1;
            }
        });
}
