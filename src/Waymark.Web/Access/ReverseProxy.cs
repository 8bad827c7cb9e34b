using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Waymark.Web.Access;

/// <summary>
/// Behind a reverse proxy (nginx, Traefik, a load balancer) every request comes from the proxy's address, so the
/// sign-in rate limit would count all people together and links would say http. Naming the proxies
/// (Waymark:Proxy:KnownProxies, addresses, and/or Waymark:Proxy:KnownNetworks, e.g. 10.0.0.0/8, comma-separated)
/// makes Waymark take the client's address and scheme from their X-Forwarded-For / X-Forwarded-Proto headers —
/// from those proxies only: anyone else could forge the headers to dodge the limit.
/// </summary>
public static class ReverseProxy
{
    public static IApplicationBuilder UseWaymarkReverseProxy(this IApplicationBuilder app, IConfiguration configuration)
    {
        var proxies = List(configuration["Waymark:Proxy:KnownProxies"]);
        var networks = List(configuration["Waymark:Proxy:KnownNetworks"]);
        if (proxies.Count == 0 && networks.Count == 0) return app;
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies)
            options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address) ? address
                : throw new InvalidOperationException($"Waymark:Proxy:KnownProxies: '{proxy}' is not an IP address."));
        foreach (var network in networks)
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed) ? parsed
                : throw new InvalidOperationException($"Waymark:Proxy:KnownNetworks: '{network}' is not a network such as 10.0.0.0/8."));
        return app.UseForwardedHeaders(options);
    }

    private static List<string> List(string? text) =>
        (text ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
