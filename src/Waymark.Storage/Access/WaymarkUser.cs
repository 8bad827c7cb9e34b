using Microsoft.AspNetCore.Identity;

namespace Waymark.Storage.Access;

/// <summary>A person who signs in. Administrators see and manage every workspace; everyone else only those they are a member of.</summary>
public class WaymarkUser : IdentityUser
{
    public WaymarkUser() { }

    public WaymarkUser(string email) : base(email)
    {
        Email = email;
    }

    public string? DisplayName { get; set; }
    public bool IsAdministrator { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
    /// <summary>Set for a generated one-time password (first administrator, <c>waymark user add</c>); cleared by a password change.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>What others see of this user: the display name, else the e-mail address.</summary>
    public string Label => string.IsNullOrWhiteSpace(DisplayName) ? Email ?? UserName ?? Id : DisplayName;
}
