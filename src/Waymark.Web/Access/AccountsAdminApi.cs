using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Common;
using Waymark.Storage;
using Waymark.Storage.Access;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Access;

/// <summary>
/// The accounts of the server, for its administrators: who has an account, in which workspaces with which role,
/// who is locked out or still on a one-time password; new accounts, unlocking, password resets, administrator
/// rights and deleting accounts. The server always keeps an administrator, and no workspace loses its last owner.
/// </summary>
public static class AccountsAdminApi
{
    public sealed record AccountWorkspace(string Key, string Name, WorkspaceRole Role);

    public sealed record AccountView(string Id, string Email, string? DisplayName, bool IsAdministrator, bool MustChangePassword,
        DateTimeOffset? LockedOutUntil, int FailedSignIns, bool HasPassword, IReadOnlyList<string> CompanySignIns,
        IReadOnlyList<AccountWorkspace> Workspaces);

    public sealed record NewAccount(string? Email, string? DisplayName, bool? IsAdministrator);

    public sealed record AccountChange(string? DisplayName, bool? IsAdministrator);

    /// <summary>An account with its one-time password, shown this once.</summary>
    public sealed record AccountWithPassword(AccountView Account, string OneTimePassword);

    public static IEndpointRouteBuilder MapAccountsAdminApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/users").WithTags("Administration").RequireAuthorization(WorkspacePolicies.Administrator)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesValidationProblem();
        group.MapGet("/", List);
        group.MapGet("/{userId}", Get);
        group.MapPost("/", Create);
        group.MapPut("/{userId}", Change);
        group.MapPost("/{userId}/unlock", Unlock);
        group.MapPost("/{userId}/password-reset", ResetPassword);
        group.MapDelete("/{userId}", Delete);
        return app;
    }

    private static async Task<Ok<Page<AccountView>>> List(string? search, int? page, int? pageSize, AccountAdministration accounts, CancellationToken ct) =>
        TypedResults.Ok(await accounts.ListAsync(search, page, pageSize, ct));

    private static async Task<Ok<AccountView>> Get(string userId, AccountAdministration accounts, CancellationToken ct) =>
        TypedResults.Ok(await accounts.GetAsync(userId, ct));

    private static async Task<Created<AccountWithPassword>> Create(NewAccount request, AccountAdministration accounts, CancellationToken ct)
    {
        var created = await accounts.CreateAsync(request, ct);
        return TypedResults.Created($"/api/admin/users/{created.Account.Id}", created);
    }

    private static async Task<Ok<AccountView>> Change(string userId, AccountChange request, AccountAdministration accounts, CancellationToken ct) =>
        TypedResults.Ok(await accounts.ChangeAsync(userId, request, ct));

    private static async Task<Ok<AccountView>> Unlock(string userId, AccountAdministration accounts, CancellationToken ct) =>
        TypedResults.Ok(await accounts.UnlockAsync(userId, ct));

    private static async Task<Ok<AccountWithPassword>> ResetPassword(string userId, AccountAdministration accounts, CancellationToken ct) =>
        TypedResults.Ok(await accounts.ResetPasswordAsync(userId, ct));

    private static async Task<NoContent> Delete(string userId, AccountAdministration accounts, CancellationToken ct)
    {
        await accounts.DeleteAsync(userId, ct);
        return TypedResults.NoContent();
    }
}

/// <summary>
/// The administrator's changes to accounts, one use case each, for the API above, the Accounts page and the command line
/// (as operator) alike: each checks first that whoever acts (<see cref="CurrentActor"/>) is an administrator as things
/// are now, and the self-protection rules and the log name them.
/// </summary>
public sealed class AccountAdministration(UserManager<WaymarkUser> users, WaymarkDb db, TimeProvider clock, CurrentActor actor, WorkspaceAccess access,
    ILogger<AccountAdministration> log)
{
    public const string AdministratorsOnly = "Only a Waymark administrator manages accounts.";

    /// <summary>The access rule of every change here: an administrator (asked afresh) or the operator.</summary>
    private async Task AllowAsync(CancellationToken ct)
    {
        if (actor.IsOperator) return;
        if (actor.Principal is not { } caller || !await access.IsAdministratorAsync(caller, ct)) throw new ForbiddenChangeException(AdministratorsOnly);
    }

    private string? ActingId => actor.Principal?.UserId();

    private string? ActingName => actor.Actor?.Name;

    public async Task<Page<AccountsAdminApi.AccountView>> ListAsync(string? search, int? page, int? pageSize, CancellationToken ct = default)
    {
        var (p, size) = Paging.Validate(page, pageSize);
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim().ToUpperInvariant();
            query = query.Where(u => u.NormalizedEmail!.Contains(s) || (u.DisplayName != null && u.DisplayName.ToUpper().Contains(s)));
        }
        var total = await query.CountAsync(ct);
        var found = await query.OrderBy(u => u.NormalizedEmail).Skip((p - 1) * size).Take(size).ToListAsync(ct);
        return new Page<AccountsAdminApi.AccountView>(await ViewsAsync(found, ct), p, size, total);
    }

    public async Task<AccountsAdminApi.AccountView> GetAsync(string userId, CancellationToken ct = default) =>
        (await ViewsAsync([await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, ct) ?? throw NoSuchAccount(userId)], ct))[0];

    public async Task<AccountsAdminApi.AccountWithPassword> CreateAsync(AccountsAdminApi.NewAccount request, CancellationToken ct = default)
    {
        await AllowAsync(ct);
        Domain.Common.Guard.Line(request.DisplayName?.Trim(), "displayName");
        var (user, password) = await Accounts.CreateAsync(users, request.Email ?? "", request.IsAdministrator ?? false);
        if (!string.IsNullOrWhiteSpace(request.DisplayName))
        {
            user.DisplayName = request.DisplayName.Trim();
            Succeeded(await users.UpdateAsync(user));
        }
        log.LogInformation("{Admin} created the account {Email}", ActingName, user.Email);
        return new((await ViewsAsync([user], ct))[0], password);
    }

    public async Task<AccountsAdminApi.AccountView> ChangeAsync(string userId, AccountsAdminApi.AccountChange request, CancellationToken ct = default)
    {
        await AllowAsync(ct);
        Domain.Common.Guard.Line(request.DisplayName?.Trim(), "displayName");
        var user = await FindAsync(userId);
        if (request.IsAdministrator is false && user.IsAdministrator)
        {
            if (user.Id == ActingId) throw new ConflictException("You cannot take your own administrator rights away; another administrator can.");
            await EnsureAnotherAdministratorAsync(user, ct);
        }
        if (request.IsAdministrator is { } isAdministrator) user.IsAdministrator = isAdministrator;
        if (request.DisplayName is not null) user.DisplayName = request.DisplayName.Trim() is { Length: > 0 } name ? name : null;
        Succeeded(await users.UpdateAsync(user));
        return (await ViewsAsync([user], ct))[0];
    }

    public async Task<AccountsAdminApi.AccountView> UnlockAsync(string userId, CancellationToken ct = default)
    {
        await AllowAsync(ct);
        var user = await FindAsync(userId);
        Succeeded(await users.SetLockoutEndDateAsync(user, null));
        Succeeded(await users.ResetAccessFailedCountAsync(user));
        return (await ViewsAsync([user], ct))[0];
    }

    /// <summary>A new one-time password: the old one stops working, open sessions end, and the person must choose their own.</summary>
    public async Task<AccountsAdminApi.AccountWithPassword> ResetPasswordAsync(string userId, CancellationToken ct = default)
    {
        await AllowAsync(ct);
        var user = await FindAsync(userId);
        var password = Accounts.GeneratePassword();
        Succeeded(await users.RemovePasswordAsync(user));
        Succeeded(await users.AddPasswordAsync(user, password));
        user.MustChangePassword = true;
        Succeeded(await users.UpdateAsync(user));
        Succeeded(await users.UpdateSecurityStampAsync(user));
        Succeeded(await users.SetLockoutEndDateAsync(user, null));
        Succeeded(await users.ResetAccessFailedCountAsync(user));
        log.LogInformation("{Admin} reset the password of {Email}", ActingName, user.Email);
        return new((await ViewsAsync([user], ct))[0], password);
    }

    public async Task DeleteAsync(string userId, CancellationToken ct = default)
    {
        await AllowAsync(ct);
        var user = await FindAsync(userId);
        if (user.Id == ActingId) throw new ConflictException("You cannot delete your own account; another administrator can.");
        if (user.IsAdministrator) await EnsureAnotherAdministratorAsync(user, ct);
        var lastOwnerOf = await db.Memberships.AsNoTracking()
            .Where(m => m.UserId == user.Id && m.Role == WorkspaceRole.Owner
                        && !db.Memberships.Any(o => o.WorkspaceId == m.WorkspaceId && o.Role == WorkspaceRole.Owner && o.UserId != user.Id))
            .Join(db.Workspaces, m => m.WorkspaceId, w => w.Id, (m, w) => w.Name)
            .ToListAsync(ct);
        if (lastOwnerOf.Count > 0)
            throw new ConflictException($"{user.Email} is the last owner of {string.Join(", ", lastOwnerOf.Order().Select(n => $"'{n}'"))}: " +
                                        "make someone else owner there first.");
        // Tracked, not a bulk delete: each workspace's audit trail records that the person left it.
        db.Memberships.RemoveRange(await db.Memberships.Where(m => m.UserId == user.Id).ToListAsync(ct));
        await db.SaveChangesAsync(ct);
        Succeeded(await users.DeleteAsync(user));
        log.LogInformation("{Admin} deleted the account {Email}", ActingName, user.Email);
    }

    private async Task EnsureAnotherAdministratorAsync(WaymarkUser user, CancellationToken ct)
    {
        if (!await db.Users.AnyAsync(u => u.IsAdministrator && u.Id != user.Id, ct))
            throw new ConflictException($"{user.Email} is the only administrator: make someone else administrator first.");
    }

    private async Task<WaymarkUser> FindAsync(string userId) => await users.FindByIdAsync(userId) ?? throw NoSuchAccount(userId);

    private static NotFoundException NoSuchAccount(string userId) => new($"There is no account '{userId}'.");

    private static void Succeeded(IdentityResult result)
    {
        if (result.Succeeded) return;
        if (result.Errors.Any(e => e.Code == "ConcurrencyFailure"))
            throw new ConflictException("Someone else changed this account at the same moment; load it again and retry.");
        throw new DomainRuleException("account", string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    /// <summary>The accounts with their workspaces and external sign-ins, in two queries for the whole page.</summary>
    private async Task<List<AccountsAdminApi.AccountView>> ViewsAsync(IReadOnlyList<WaymarkUser> found, CancellationToken ct)
    {
        var ids = found.Select(u => u.Id).ToList();
        var memberships = await db.Memberships.AsNoTracking().Where(m => ids.Contains(m.UserId))
            .Join(db.Workspaces, m => m.WorkspaceId, w => w.Id, (m, w) => new { m.UserId, w.Key, w.Name, m.Role })
            .ToListAsync(ct);
        var logins = await db.UserLogins.AsNoTracking().Where(l => ids.Contains(l.UserId))
            .Select(l => new { l.UserId, Name = l.ProviderDisplayName ?? l.LoginProvider }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        return found.Select(u => new AccountsAdminApi.AccountView(u.Id, u.Email ?? "", u.DisplayName, u.IsAdministrator, u.MustChangePassword,
                u.LockoutEnd is { } end && end > now ? end : null, u.AccessFailedCount, u.PasswordHash is not null,
                logins.Where(l => l.UserId == u.Id).Select(l => l.Name).Order(StringComparer.Ordinal).ToList(),
                memberships.Where(m => m.UserId == u.Id).OrderBy(m => m.Name, StringComparer.OrdinalIgnoreCase)
                    .Select(m => new AccountsAdminApi.AccountWorkspace(m.Key, m.Name, m.Role)).ToList()))
            .ToList();
    }
}

/// <summary>A signed-in person whose account is a Waymark administrator (read from the database, so a change counts at once).</summary>
public sealed class AdministratorRequirement : IAuthorizationRequirement;

internal sealed class AdministratorHandler(WorkspaceAccess access) : AuthorizationHandler<AdministratorRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, AdministratorRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated != true || context.User.IsToken()) return;
        var ct = (context.Resource as HttpContext)?.RequestAborted ?? default;
        if (await access.IsAdministratorAsync(context.User, ct)) context.Succeed(requirement);
        else context.Fail(new AuthorizationFailureReason(this, AccountAdministration.AdministratorsOnly));
    }
}
