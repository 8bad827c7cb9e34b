namespace Waymark.Web.Features.Dashboard;

public static class DashboardApi
{
    public static RouteGroupBuilder MapDashboardApi(this RouteGroupBuilder workspace) => workspace;
}
