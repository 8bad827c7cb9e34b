using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Waymark.Web.Tests.Support;

/// <summary>
/// GET /test/antiforgery hands out what a rendered form would carry: it sets the antiforgery cookie and answers
/// the form field's value, for the caller as they are signed in. Only in the tests' host.
/// </summary>
internal sealed class AntiforgeryTokenEndpoint : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (http, nextMiddleware) =>
        {
            if (http.Request.Path != "/test/antiforgery")
            {
                await nextMiddleware(http);
                return;
            }
            var result = await http.AuthenticateAsync();
            if (result.Succeeded) http.User = result.Principal!;
            var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
            await http.Response.WriteAsync(tokens.RequestToken!);
        });
        next(app);
    };
}
