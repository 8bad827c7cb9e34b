using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Waymark.Storage.Access;

namespace Waymark.Web.Access;

/// <summary>
/// Changing one's password, and the rule that an account still on its one-time password (the first administrator's,
/// or one made by <c>waymark user add</c>) does nothing else until its owner has chosen their own.
/// </summary>
public static class PasswordChange
{
    public const string PagePath = "/account/password";

    /// <summary>The outcome of a refused change: the form field at fault and a sentence for the person.</summary>
    public sealed record Refusal(string Field, string Code, string Message);

    /// <summary>Changes the password, clears the one-time mark and renews the sign-in cookie; null when it worked.</summary>
    public static async Task<Refusal?> TryChangeAsync(WaymarkUser user, string? current, string? next, UserManager<WaymarkUser> users,
        SignInManager<WaymarkUser> signIn)
    {
        Refusal Refused(string field, string code) => new(field, code, Sentence(code, users.Options, user.MustChangePassword));
        if (string.IsNullOrEmpty(current)) return Refused("currentPassword", "missing");
        if (string.IsNullOrEmpty(next)) return Refused("newPassword", "missing");
        if (next == current) return Refused("newPassword", "same");
        var result = await users.ChangePasswordAsync(user, current, next);
        if (!result.Succeeded)
            return result.Errors.Any(e => e.Code == "PasswordMismatch") ? Refused("currentPassword", "current") : Refused("newPassword", "policy");
        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        await signIn.RefreshSignInAsync(user);
        return null;
    }

    /// <summary>
    /// The sentence of each refusal, written once: the API answers it and the password page, which learns only the code
    /// from the form post's redirect, shows it.
    /// </summary>
    public static string Sentence(string? code, IdentityOptions options, bool oneTime) => code switch
    {
        "missing" => "Fill in your current password and the new one.",
        "mismatch" => "The two new passwords differ. Type the same new password twice.",
        "current" => oneTime ? "The one-time password is not right." : "The current password is not right.",
        "same" => "Choose a password different from the current one.",
        "policy" => "The new password is too weak. " + Rules(options),
        _ => "The password was not changed.",
    };

    /// <summary>The password rules in words, for the form.</summary>
    public static string Rules(IdentityOptions options) =>
        $"At least {options.Password.RequiredLength} characters, with at least {options.Password.RequiredUniqueChars} different ones. " +
        "A few unrelated words make a good one.";

    internal static IEndpointRouteBuilder MapPasswordForm(this IEndpointRouteBuilder app)
    {
        app.MapPost(PagePath, ChangeFromForm).ExcludeFromDescription()
            .RequireAuthorization(WorkspacePolicies.SignedInUser).RequireRateLimiting(RateLimits.SignIn);
        return app;
    }

    private static async Task<IResult> ChangeFromForm([FromForm] string? currentPassword, [FromForm] string? newPassword,
        [FromForm] string? confirmPassword, [FromForm] string? returnUrl, ClaimsPrincipal principal, UserManager<WaymarkUser> users,
        SignInManager<WaymarkUser> signIn)
    {
        var target = AccountEndpoints.LocalOr(returnUrl, "/");
        var user = await users.GetUserAsync(principal);
        if (user is null) return TypedResults.Redirect("/account/login");
        var refusal = newPassword != confirmPassword
            ? new Refusal("confirmPassword", "mismatch", Sentence("mismatch", users.Options, user.MustChangePassword))
            : await TryChangeAsync(user, currentPassword, newPassword, users, signIn);
        return refusal is null
            ? TypedResults.Redirect(target)
            : TypedResults.Redirect($"{PagePath}?error={refusal.Code}&returnUrl={Uri.EscapeDataString(target)}");
    }

    /// <summary>
    /// Until the one-time password is replaced, a person may only open the password page, read their own account,
    /// change the password or sign out: pages redirect to the form, the API answers 403 saying what to do.
    /// </summary>
    internal static IApplicationBuilder UseOneTimePasswordGate(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (!http.User.HasClaim(WaymarkClaims.MustChangePassword, "true") || http.User.IsToken() || MayPass(http.Request.Path))
        {
            await next(http);
            return;
        }
        if (WorkspaceAuthorizationResults.IsApi(http))
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = new ProblemDetails
                {
                    Status = 403,
                    Title = "Choose your own password first",
                    Detail = "This account still has its one-time password. Choose your own with POST /api/account/password " +
                             $"(or at {PagePath}) before anything else.",
                },
            });
            return;
        }
        var back = http.Request.Method == HttpMethods.Get ? http.Request.Path + http.Request.QueryString : "/";
        http.Response.Redirect($"{PagePath}?returnUrl={Uri.EscapeDataString(back)}");
    });

    private static bool MayPass(PathString path) =>
        path.Equals(PagePath, StringComparison.OrdinalIgnoreCase)
        || path.Equals("/account/logout", StringComparison.OrdinalIgnoreCase)
        || path.Equals("/account/login", StringComparison.OrdinalIgnoreCase)
        || path.Equals("/api/account", StringComparison.OrdinalIgnoreCase)
        || path.Equals("/api/account/", StringComparison.OrdinalIgnoreCase)
        || path.Equals("/api/account/password", StringComparison.OrdinalIgnoreCase)
        || path.Equals("/health", StringComparison.OrdinalIgnoreCase)
        // The form's own styles, scripts and images.
        || path.StartsWithSegments("/_framework") || path.StartsWithSegments("/_content")
        || Path.HasExtension(path.Value);
}

/// <summary>Adds the one-time-password mark to the sign-in cookie, so the gate needs no database read per request.</summary>
internal sealed class WaymarkUserClaims(UserManager<WaymarkUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<WaymarkUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(WaymarkUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.MustChangePassword) identity.AddClaim(new Claim(WaymarkClaims.MustChangePassword, "true"));
        return identity;
    }
}
