using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Workspaces;
using Waymark.Storage.Access;
using Waymark.Storage.Tests.Support;

namespace Waymark.Storage.Tests;

/// <summary>Accounts, memberships, tokens and the audit trail on SQLite and on PostgreSQL.</summary>
public abstract class AccessStorageTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase> where TDatabase : TestDatabase
{
    private sealed class Acting(AuditActor actor) : IAuditContext
    {
        public AuditActor? Actor => actor;
        public Guid? WorkspaceId => null;
    }

    [Fact]
    public async Task Members_tokens_and_audit_entries_are_stored_and_go_with_their_workspace()
    {
        var user = new WaymarkUser("ana@example.com") { NormalizedEmail = "ANA@EXAMPLE.COM", NormalizedUserName = "ANA@EXAMPLE.COM", IsAdministrator = true };
        var workspace = new Workspace("access-" + Guid.NewGuid().ToString("N")[..8], "Access");
        var now = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
        var (token, secret) = ApiToken.Create(workspace.Id, "feed", WorkspaceRole.Editor, now, now.AddDays(30));

        var options = new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<WaymarkDb>();
        StorageSetup.Configure(options, database.Options);
        options.AddInterceptors(new AuditTrail(new Acting(new AuditActor(ActorKind.User, user.Id, "ana@example.com")), TimeProvider.System));
        await using (var db = new WaymarkDb(options.Options))
        {
            db.Users.Add(user);
            db.Workspaces.Add(workspace);
            db.ApiTokens.Add(token);
            await db.SaveChangesAsync();
        }

        await using (var db = database.Open())
        {
            var membership = await db.Memberships.SingleAsync(m => m.WorkspaceId == workspace.Id);
            Assert.Equal((user.Id, WorkspaceRole.Owner), (membership.UserId, membership.Role));
            var stored = await db.ApiTokens.SingleAsync(t => t.Id == token.Id);
            Assert.Equal(ApiToken.HashOf(secret), stored.Hash);
            Assert.True(stored.IsActiveAt(now.AddDays(29)));
            Assert.False(stored.IsActiveAt(now.AddDays(30)));
            Assert.Equal(1, await db.ApiTokens.CountAsync(t => t.ExpiresAt > now.AddDays(29)));
            var audit = await db.AuditEntries.Where(a => a.WorkspaceId == workspace.Id).OrderBy(a => a.EntityType).ToListAsync();
            Assert.Equal(["ApiToken", "Workspace", "WorkspaceMembership"], audit.Select(a => a.EntityType));
            Assert.DoesNotContain(audit, a => a.Changes?.Contains(secret) == true);
            Assert.True((await db.Users.SingleAsync(u => u.Id == user.Id)).IsAdministrator);

            await WorkspaceStore.DeleteAsync(db, workspace.Id);
        }

        await using (var db = database.Open())
        {
            Assert.False(await db.Memberships.AnyAsync(m => m.WorkspaceId == workspace.Id));
            Assert.False(await db.ApiTokens.AnyAsync(t => t.WorkspaceId == workspace.Id));
            Assert.False(await db.AuditEntries.AnyAsync(a => a.WorkspaceId == workspace.Id));
            Assert.True(await db.Users.AnyAsync(u => u.Id == user.Id));
        }
    }
}

public sealed class SqliteAccessStorageTests(SqliteTestDatabase database) : AccessStorageTests<SqliteTestDatabase>(database);

public sealed class PostgresAccessStorageTests(PostgresTestDatabase database) : AccessStorageTests<PostgresTestDatabase>(database);
