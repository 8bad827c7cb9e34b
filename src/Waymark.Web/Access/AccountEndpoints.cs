using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Storage.Access;

namespace Waymark.Web.Access;

/// <summary>
/// Browser sign-in and sign-out as form posts (the page at GET /account/login is the UI's), plus the caller's
/// own account over JSON: who am I, change my password.
/// </summary>
public static class AccountEndpoints
{
    public sealed record PasswordChange(string? CurrentPassword, string? NewPassword);

    public sealed record AccountResponse(string Id, string Email, string? DisplayName, bool IsAdministrator, bool MustChangePassword,
        IReadOnlyList<WorkspaceMembershipView> Workspaces);

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var forms = app.MapGroup("/account").ExcludeFromDescription();
        forms.MapPost("/login", Login).RequireRateLimiting(RateLimits.SignIn);
        forms.MapPost("/logout", Logout).WithMetadata(new RequireAntiforgeryTokenAttribute());

        var api = app.MapGroup("/api/account").WithTags("Account").RequireAuthorization(WorkspacePolicies.SignedInUser);
        api.MapGet("/", Me);
        api.MapPost("/password", ChangePassword).ProducesValidationProblem().RequireRateLimiting(RateLimits.SignIn);
        return app;
    }

    private static async Task<RedirectHttpResult> Login([FromForm] string? email, [FromForm] string? password, [FromForm] string? returnUrl,
        SignInManager<WaymarkUser> signIn, ILogger<WaymarkUser> log)
    {
        var target = LocalOr(returnUrl, "/");
        var user = string.IsNullOrWhiteSpace(email) ? null : await signIn.UserManager.FindByEmailAsync(email.Trim());
        if (user is null || string.IsNullOrEmpty(password)) return Back("invalid", email, target);
        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded) return TypedResults.Redirect(target);
        if (result.IsLockedOut)
        {
            log.LogWarning("Sign-in refused for {Email}: locked out after repeated failures", user.Email);
            return Back("locked", email, target);
        }
        return Back("invalid", email, target);
    }

    private static async Task<RedirectHttpResult> Logout([FromForm] string? returnUrl, SignInManager<WaymarkUser> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.Redirect(LocalOr(returnUrl, "/"));
    }

    private static async Task<Ok<AccountResponse>> Me(ClaimsPrincipal principal, UserManager<WaymarkUser> users, WorkspaceAccess access, CancellationToken ct)
    {
        var user = await users.GetUserAsync(principal) ?? throw new Infrastructure.NotFoundException("This account no longer exists.");
        return TypedResults.Ok(new AccountResponse(user.Id, user.Email ?? "", user.DisplayName, user.IsAdministrator, user.MustChangePassword,
            await access.WorkspacesOfAsync(principal, ct)));
    }

    private static async Task<Results<NoContent, ValidationProblem>> ChangePassword(PasswordChange request, ClaimsPrincipal principal,
        UserManager<WaymarkUser> users, SignInManager<WaymarkUser> signIn)
    {
        var user = await users.GetUserAsync(principal) ?? throw new Infrastructure.NotFoundException("This account no longer exists.");
        var refusal = await global::Waymark.Web.Access.PasswordChange.TryChangeAsync(user, request.CurrentPassword, request.NewPassword, users, signIn);
        return refusal is null
            ? TypedResults.NoContent()
            : TypedResults.ValidationProblem(new Dictionary<string, string[]> { [refusal.Field] = [refusal.Message] }, detail: refusal.Message);
    }

    private static RedirectHttpResult Back(string error, string? email, string returnUrl) =>
        TypedResults.Redirect($"/account/login?error={error}&email={Uri.EscapeDataString(email ?? "")}&returnUrl={Uri.EscapeDataString(returnUrl)}");

    /// <summary>Only a path on this site: never "//evil.example" or an absolute address.</summary>
    internal static string LocalOr(string? url, string fallback) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Contains('\n') && !url.Contains('\r')
            ? url : fallback;

    /// <summary>Company sign-in (OpenID Connect), mapped only when configured.</summary>
    public static IEndpointRouteBuilder MapOidcEndpoints(this IEndpointRouteBuilder app)
    {
        var oidc = app.MapGroup("/account/login/oidc").ExcludeFromDescription();
        oidc.MapGet("/", (string? returnUrl) => TypedResults.Challenge(
            new AuthenticationProperties { RedirectUri = $"/account/login/oidc/done?returnUrl={Uri.EscapeDataString(LocalOr(returnUrl, "/"))}" },
            [AccessSetup.OidcScheme]));
        oidc.MapGet("/done", OidcDone);
        return app;
    }

    /// <summary>After the identity provider: the linked account, else the account with the same e-mail, else a new one (member of nothing yet).</summary>
    private static async Task<RedirectHttpResult> OidcDone(string? returnUrl, SignInManager<WaymarkUser> signIn, HttpContext http)
    {
        var target = LocalOr(returnUrl, "/");
        var info = await signIn.GetExternalLoginInfoAsync();
        if (info is null) return Back("external", null, target);
        var result = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: true);
        if (result.Succeeded) return TypedResults.Redirect(target);
        if (result.IsLockedOut) return Back("locked", null, target);
        var email = info.Principal.FindFirstValue(ClaimTypes.Email) ?? info.Principal.FindFirstValue("email");
        if (string.IsNullOrEmpty(email)) return Back("external", null, target);
        var users = signIn.UserManager;
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new WaymarkUser(email) { EmailConfirmed = true, DisplayName = info.Principal.FindFirstValue("name") ?? info.Principal.Identity?.Name };
            if (!(await users.CreateAsync(user)).Succeeded) return Back("external", email, target);
        }
        if (!(await users.AddLoginAsync(user, info)).Succeeded) return Back("external", email, target);
        await http.SignOutAsync(IdentityConstants.ExternalScheme);
        await signIn.SignInAsync(user, isPersistent: false, info.LoginProvider);
        return TypedResults.Redirect(target);
    }
}
