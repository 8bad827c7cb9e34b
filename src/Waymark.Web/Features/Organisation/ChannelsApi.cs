using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Organisation;
using Waymark.Storage;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Organisation;

public static class ChannelsApi
{
    public sealed record ChannelRequest(string Name, ChannelKind Kind, ChannelReach Reach, string? Description = null, int? Version = null);

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

    private static async Task<Created<ChannelResponse>> Create(CurrentWorkspace ws, ChannelRequest request, WaymarkDb db, CancellationToken ct)
    {
        var channel = new Channel(ws.Id, request.Name, request.Kind, request.Reach).Describe(request.Name, request.Kind, request.Reach, request.Description);
        db.Channels.Add(channel);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/workspaces/{ws.Key}/channels/{channel.Id}", ChannelResponse.From(channel));
    }

    private static async Task<Ok<ChannelResponse>> Update(CurrentWorkspace ws, Guid id, ChannelRequest request, WaymarkDb db, HttpContext http, CancellationToken ct)
    {
        var channel = await db.Channels.FindInAsync(ws, id, "channel", ct);
        channel.EnsureVersion(Versions.Expected(http, request.Version));
        channel.Describe(request.Name, request.Kind, request.Reach, request.Description);
        await db.SaveChangesAsync(ct);
        http.SetETag(channel.Version);
        return TypedResults.Ok(ChannelResponse.From(channel));
    }

    private static async Task<NoContent> Delete(CurrentWorkspace ws, Guid id, WaymarkDb db, HttpContext http, CancellationToken ct)
    {
        var channel = await db.Channels.FindInAsync(ws, id, "channel", ct);
        if (Versions.Optional(http) is { } v) channel.EnsureVersion(v);
        var used = await db.Touchpoints.CountAsync(t => t.ChannelId == id, ct);
        if (used > 0)
            throw new ConflictException($"The channel '{channel.Name}' is used by {used} touchpoint(s). Move them to another channel before deleting it.");
        db.Channels.Remove(channel);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
