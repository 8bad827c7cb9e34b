using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Common;
using Waymark.Storage;
using Waymark.Storage.Access;

namespace Waymark.Web.Access;

/// <summary>Creating accounts with a generated one-time password; used by start-up, the administrator's use cases and the tests.</summary>
public static class Accounts
{
    public const string DefaultAdminEmail = "admin@waymark.local";

    /// <summary>20 characters from an alphabet without look-alikes: about 115 bits, meets the password rules.</summary>
    public static string GeneratePassword()
    {
        const string alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var chars = new char[20];
        for (var i = 0; i < chars.Length; i++) chars[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        // Groups of five read better aloud and on a console.
        return string.Join('-', chars.Chunk(5).Select(c => new string(c)));
    }

    /// <summary>Creates a user with a generated password to change on first sign-in; returns the password (shown once).</summary>
    public static async Task<(WaymarkUser User, string Password)> CreateAsync(UserManager<WaymarkUser> users, string email, bool administrator = false, string? password = null)
    {
        if (string.IsNullOrWhiteSpace(email) || !email.Contains('@')) throw new DomainRuleException("email", "Give an e-mail address, e.g. ana@example.com.");
        var oneTime = password is null;
        password ??= GeneratePassword();
        var user = new WaymarkUser(email.Trim()) { IsAdministrator = administrator, MustChangePassword = oneTime, EmailConfirmed = true };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            var duplicate = result.Errors.Any(e => e.Code is "DuplicateUserName" or "DuplicateEmail");
            throw duplicate
                ? new Infrastructure.ConflictException($"There is already an account for '{email}'.")
                : new DomainRuleException(result.Errors.Any(e => e.Code.StartsWith("Password", StringComparison.Ordinal)) ? "password" : "email",
                    string.Join(" ", result.Errors.Select(e => e.Description)));
        }
        return (user, password);
    }

    /// <summary>
    /// Gives a user a role in a workspace, or changes the role they have, without anyone's access rule: for seeding test
    /// data only. A person, a program or the operator does it through <see cref="MemberChanges"/>.
    /// </summary>
    public static async Task<WorkspaceMembership> GrantAsync(WaymarkDb db, Guid workspaceId, string userId, WorkspaceRole role, TimeProvider clock, CancellationToken ct)
    {
        var membership = await db.Memberships.FirstOrDefaultAsync(m => m.WorkspaceId == workspaceId && m.UserId == userId, ct);
        if (membership is null) db.Memberships.Add(membership = new WorkspaceMembership(workspaceId, userId, role, clock.GetUtcNow()));
        else membership.Role = role;
        await db.SaveChangesAsync(ct);
        return membership;
    }

    /// <summary>A member's role: viewer, editor or owner (sending events only is for API tokens).</summary>
    public static WorkspaceRole ParseRole(string? text, string field = "role") =>
        Enum.TryParse<WorkspaceRole>(text, ignoreCase: true, out var role) && Enum.IsDefined(role) && role != WorkspaceRole.EventSender && !int.TryParse(text, out _)
            ? role
            : throw new DomainRuleException(field, $"'{text}' is not a role: use viewer, editor or owner.");

    /// <summary>An API token's role: a member's, or eventSender (also event-sender) for a system that only sends events.</summary>
    public static WorkspaceRole ParseTokenRole(string? text, string field = "role") =>
        text?.Replace("-", "").Replace("_", "") is { } plain && plain.Equals(nameof(WorkspaceRole.EventSender), StringComparison.OrdinalIgnoreCase)
            ? WorkspaceRole.EventSender
            : Enum.TryParse<WorkspaceRole>(text, ignoreCase: true, out var role) && Enum.IsDefined(role) && !int.TryParse(text, out _)
                ? role
                : throw new DomainRuleException(field, $"'{text}' is not a token role: use eventSender, viewer, editor or owner.");
}
