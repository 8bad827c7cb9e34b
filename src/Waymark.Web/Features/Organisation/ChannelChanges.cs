using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Organisation;
using Waymark.Storage.Access;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Organisation;

/// <summary>A channel through which customers meet the organisation, as a person or a program describes it.</summary>
public sealed record ChannelRequest(string Name, ChannelKind Kind, ChannelReach Reach, string? Description = null, int? Version = null);

/// <summary>Every change to a channel, for the HTTP API and the Channels tab alike.</summary>
public static class ChannelChanges
{
    public static async Task<Channel> CreateAsync(Work work, CurrentWorkspace ws, ChannelRequest r, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.Editor, ct);
        var channel = new Channel(ws.Id, r.Name, r.Kind, r.Reach).Describe(r.Name, r.Kind, r.Reach, r.Description);
        work.Db.Channels.Add(channel);
        await work.SaveAsync(ct);
        return channel;
    }

    public static async Task<Channel> UpdateAsync(Work work, CurrentWorkspace ws, Guid id, ChannelRequest r, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.Editor, ct);
        var channel = await work.Db.Channels.FindInAsync(ws, id, "channel", ct);
        channel.EnsureVersion(Versions.Required(r.Version));
        channel.Describe(r.Name, r.Kind, r.Reach, r.Description);
        await work.SaveAsync(ct);
        return channel;
    }

    /// <summary>A channel is deleted only while no touchpoint uses it.</summary>
    public static async Task DeleteAsync(Work work, CurrentWorkspace ws, Guid id, int? version, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.Editor, ct);
        var db = work.Db;
        var channel = await db.Channels.FindInAsync(ws, id, "channel", ct);
        if (version is { } v) channel.EnsureVersion(v);
        var used = await db.Touchpoints.CountAsync(t => t.ChannelId == id, ct);
        if (used > 0)
            throw new ConflictException($"The channel '{channel.Name}' is used by {Count.Of(used, "touchpoint")}. Move them to another channel before deleting it.");
        db.Channels.Remove(channel);
        await work.SaveAsync(ct);
    }
}
