namespace Waymark.Web.Features.Improvements;

public static class ImprovementsApi
{
    public static RouteGroupBuilder MapImprovementsApi(this RouteGroupBuilder workspace) => workspace;
}
