namespace Waymark.Web.Features.Exchange;

public static class ExchangeApi
{
    public static RouteGroupBuilder MapExchangeApi(this RouteGroupBuilder workspace) => workspace;
}
