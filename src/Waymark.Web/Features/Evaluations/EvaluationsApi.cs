namespace Waymark.Web.Features.Evaluations;

public static class EvaluationsApi
{
    public static RouteGroupBuilder MapEvaluationsApi(this RouteGroupBuilder workspace) => workspace;
}
