namespace Waymark.Web.Features.Kpis;

public static class KpisApi
{
    public static RouteGroupBuilder MapKpisApi(this RouteGroupBuilder workspace) => workspace;
}
