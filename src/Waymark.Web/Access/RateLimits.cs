using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Waymark.Web.Access;

/// <summary>
/// Sign-in attempts per client address, and writes per API token, in fixed windows; over the limit answers 429
/// with Retry-After. Settings: Waymark:RateLimits:SignInPerWindow, TokenWritesPerWindow, EventBatchesPerWindow, WindowSeconds.
/// Event batches count apart from other writes, with a higher limit: a call-centre feed sends many, often small ones.
/// </summary>
internal static class RateLimits
{
    public const string SignIn = "sign-in";

    public static IServiceCollection AddWaymarkRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IConfiguration>((o, configuration) =>
        {
            var window = TimeSpan.FromSeconds(configuration.GetValue("Waymark:RateLimits:WindowSeconds", 60));
            var signIns = configuration.GetValue("Waymark:RateLimits:SignInPerWindow", 10);
            var tokenWrites = configuration.GetValue("Waymark:RateLimits:TokenWritesPerWindow", 600);
            var eventBatches = configuration.GetValue("Waymark:RateLimits:EventBatchesPerWindow", 30_000);
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignIn, http => RateLimitPartition.GetFixedWindowLimiter(
                "sign-in:" + http.Connection.RemoteIpAddress,
                _ => new FixedWindowRateLimiterOptions { PermitLimit = signIns, Window = window, QueueLimit = 0 }));
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                http.User.FindFirst(WaymarkClaims.TokenId)?.Value is { } token && !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method)
                    ? IsEventBatch(http)
                        ? RateLimitPartition.GetFixedWindowLimiter("events:" + token,
                            _ => new FixedWindowRateLimiterOptions { PermitLimit = eventBatches, Window = window, QueueLimit = 0 })
                        : RateLimitPartition.GetFixedWindowLimiter("token:" + token,
                            _ => new FixedWindowRateLimiterOptions { PermitLimit = tokenWrites, Window = window, QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter(""));
            o.OnRejected = async (context, ct) =>
            {
                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)) : (int)window.TotalSeconds;
                var http = context.HttpContext;
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = new Microsoft.AspNetCore.Mvc.ProblemDetails
                    {
                        Status = 429,
                        Title = "Too many requests",
                        Detail = $"Too many requests in a short time. Try again in {seconds} seconds.",
                    },
                });
            };
        });
        return services;
    }

    private static bool IsEventBatch(HttpContext http) =>
        HttpMethods.IsPost(http.Request.Method) && http.Request.Path.StartsWithSegments("/api/workspaces", out var rest)
        && rest.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries) is [_, "events"];
}
