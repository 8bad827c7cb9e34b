using System.Text.RegularExpressions;
using Waymark.Domain.Common;

namespace Waymark.Domain.Workspaces;

/// <summary>One brand or company. Nothing crosses workspaces.</summary>
public sealed partial class Workspace
{
    private Workspace() { Key = Name = ""; }

    public Workspace(string key, string name, string? description = null)
    {
        Id = Guid.CreateVersion7();
        Key = ValidKey(key);
        Name = Guard.Required(name, "name");
        Description = Guard.Limited(description, "description");
        CreatedAt = DateTimeOffset.UtcNow;
    }

    public Guid Id { get; private set; }
    /// <summary>The short name used in addresses, e.g. <c>tv-retail</c>.</summary>
    public string Key { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string? Description { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public int Version { get; set; } = 1;

    public void Rename(string name, string? description)
    {
        Name = Guard.Required(name, "name");
        Description = Guard.Limited(description, "description");
    }

    public static string ValidKey(string? key)
    {
        if (string.IsNullOrWhiteSpace(key) || !KeyPattern().IsMatch(key))
            throw new DomainRuleException("key", "A workspace key uses 2 to 60 lower-case letters, digits and hyphens, starting with a letter or digit (e.g. 'tv-retail').");
        return key;
    }

    /// <summary>Turns a name into a key candidate: "Acme TV & Sound" becomes "acme-tv-sound".</summary>
    public static string KeyFromName(string name)
    {
        var slug = NonKeyChars().Replace(name.ToLowerInvariant(), "-").Trim('-');
        if (slug.Length > 50) slug = slug[..50].Trim('-');
        return slug.Length >= 2 ? slug : "workspace";
    }

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{1,59}\z")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonKeyChars();
}
