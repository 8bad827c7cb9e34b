namespace Waymark.Web.Features.Touchpoints;

public static class TouchpointsApi
{
    public static RouteGroupBuilder MapTouchpointsApi(this RouteGroupBuilder workspace) => workspace;
}
