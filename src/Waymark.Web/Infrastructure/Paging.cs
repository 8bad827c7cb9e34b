using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Common;

namespace Waymark.Web.Infrastructure;

/// <summary>One page of a list, with the total so a client can show "41–60 of 212".</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, [property: JsonPropertyName("page")] int Number, int PageSize, int Total);

public static class Paging
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    public static (int Page, int Size) Validate(int? page, int? pageSize)
    {
        var p = page ?? 1;
        var s = pageSize ?? DefaultPageSize;
        if (p < 1) throw new DomainRuleException("page", "Page numbers start at 1.");
        if (s < 1 || s > MaxPageSize) throw new DomainRuleException("pageSize", $"Page size must be between 1 and {MaxPageSize}.");
        return (p, s);
    }

    public static async Task<Page<TOut>> ToPageAsync<T, TOut>(this IQueryable<T> query, int? page, int? pageSize, Func<T, TOut> map, CancellationToken ct)
    {
        var (p, s) = Validate(page, pageSize);
        var total = await query.CountAsync(ct);
        var items = await query.Skip((p - 1) * s).Take(s).ToListAsync(ct);
        return new Page<TOut>(items.Select(map).ToList(), p, s, total);
    }

    /// <summary>Pages a list already in memory (used where a figure is derived per item first).</summary>
    public static Page<T> ToPage<T>(this IReadOnlyList<T> all, int? page, int? pageSize)
    {
        var (p, s) = Validate(page, pageSize);
        return new Page<T>(all.Skip((p - 1) * s).Take(s).ToList(), p, s, all.Count);
    }
}
