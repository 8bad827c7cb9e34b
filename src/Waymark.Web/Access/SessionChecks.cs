using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Waymark.Storage.Access;

namespace Waymark.Web.Access;

/// <summary>
/// How soon a session ends after its account changed underneath it (password changed or reset, account deleted):
/// the sign-in cookie and an open page's connection both check the account again every Waymark:SessionCheckSeconds
/// (60 by default; 0 checks the cookie on every request).
/// </summary>
public static class SessionChecks
{
    public static TimeSpan Interval(IConfiguration configuration) =>
        TimeSpan.FromSeconds(Math.Max(0, configuration.GetValue("Waymark:SessionCheckSeconds", 60)));

    internal static IServiceCollection AddSessionChecks(this IServiceCollection services)
    {
        services.AddOptions<SecurityStampValidatorOptions>().Configure<IConfiguration>((o, configuration) => o.ValidationInterval = Interval(configuration));
        services.AddScoped<AuthenticationStateProvider, RevalidatingAccountState>();
        return services;
    }
}

/// <summary>An open page's user, checked again while the connection lives: gone or re-stamped accounts are signed out of it.</summary>
internal sealed class RevalidatingAccountState(ILoggerFactory loggers, IServiceScopeFactory scopes, IOptions<IdentityOptions> identity, IConfiguration configuration)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    // A live page asks at least every five seconds apart, whatever the cookie setting.
    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(Math.Max(5, SessionChecks.Interval(configuration).TotalSeconds));

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken ct)
    {
        if (state.User.Identity?.IsAuthenticated != true || state.User.IsToken()) return true;
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<WaymarkUser>>();
        var user = await users.GetUserAsync(state.User);
        if (user is null) return false;
        if (!users.SupportsUserSecurityStamp) return true;
        return state.User.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType) == await users.GetSecurityStampAsync(user);
    }
}
