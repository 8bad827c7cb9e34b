using Microsoft.EntityFrameworkCore;
using Waymark.Storage.Access;

namespace Waymark.Storage.Demo;

public static partial class LargeWorkspace
{
    /// <summary>
    /// Stores the workspace through <see cref="WorkspaceStore.AddAsync"/> and gives its members access, all in one
    /// transaction. A member whose e-mail already has an account (e.g. from an earlier large workspace) keeps that
    /// account; new accounts get no password, so nobody signs in with them until an administrator resets the password.
    /// </summary>
    public static async Task StoreAsync(WaymarkDb db, Built built, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await WorkspaceStore.AddAsync(db, built.Content, progress, ct);
        await AddMembersAsync(db, built.Content.Workspace.Id, built.Members, ct);
        await transaction.CommitAsync(ct);
    }

    private static async Task AddMembersAsync(WaymarkDb db, Guid workspaceId, IReadOnlyList<Member> members, CancellationToken ct)
    {
        var normalized = members.Select(m => m.Email.ToUpperInvariant()).ToList();
        var existing = await db.Users.Where(u => normalized.Contains(u.NormalizedEmail!)).ToDictionaryAsync(u => u.NormalizedEmail!, ct);
        var now = DateTimeOffset.UtcNow;
        foreach (var member in members)
        {
            var key = member.Email.ToUpperInvariant();
            if (!existing.TryGetValue(key, out var user))
            {
                // Normalised as Identity's default lookup normaliser does, so sign-in and the account list find it.
                user = new WaymarkUser(member.Email) { DisplayName = member.DisplayName, NormalizedEmail = key, NormalizedUserName = key, EmailConfirmed = true };
                db.Users.Add(user);
            }
            db.Memberships.Add(new WorkspaceMembership(workspaceId, user.Id, member.Role, now));
        }
        await db.SaveChangesAsync(ct);
    }
}
