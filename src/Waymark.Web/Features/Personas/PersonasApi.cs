namespace Waymark.Web.Features.Personas;

public static class PersonasApi
{
    public static RouteGroupBuilder MapPersonasApi(this RouteGroupBuilder workspace) => workspace;
}
