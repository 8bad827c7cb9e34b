using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Waymark.Storage;
using Waymark.Storage.Access;

namespace Waymark.Web.Access;

/// <summary>Accounts, workspace roles, tokens, audit and the safe defaults around them.</summary>
public static class AccessSetup
{
    /// <summary>Chooses per request: an API token when the request carries one, else the browser's cookie.</summary>
    public const string Scheme = "Waymark";
    public const string OidcScheme = "oidc";

    public static bool OidcConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["Waymark:Oidc:Authority"]) && !string.IsNullOrWhiteSpace(configuration["Waymark:Oidc:ClientId"]);

    public static WebApplicationBuilder AddWaymarkAccess(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentActor>();
        services.AddScoped<IAuditContext>(sp => sp.GetRequiredService<CurrentActor>());
        services.AddScoped<WorkspaceAccess>();
        services.AddScoped<AccountAdministration>();

        services.AddIdentityCore<WaymarkUser>(o =>
            {
                // Length over composition rules (NIST SP 800-63B): at least 12 characters, not all the same few.
                o.Password.RequiredLength = configuration.GetValue("Waymark:Passwords:MinimumLength", 12);
                o.Password.RequiredUniqueChars = 4;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = configuration.GetValue("Waymark:Lockout:MaxFailedAttempts", 5);
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(configuration.GetValue("Waymark:Lockout:Minutes", 15));
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<WaymarkDb>()
            .AddClaimsPrincipalFactory<WaymarkUserClaims>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        // Keys in the database: cookies survive restarts and every instance on one PostgreSQL reads the others'.
        services.AddDataProtection().SetApplicationName("Waymark").PersistKeysToDbContext<WaymarkDb>();

        var authentication = services.AddAuthentication(o =>
            {
                o.DefaultScheme = Scheme;
                o.DefaultChallengeScheme = Scheme;
                o.DefaultForbidScheme = Scheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddPolicyScheme(Scheme, "API token or cookie", o => o.ForwardDefaultSelector = http =>
                ApiTokenAuthentication.CarriesToken(http.Request) ? ApiTokenAuthentication.Scheme : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokenAuthentication.Scheme, null);
        authentication.AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(o =>
        {
            o.Cookie.Name = "waymark.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/login";
            o.ExpireTimeSpan = TimeSpan.FromHours(configuration.GetValue("Waymark:SignInHours", 12));
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = http => ApiOr(http, 401);
            o.Events.OnRedirectToAccessDenied = http => ApiOr(http, 403);
        }));
        AddOidcWhenConfigured(services);

        services.AddAuthorizationBuilder()
            .AddPolicy(WorkspacePolicies.Member, p => p.RequireAuthenticatedUser().AddRequirements(new WorkspaceRoleRequirement()))
            .AddPolicy(WorkspacePolicies.SignedInUser, p => p.RequireAuthenticatedUser().RequireAssertion(c => !c.User.IsToken()))
            .AddPolicy(WorkspacePolicies.Authenticated, p => p.RequireAuthenticatedUser().RequireAssertion(c => !c.User.IsEventSender()))
            .AddPolicy(WorkspacePolicies.Administrator, p => p.RequireAuthenticatedUser().AddRequirements(new AdministratorRequirement()));
        services.AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, WorkspaceRoleHandler>();
        services.AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, AdministratorHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, WorkspaceAuthorizationResults>();

        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "waymark.antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddWaymarkRateLimits();
        return builder;
    }

    /// <summary>
    /// Company sign-in: the scheme exists only when Waymark:Oidc:Authority and ClientId are set. Read when the
    /// options are first built, so settings from any source (file, environment, command line, tests) count.
    /// </summary>
    private static void AddOidcWhenConfigured(IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<OpenIdConnectOptions>, OpenIdConnectPostConfigureOptions>());
        services.AddTransient<OpenIdConnectHandler>();
        services.AddOptions<AuthenticationOptions>().Configure<IConfiguration>((o, configuration) =>
        {
            if (OidcConfigured(configuration))
                o.AddScheme(OidcScheme, s =>
                {
                    s.HandlerType = typeof(OpenIdConnectHandler);
                    s.DisplayName = configuration["Waymark:Oidc:DisplayName"] ?? "Company sign-in";
                });
        });
        services.AddOptions<OpenIdConnectOptions>(OidcScheme).Configure<IConfiguration>((o, configuration) =>
        {
            o.Authority = configuration["Waymark:Oidc:Authority"];
            o.ClientId = configuration["Waymark:Oidc:ClientId"];
            o.ClientSecret = configuration["Waymark:Oidc:ClientSecret"];
            o.ResponseType = "code";
            o.UsePkce = true;
            o.SignInScheme = IdentityConstants.ExternalScheme;
            o.CallbackPath = "/signin-oidc";
            o.Scope.Add("email");
            o.Scope.Add("profile");
            o.MapInboundClaims = true;
            o.GetClaimsFromUserInfoEndpoint = true;
        });
    }

    /// <summary>Runs after the exception handler and before any endpoint.</summary>
    public static WebApplication UseWaymarkAccess(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseRequestBodyLimits();
        app.UseAuthentication();
        app.UseOneTimePasswordGate();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAntiforgery();
        // After the sign-in and role checks: a kept answer is only ever given to whom the endpoint would answer.
        app.UseOutputCache();
        // Inside the output cache, which so keeps the compressed answer (see AddResponseCompression).
        app.UseResponseCompression();
        app.MapAccountEndpoints();
        app.MapPasswordForm();
        if (OidcConfigured(app.Configuration)) app.MapOidcEndpoints();
        return app;
    }

    /// <summary>API callers get a status code; browsers are sent to the sign-in page.</summary>
    private static Task ApiOr(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (WorkspaceAuthorizationResults.IsApi(context.HttpContext)) context.Response.StatusCode = status;
        else context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
