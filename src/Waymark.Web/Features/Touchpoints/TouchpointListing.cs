using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Common;
using Waymark.Domain.Evaluations;
using Waymark.Domain.Touchpoints;
using Waymark.Storage;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Touchpoints;

/// <summary>The touchpoint list: filters, sort orders and paging.</summary>
public static partial class TouchpointsApi
{
    private static readonly string[] Sorts = ["name", "relevance", "score"];
    private static readonly string[] Flags = ["momentOfTruth", "painPoint", "brandSuccessPoint"];

    private static async Task<Ok<Page<TouchpointResponse>>> List(
        CurrentWorkspace ws, WaymarkDb db, string? search, Guid? phaseId, Guid? channelId, Guid? departmentId, Guid? ownerId,
        string? category, string? flag, string? tag, string? scoreBand, int? minRelevance, string? sort, bool? desc,
        int? page, int? pageSize, CancellationToken ct)
    {
        var sortBy = string.IsNullOrWhiteSpace(sort) ? "name" : Sorts.FirstOrDefault(s => s.Equals(sort.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new DomainRuleException("sort", $"'{sort}' is not a sort order. Use one of: {string.Join(", ", Sorts)}.");
        var band = Filters.Enum<ScoreBand>(scoreBand, "scoreBand");
        if (minRelevance is < 1 or > 5) throw new DomainRuleException("minRelevance", "Relevance runs from 1 (minor) to 5 (decisive).");

        var query = db.Touchpoints.AsNoTracking().Where(t => t.WorkspaceId == ws.Id);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var like = Filters.Like(search);
            query = query.Where(t => EF.Functions.Like(t.Name.ToLower(), like, "\\") || (t.Description != null && EF.Functions.Like(t.Description.ToLower(), like, "\\")));
        }
        if (channelId is { } c) query = query.Where(t => t.ChannelId == c);
        if (departmentId is { } d) query = query.Where(t => t.DepartmentId == d);
        if (ownerId is { } o) query = query.Where(t => t.OwnerId == o);
        if (Filters.Enum<TouchpointCategory>(category, "category") is { } cat) query = query.Where(t => t.Category == cat);
        if (minRelevance is { } r) query = query.Where(t => t.Relevance >= r);
        query = flag?.Trim() switch
        {
            null or "" => query,
            var f when f.Equals("momentOfTruth", StringComparison.OrdinalIgnoreCase) => query.Where(t => t.IsMomentOfTruth),
            var f when f.Equals("painPoint", StringComparison.OrdinalIgnoreCase) => query.Where(t => t.IsPainPoint),
            var f when f.Equals("brandSuccessPoint", StringComparison.OrdinalIgnoreCase) => query.Where(t => t.IsBrandSuccessPoint),
            _ => throw new DomainRuleException("flag", $"'{flag}' is not a flag. Use one of: {string.Join(", ", Flags)}."),
        };

        // Phases and tags are lists inside the row: filtered here, the same way on every database.
        IEnumerable<Touchpoint> matching = await query.OrderBy(t => t.Name).ThenBy(t => t.Id).ToListAsync(ct);
        if (phaseId is { } p) matching = matching.Where(t => t.PhaseIds.Contains(p));
        if (!string.IsNullOrWhiteSpace(tag)) matching = matching.Where(t => t.Tags.Contains(tag.Trim(), StringComparer.OrdinalIgnoreCase));
        var touchpoints = matching.ToList();

        // Score filter and score order need every candidate's score; otherwise only the page's.
        var scoreAll = band is not null || sortBy == "score";
        var scores = scoreAll ? await ScoresAsync(db, ws, touchpoints.Select(t => t.Id).ToList(), wholeWorkspace: true, ct) : null;
        if (band is { } b) touchpoints = touchpoints.Where(t => CurrentScore.BandOf(scores![t.Id].Overall) == b).ToList();
        var descending = desc ?? false;
        touchpoints = sortBy switch
        {
            "relevance" => (descending ? touchpoints.OrderByDescending(t => t.Relevance) : touchpoints.OrderBy(t => t.Relevance)).ThenBy(t => t.Name).ToList(),
            "score" => touchpoints
                .OrderBy(t => scores![t.Id].Overall is null ? 1 : 0) // not yet evaluated last, either way
                .ThenBy(t => descending ? -scores![t.Id].Overall : scores![t.Id].Overall).ThenBy(t => t.Name).ToList(),
            _ => descending ? touchpoints.OrderByDescending(t => t.Name).ToList() : touchpoints,
        };

        var (number, size) = Paging.Validate(page, pageSize);
        var onPage = touchpoints.Skip((number - 1) * size).Take(size).ToList();
        scores ??= await ScoresAsync(db, ws, onPage.Select(t => t.Id).ToList(), wholeWorkspace: false, ct);
        return TypedResults.Ok(new Page<TouchpointResponse>(onPage.Select(t => TouchpointResponse.From(t, scores[t.Id])).ToList(), number, size, touchpoints.Count));
    }
}
