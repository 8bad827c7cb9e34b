using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Organisation;
using Waymark.Storage;
using Waymark.Web.Infrastructure;
using Waymark.Web.Features.Organisation;

namespace Waymark.Web.Features.Imports;

/// <summary>Channel rows, matched by name. A new channel needs to say whether it is digital or analog; direct unless the row says indirect.</summary>
internal sealed class ChannelRows : KindRows
{
    private static readonly Dictionary<string, ChannelKind> Kinds = new()
    {
        ["digital"] = ChannelKind.Digital, ["online"] = ChannelKind.Digital, ["analog"] = ChannelKind.Analog, ["analogue"] = ChannelKind.Analog, ["offline"] = ChannelKind.Analog,
    };

    private static readonly Dictionary<string, ChannelReach> Reaches = new()
    {
        ["direct"] = ChannelReach.Direct, ["direkt"] = ChannelReach.Direct, ["indirect"] = ChannelReach.Indirect, ["indirekt"] = ChannelReach.Indirect,
    };

    private NameIndex<Channel> _channels = null!;

    public override ImportKind Kind => ImportKinds.Channels;

    public override async Task LoadAsync(WaymarkDb db, CurrentWorkspace ws, CancellationToken ct) =>
        _channels = new(await db.Channels.AsNoTracking().Where(c => c.WorkspaceId == ws.Id).ToListAsync(ct), c => c.Name);

    public override RowPlan? Plan(ImportRow row, CurrentWorkspace ws)
    {
        var name = row.Text("name");
        if (name is null) row.Missing("name", "The channel's name");
        var existing = name is null ? null : _channels.Find(name);
        var kind = row.Choice("kind", Kinds, "digital or analog");
        if (row.Text("kind") is null && existing is null) row.Missing("kind", "Whether a new channel is digital or analog");
        var reach = row.Choice("reach", Reaches, "direct or indirect");
        if (row.Problems.Count > 0) return null;
        var request = new ChannelRequest(name!, kind ?? existing!.Kind, reach ?? existing?.Reach ?? ChannelReach.Direct,
            row.Text("description") ?? existing?.Description, existing?.Version);
        row.Check(() => new Channel(ws.Id, request.Name, request.Kind, request.Reach).Describe(request.Name, request.Kind, request.Reach, request.Description), f => f);
        if (row.Problems.Count > 0) return null;
        var values = Shown(("name", request.Name.Trim()), ("kind", request.Kind.ToString().ToLowerInvariant()), ("reach", request.Reach.ToString().ToLowerInvariant()),
            ("description", request.Description));
        return new RowPlan(existing?.Id.ToString() ?? name!.ToLowerInvariant(), existing?.Name, values,
            existing is null
                ? (work, w, ct) => ChannelChanges.CreateAsync(work, w, request, ct)
                : (work, w, ct) => ChannelChanges.UpdateAsync(work, w, existing.Id, request, ct));
    }
}
