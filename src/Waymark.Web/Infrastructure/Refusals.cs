using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Common;
using Waymark.Storage;
using Waymark.Storage.Access;
using Waymark.Storage.Exchange;

namespace Waymark.Web.Infrastructure;

/// <summary>
/// A change that was refused, as the API answers it (status, title, detail, errors by field) and a page shows it
/// (<see cref="Detail"/>, the same sentence). <see cref="CurrentVersion"/> is the newer version when someone else
/// changed the row first.
/// </summary>
public sealed record Refusal(int Status, string Title, string Detail, IReadOnlyDictionary<string, string[]>? Errors = null, int? CurrentVersion = null);

/// <summary>The one place where a failed change becomes words a CX manager understands, for the API and the pages alike.</summary>
public static class Refusals
{
    public const string ChangedMeanwhile =
        "This item was changed or deleted by someone else while you were editing it. Reload it and apply your change again.";

    public const string ReferenceGone =
        "The change conflicts with other data in this workspace (for example, something it refers to was removed, or a name is already taken).";

    public const string Failed = "Something went wrong and nothing was changed. Try again; if it keeps happening, tell your administrator.";

    public static string NotAMember(string workspaceKey) => $"You are not a member of the workspace '{workspaceKey}'; nothing was changed.";

    public static string RoleTooSmall(WorkspaceRole needs, string workspaceKey) => needs switch
    {
        WorkspaceRole.Owner => $"Only owners of the workspace '{workspaceKey}' can do this; nothing was changed.",
        WorkspaceRole.EventSender => $"Sending events needs the editor role in the workspace '{workspaceKey}' (or an API token for sending events); nothing was changed.",
        _ => $"This needs the {needs.ToString().ToLowerInvariant()} role in the workspace '{workspaceKey}'; nothing was changed.",
    };

    /// <summary>What an event-sender token hears wherever it asks for anything but sending events.</summary>
    public static string OnlySendsEvents(string? workspaceKey) =>
        $"This API token may only send events{(workspaceKey is null ? "" : $" to the workspace '{workspaceKey}'")}; it cannot read or change anything else.";

    /// <summary>The refusal an exception stands for; null for a failure that is not a refusal (a bug, a lost database).</summary>
    public static Refusal? Of(Exception exception) => exception switch
    {
        DomainRuleException e => new(400, "The request is not valid", e.Message, new Dictionary<string, string[]> { [e.Field] = [e.Message] }),
        InvalidItemsException e => new(400, "The request is not valid", e.Message, e.Errors),
        ImportException e => new(400, "The workspace document cannot be imported", e.Message,
            e.Errors.GroupBy(x => x.Path).ToDictionary(g => g.Key, g => g.Select(x => x.ToString()).ToArray())),
        WorkspaceKeyTakenException e => new(409, "This key is taken", e.Message),
        NotFoundException e => new(404, "Not found", e.Message),
        StaleVersionException e => new(409, "Someone else changed this first", e.Message, CurrentVersion: e.Actual),
        DbUpdateConcurrencyException => new(409, "Someone else changed this first", ChangedMeanwhile),
        ConflictException e => new(409, "This cannot be done as things stand", e.Message),
        ForbiddenChangeException e => new(403, "Forbidden", e.Message),
        TooLargeException e => new(413, "The request is too large", e.Message),
        PreconditionRequiredException e => new(428, "The version you edit is missing", e.Message),
        DbUpdateException => new(409, "This cannot be done as things stand", ReferenceGone),
        _ => null,
    };
}
