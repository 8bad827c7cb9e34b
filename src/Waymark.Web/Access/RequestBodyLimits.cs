using Microsoft.AspNetCore.Http.Features;

namespace Waymark.Web.Access;

/// <summary>
/// The largest request body an endpoint (or group) accepts, above the default of Waymark:Limits:RequestBodyBytes;
/// <paramref name="Setting"/> names the configuration value that may change it.
/// </summary>
public sealed record RequestBodyLimit(long Bytes, string? Setting = null);

/// <summary>
/// Bodies are limited to 1 MB unless an endpoint says otherwise (the workspace import takes 50 MB); a larger
/// body answers 413 with a ProblemDetails that says the limit, before anything is read.
/// </summary>
public static class RequestBodyLimits
{
    public const long DefaultBytes = 1024 * 1024;
    public const long ImportBytes = 50 * 1024 * 1024;

    public static TBuilder WithRequestBodyLimit<TBuilder>(this TBuilder builder, long bytes, string? setting = null) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequestBodyLimit(bytes, setting));

    public static IApplicationBuilder UseRequestBodyLimits(this IApplicationBuilder app)
    {
        var configuration = app.ApplicationServices.GetRequiredService<IConfiguration>();
        return app.Use(async (http, next) =>
        {
            var fallback = configuration.GetValue("Waymark:Limits:RequestBodyBytes", DefaultBytes);
            var limit = http.GetEndpoint()?.Metadata.GetMetadata<RequestBodyLimit>() is { } own
                ? (own.Setting is { } setting ? configuration.GetValue(setting, own.Bytes)
                    : own.Bytes == ImportBytes ? configuration.GetValue("Waymark:Limits:ImportBodyBytes", ImportBytes) : own.Bytes)
                : fallback;
            if (http.Request.ContentLength > limit)
            {
                http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = new Microsoft.AspNetCore.Mvc.ProblemDetails
                    {
                        Status = 413,
                        Title = "The request is too large",
                        Detail = $"This request body has {http.Request.ContentLength:N0} bytes; this address accepts at most {limit:N0} bytes.",
                    },
                });
                return;
            }
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature) feature.MaxRequestBodySize = limit;
            await next(http);
        });
    }
}
