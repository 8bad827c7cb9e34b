using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Waymark.Storage.Access;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Access;

/// <summary>
/// On a database without accounts: creates the first administrator with a random one-time password, printed on
/// the console once, and makes them owner of the demo workspace. Never a fixed default password.
/// </summary>
internal static class FirstAdministrator
{
    public static async Task EnsureAsync(IServiceProvider scoped, IConfiguration configuration, ILogger log, CancellationToken ct)
    {
        var users = scoped.GetRequiredService<UserManager<WaymarkUser>>();
        if (await users.Users.AnyAsync(ct)) return;
        var email = configuration["Waymark:AdminEmail"] is { Length: > 0 } configured ? configured : Accounts.DefaultAdminEmail;
        WaymarkUser admin;
        string password;
        try
        {
            (admin, password) = await Accounts.CreateAsync(users, email, administrator: true);
        }
        catch (Infrastructure.ConflictException)
        {
            return; // another instance starting at the same time was first
        }
        // As the operator, through the same use case as an owner's invitation; the audit trail names the start-up.
        scoped.GetRequiredService<CurrentActor>().ActAsOperator(AuditActor.System("first start"));
        var work = scoped.GetRequiredService<Features.Work>();
        if (await CurrentWorkspace.FindAsync(work.Db, "demo", ct) is { } demo)
            await MemberChanges.InviteAsync(work, demo, new InviteRequest(admin.Email, nameof(WorkspaceRole.Owner)), ct);
        log.LogInformation("Created the first administrator {Email}", email);
        Console.WriteLine();
        Console.WriteLine("  First start: an administrator account was created.");
        Console.WriteLine($"    e-mail:   {email}");
        Console.WriteLine($"    password: {password}");
        Console.WriteLine("  Sign in at /account/login with it; you will then choose your own password (or POST /api/account/password).");
        Console.WriteLine("  It is not stored anywhere and will not be shown again.");
        Console.WriteLine();
    }
}
