using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Organisation;
using Waymark.Domain.Touchpoints;
using Waymark.Storage;
using Waymark.Web.Infrastructure;
using Waymark.Web.Features.Touchpoints;

namespace Waymark.Web.Features.Imports;

/// <summary>
/// Touchpoint rows. A row updates the touchpoint with its event key, else the one with its name. Channel, phases,
/// department and owner are found by name; an unknown channel or department is a problem and is not created, since a
/// touchpoint sheet does not say whether a channel is digital or analog, or what a department is: import them first.
/// An empty cell keeps what an updated touchpoint has.
/// </summary>
internal sealed class TouchpointRows : KindRows
{
    private NameIndex<Touchpoint> _byName = null!;
    private Dictionary<string, Touchpoint> _byEventKey = null!;
    private NameIndex<Channel> _channels = null!;
    private NameIndex<Phase> _phases = null!;
    private NameIndex<Department> _departments = null!;
    private NameIndex<Person> _people = null!;
    private Dictionary<Guid, string> _names = null!;

    public override ImportKind Kind => ImportKinds.Touchpoints;

    public override async Task LoadAsync(WaymarkDb db, CurrentWorkspace ws, CancellationToken ct)
    {
        var touchpoints = await db.Touchpoints.AsNoTracking().Where(t => t.WorkspaceId == ws.Id).ToListAsync(ct);
        _byName = new(touchpoints, t => t.Name);
        _byEventKey = touchpoints.Where(t => t.EventKey is not null).GroupBy(t => t.EventKey!.Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var channels = await db.Channels.AsNoTracking().Where(c => c.WorkspaceId == ws.Id).ToListAsync(ct);
        var phases = await db.Phases.AsNoTracking().Where(p => p.WorkspaceId == ws.Id).OrderBy(p => p.Position).ToListAsync(ct);
        var departments = await db.Departments.AsNoTracking().Where(d => d.WorkspaceId == ws.Id).ToListAsync(ct);
        var people = await db.People.AsNoTracking().Where(p => p.WorkspaceId == ws.Id).ToListAsync(ct);
        _channels = new(channels, c => c.Name, "; import the channels first (kind 'channels') or correct the name: channels are not created from a touchpoint sheet, which does not say whether they are digital or analog");
        _phases = new(phases, p => p.Name, $"; its phases are {string.Join(", ", phases.Select(p => $"'{p.Name}'"))}");
        _departments = new(departments, d => d.Name, "; import the departments first (kind 'departments') or correct the name");
        _people = new(people, p => p.Name, "; import the people first (kind 'people') or correct the name");
        _names = channels.Select(c => (c.Id, c.Name)).Concat(phases.Select(p => (p.Id, p.Name)))
            .Concat(departments.Select(d => (d.Id, d.Name))).Concat(people.Select(p => (p.Id, p.Name))).ToDictionary(x => x.Id, x => x.Name);
    }

    public override RowPlan? Plan(ImportRow row, CurrentWorkspace ws)
    {
        var name = row.Text("name");
        var eventKey = row.Text("eventKey");
        var existing = eventKey is not null && _byEventKey.TryGetValue(eventKey, out var byKey) ? byKey : name is null ? null : _byName.Find(name);
        if (name is null && existing is null) row.Missing("name", "The touchpoint's name");
        var channel = row.Reference("channel", _channels, "channel");
        if (row.Text("channel") is null && existing is null) row.Missing("channel", "The channel of a new touchpoint");
        var (category, custom) = Category(row.Text("category"));
        if (row.Text("category") is null && existing is null) row.Missing("category", "The category of a new touchpoint (such as 'Point of sale', 'Billing' or a word of your own)");
        var phases = Phases(row);
        var department = row.Reference("department", _departments, "department");
        var owner = row.Reference("owner", _people, "person");
        var relevance = row.Whole("relevance", 1, 5);
        var moment = row.YesNo("momentOfTruth");
        var pain = row.YesNo("painPoint");
        var success = row.YesNo("brandSuccessPoint");
        var tags = row.Text("tags") is { } t ? CellText.List(t, commas: true) : null;
        if (row.Problems.Count > 0) return null;

        var request = Current(existing) with { Version = existing?.Version };
        request = request with
        {
            Name = name ?? request.Name,
            ChannelId = channel?.Id ?? request.ChannelId,
            Category = category ?? request.Category,
            CustomCategory = category is null ? request.CustomCategory : custom,
            Description = row.Text("description") ?? request.Description,
            PhaseIds = phases ?? request.PhaseIds,
            DepartmentId = department?.Id ?? request.DepartmentId,
            OwnerId = owner?.Id ?? request.OwnerId,
            Relevance = relevance ?? request.Relevance,
            IsMomentOfTruth = moment ?? request.IsMomentOfTruth,
            IsPainPoint = pain ?? request.IsPainPoint,
            IsBrandSuccessPoint = success ?? request.IsBrandSuccessPoint,
            Tags = tags ?? request.Tags,
            EventKey = eventKey ?? request.EventKey,
        };
        Touchpoint? checkedOne = null;
        row.Check(() => checkedOne = new Touchpoint(ws.Id, request.Profile()), FieldOf);
        if (checkedOne is not { } t2) return null;
        var values = Shown(
            ("name", t2.Name), ("channel", _names.GetValueOrDefault(t2.ChannelId)), ("category", t2.CategoryName), ("description", t2.Description),
            ("phases", string.Join(", ", t2.PhaseIds.Select(p => _names.GetValueOrDefault(p)))), ("department", t2.DepartmentId is { } d ? _names.GetValueOrDefault(d) : null),
            ("owner", t2.OwnerId is { } o ? _names.GetValueOrDefault(o) : null), ("relevance", t2.Relevance.ToString()),
            ("momentOfTruth", YesNo(t2.IsMomentOfTruth)), ("painPoint", YesNo(t2.IsPainPoint)), ("brandSuccessPoint", YesNo(t2.IsBrandSuccessPoint)),
            ("tags", string.Join(", ", t2.Tags)), ("eventKey", t2.EventKey));
        return new RowPlan(existing?.Id.ToString() ?? t2.Name.ToLowerInvariant(), existing?.Name, values,
            existing is null
                ? (work, w, ct) => TouchpointChanges.CreateAsync(work, w, request, ct)
                : (work, w, ct) => TouchpointChanges.UpdateAsync(work, w, existing.Id, request, ct));
    }

    private static TouchpointRequest Current(Touchpoint? t) => t is null
        ? new TouchpointRequest("", Guid.Empty, TouchpointCategory.Custom)
        : new TouchpointRequest(t.Name, t.ChannelId, t.Category, t.Relevance, t.Description, t.CustomCategory, t.PhaseIds, t.DepartmentId, t.OwnerId,
            t.IsMomentOfTruth, t.IsPainPoint, t.IsBrandSuccessPoint, t.DesignCompliance, t.TonalityCompliance, t.ReactionTimeCompliance, t.Tags, t.EventKey);

    private IReadOnlyList<Guid>? Phases(ImportRow row)
    {
        if (row.Text("phases") is not { } text) return null;
        var ids = new List<Guid>();
        foreach (var name in CellText.List(text, commas: true))
        {
            if (_phases.Find(name) is { } phase) ids.Add(phase.Id);
            else row.Problem("phases", $"There is no phase '{name}' in this workspace{_phases.Hint}.");
        }
        return ids.Distinct().ToList();
    }

    private static string FieldOf(string domainField) => domainField switch
    {
        "channelId" => "channel",
        "phaseIds" => "phases",
        "departmentId" => "department",
        "ownerId" => "owner",
        "customCategory" => "category",
        _ => domainField,
    };

    /// <summary>One of the 20 categories by its English or German name; any other word is a category of the team's own.</summary>
    private static (TouchpointCategory? Category, string? Custom) Category(string? text)
    {
        if (text is null) return (null, null);
        var normal = ImportKinds.Normal(text);
        foreach (var category in Enum.GetValues<TouchpointCategory>().Where(c => c != TouchpointCategory.Custom))
            if (ImportKinds.Normal(category.ToString()) == normal || ImportKinds.Normal(category.DisplayName()) == normal)
                return (category, null);
        return GermanCategories.TryGetValue(normal, out var german) ? (german, null) : (TouchpointCategory.Custom, text);
    }

    private static readonly Dictionary<string, TouchpointCategory> GermanCategories = new()
    {
        ["sozialemedien"] = TouchpointCategory.SocialMedia,
        ["onlinewerbung"] = TouchpointCategory.OnlineAd,
        ["marketinginhalte"] = TouchpointCategory.MarketingContent,
        ["veranstaltungen"] = TouchpointCategory.Events,
        ["empfehlungen"] = TouchpointCategory.PeerReferral,
        ["empfehlung"] = TouchpointCategory.PeerReferral,
        ["gesprächemitmitarbeitern"] = TouchpointCategory.ConversationsWithStaff,
        ["beratung"] = TouchpointCategory.ConversationsWithStaff,
        ["katalog"] = TouchpointCategory.Catalogue,
        ["onlineshop"] = TouchpointCategory.ECommerce,
        ["bewertungen"] = TouchpointCategory.Reviews,
        ["kasse"] = TouchpointCategory.PointOfSale,
        ["verkaufsstelle"] = TouchpointCategory.PointOfSale,
        ["dankesschreiben"] = TouchpointCategory.ThankYouLetters,
        ["umfragen"] = TouchpointCategory.FeedbackSurveys,
        ["feedbackumfragen"] = TouchpointCategory.FeedbackSurveys,
        ["abrechnung"] = TouchpointCategory.Billing,
        ["rechnung"] = TouchpointCategory.Billing,
        ["verlängerung"] = TouchpointCategory.Renewals,
        ["vertragsverlängerung"] = TouchpointCategory.Renewals,
        ["kundenservice"] = TouchpointCategory.SupportChannels,
        ["support"] = TouchpointCategory.SupportChannels,
        ["kundenerfolg"] = TouchpointCategory.CustomerSuccess,
        ["einführung"] = TouchpointCategory.Onboarding,
        ["treueprogramm"] = TouchpointCategory.Loyalty,
        ["kundenbindung"] = TouchpointCategory.Loyalty,
        ["selbstbedienung"] = TouchpointCategory.SelfService,
    };
}
