using Microsoft.Net.Http.Headers;

namespace Waymark.Web.Infrastructure;

/// <summary>
/// Optimistic concurrency over HTTP: reads carry an ETag of the row version; an update names the version it
/// edits, in its body (<c>version</c>) or in If-Match. A stale version answers 409 and changes nothing.
/// </summary>
public static class Versions
{
    public static string ETag(int version) => $"\"{version}\"";

    public static void SetETag(this HttpContext http, int version) => http.Response.Headers.ETag = ETag(version);

    public static int Expected(HttpContext http, int? fromBody) => Required(fromBody ?? Optional(http));

    /// <summary>For use cases: an update must name the version it edits, whoever asks.</summary>
    public static int Required(int? version) =>
        version ?? throw new PreconditionRequiredException("Say which version you are changing: send the 'version' you read, or an If-Match header with its ETag.");

    /// <summary>The version named by If-Match, if any; for deletes it is optional, but when given it must match.</summary>
    public static int? Optional(HttpContext http)
    {
        var ifMatch = http.Request.Headers.IfMatch.ToString();
        return !string.IsNullOrEmpty(ifMatch) && EntityTagHeaderValue.TryParse(ifMatch, out var tag) && int.TryParse(tag.Tag.Value?.Trim('"'), out var v) ? v : null;
    }
}
