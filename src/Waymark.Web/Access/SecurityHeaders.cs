namespace Waymark.Web.Access;

/// <summary>
/// Headers on every answer. The content security policy allows what the Blazor UI (scripts from this site,
/// its WebSocket back to this site), MudBlazor (inline styles) and the API reference page need, and nothing else.
/// </summary>
internal static partial class SecurityHeaders
{
    public static string ContentSecurityPolicy(HttpRequest request, IEnumerable<string>? scriptHashes = null)
    {
        var host = request.Host.Value;
        return string.Join("; ",
            "default-src 'self'",
            "script-src 'self' 'wasm-unsafe-eval'" + string.Concat((scriptHashes ?? []).Select(h => $" 'sha256-{h}'")),
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            $"connect-src 'self' ws://{host} wss://{host}",
            "frame-ancestors 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "object-src 'none'");
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            List<string>? hashes = null;
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy(http.Request, hashes);
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                // Once reached over https (directly or through a known proxy), browsers keep to https for a year.
                if (http.Request.IsHttps) headers.StrictTransportSecurity = "max-age=31536000";
                return Task.CompletedTask;
            });
            if (!IsApiReferencePage(http.Request))
            {
                await next(http);
                return;
            }
            // The API reference page starts itself with one inline script; allow exactly that script by its hash.
            // The page is read and rewritten here, so it is asked for uncompressed (it is about 1 KB).
            http.Request.Headers.AcceptEncoding = default;
            var original = http.Response.Body;
            using var buffer = new MemoryStream();
            http.Response.Body = buffer;
            try
            {
                await next(http);
            }
            finally
            {
                http.Response.Body = original;
            }
            var html = System.Text.Encoding.UTF8.GetString(buffer.ToArray());
            hashes = InlineScript().Matches(html)
                .Select(m => Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(m.Groups[1].Value))))
                .ToList();
            // Scalar's page template has no language; screen readers need it to pick a voice (WCAG 3.1.1).
            // Its code fields are comboboxes that never state whether they are open; a script of ours (from this site, so
            // the policy allows it) states it for them.
            var page = System.Text.Encoding.UTF8.GetBytes(html
                .Replace("<html>", "<html lang=\"en\">", StringComparison.Ordinal)
                .Replace("</head>", "<script src=\"/api-reference-a11y.js\" defer></script></head>", StringComparison.Ordinal));
            http.Response.ContentLength = page.Length;
            await original.WriteAsync(page, http.RequestAborted);
        });

    private static bool IsApiReferencePage(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) && request.Path.StartsWithSegments("/api-reference", out var rest)
        && !Path.HasExtension(rest.Value ?? "");

    [System.Text.RegularExpressions.GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>(.*?)</script>", System.Text.RegularExpressions.RegexOptions.Singleline)]
    private static partial System.Text.RegularExpressions.Regex InlineScript();
}
