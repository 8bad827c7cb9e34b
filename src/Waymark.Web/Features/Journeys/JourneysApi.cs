namespace Waymark.Web.Features.Journeys;

public static class JourneysApi
{
    public static RouteGroupBuilder MapJourneysApi(this RouteGroupBuilder workspace) => workspace;
}
