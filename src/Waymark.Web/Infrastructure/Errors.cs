namespace Waymark.Web.Infrastructure;

/// <summary>What was asked for does not exist in this workspace (or not at all).</summary>
public sealed class NotFoundException(string message) : Exception(message);

/// <summary>The request cannot be carried out as things stand, e.g. deleting a channel that touchpoints still use.</summary>
public sealed class ConflictException(string message) : Exception(message);

/// <summary>A request lacks a precondition it must carry, such as the version it edits.</summary>
public sealed class PreconditionRequiredException(string message) : Exception(message);

/// <summary>The person's role (no longer) allows the change: it was refused and nothing was saved.</summary>
public sealed class ForbiddenChangeException(string message) : Exception(message);

/// <summary>Several items of one request are wrong; nothing was stored. <see cref="Errors"/> names each wrong field, as <c>items[3].score</c>.</summary>
public sealed class InvalidItemsException(string message, IReadOnlyDictionary<string, string[]> errors) : Exception(message)
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}

/// <summary>A request that holds more than the server takes at once (413), e.g. too many events in one batch.</summary>
public sealed class TooLargeException(string message) : Exception(message);
