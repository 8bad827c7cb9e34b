namespace Waymark.Web.Access;

/// <summary>Accounts, workspace roles, tokens, audit and the safe defaults around them.</summary>
public static class AccessSetup
{
    public static WebApplicationBuilder AddWaymarkAccess(this WebApplicationBuilder builder) => builder;

    /// <summary>Runs after the exception handler and before any endpoint.</summary>
    public static WebApplication UseWaymarkAccess(this WebApplication app) => app;
}
