using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Organisation;
using Waymark.Storage;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Organisation;

public static class ChannelsApi
{
    public sealed record ChannelResponse(Guid Id, string Name, ChannelKind Kind, ChannelReach Reach, string? Description, int Version)
    {
        public static ChannelResponse From(Channel c) => new(c.Id, c.Name, c.Kind, c.Reach, c.Description, c.Version);
    }

    public static RouteGroupBuilder MapChannelsApi(this RouteGroupBuilder workspace)
    {
        var group = workspace.MapGroup("/channels").WithTags("Channels");
        group.MapGet("/", List);
        group.MapGet("/{id:guid}", Get);
        group.MapPost("/", Create);
        group.MapPut("/{id:guid}", Update).ProducesProblem(409).ProducesProblem(428);
        group.MapDelete("/{id:guid}", Delete).ProducesProblem(409);
        return group;
    }

    private static async Task<Ok<Page<ChannelResponse>>> List(CurrentWorkspace ws, WaymarkDb db, string? kind, string? reach, string? search, int? page, int? pageSize, CancellationToken ct)
    {
        var query = db.Channels.AsNoTracking().Where(c => c.WorkspaceId == ws.Id);
        if (Filters.Enum<ChannelKind>(kind, "kind") is { } k) query = query.Where(c => c.Kind == k);
        if (Filters.Enum<ChannelReach>(reach, "reach") is { } r) query = query.Where(c => c.Reach == r);
        if (!string.IsNullOrWhiteSpace(search)) query = query.Where(c => EF.Functions.Like(c.Name.ToLower(), Filters.Like(search), "\\"));
        return TypedResults.Ok(await query.OrderBy(c => c.Name).ToPageAsync(page, pageSize, ChannelResponse.From, ct));
    }

    private static async Task<Ok<ChannelResponse>> Get(CurrentWorkspace ws, Guid id, WaymarkDb db, HttpContext http, CancellationToken ct)
    {
        var channel = await db.Channels.AsNoTracking().FindInAsync(ws, id, "channel", ct);
        http.SetETag(channel.Version);
        return TypedResults.Ok(ChannelResponse.From(channel));
    }

    private static async Task<Created<ChannelResponse>> Create(CurrentWorkspace ws, ChannelRequest r, Work work, CancellationToken ct)
    {
        var channel = await ChannelChanges.CreateAsync(work, ws, r, ct);
        return TypedResults.Created($"/api/workspaces/{ws.Key}/channels/{channel.Id}", ChannelResponse.From(channel));
    }

    private static async Task<Ok<ChannelResponse>> Update(CurrentWorkspace ws, Guid id, ChannelRequest r, Work work, HttpContext http, CancellationToken ct)
    {
        var channel = await ChannelChanges.UpdateAsync(work, ws, id, r with { Version = Versions.Expected(http, r.Version) }, ct);
        http.SetETag(channel.Version);
        return TypedResults.Ok(ChannelResponse.From(channel));
    }

    private static async Task<NoContent> Delete(CurrentWorkspace ws, Guid id, Work work, HttpContext http, CancellationToken ct)
    {
        await ChannelChanges.DeleteAsync(work, ws, id, Versions.Optional(http), ct);
        return TypedResults.NoContent();
    }
}
