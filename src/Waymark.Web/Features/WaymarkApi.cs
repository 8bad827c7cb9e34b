using Waymark.Web.Features.Dashboard;
using Waymark.Web.Features.Evaluations;
using Waymark.Web.Features.Events;
using Waymark.Web.Features.Evidence;
using Waymark.Web.Features.Exchange;
using Waymark.Web.Features.Imports;
using Waymark.Web.Features.Improvements;
using Waymark.Web.Features.Journeys;
using Waymark.Web.Features.Kpis;
using Waymark.Web.Features.Office;
using Waymark.Web.Features.Organisation;
using Waymark.Web.Features.Personas;
using Waymark.Web.Features.Templates;
using Waymark.Web.Features.Touchpoints;
using Waymark.Web.Features.Workspaces;

using Waymark.Web.Access;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features;

public static class WaymarkApi
{
    /// <summary>Every resource of a workspace hangs off one group, so checks on the group apply to all of them.</summary>
    public static IEndpointRouteBuilder MapWaymarkApi(this IEndpointRouteBuilder app)
    {
        app.MapWorkspacesApi();
        app.MapAccountsAdminApi();
        app.MapTemplatesApi();
        // Importing creates a workspace: any signed-in person, who becomes its owner; a larger body than elsewhere.
        app.MapGroup("").RequireAuthorization(WorkspacePolicies.SignedInUser)
            .WithRequestBodyLimit(RequestBodyLimits.ImportBytes)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .MapWorkspaceImport();
        // The role check, written once: members only (others get 404), viewer to read, editor to write, owner where marked.
        var workspace = app.MapGroup("/api/workspaces/{workspace}")
            .RequireAuthorization(WorkspacePolicies.Member)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem()
            .CacheOutput(UnchangedReads.Policy);
        workspace.MapPhasesApi();
        workspace.MapChannelsApi();
        workspace.MapDepartmentsApi();
        workspace.MapPeopleApi();
        workspace.MapPersonasApi();
        workspace.MapTouchpointsApi();
        workspace.MapEvaluationsApi();
        workspace.MapJourneysApi();
        workspace.MapKpisApi();
        workspace.MapImprovementsApi();
        workspace.MapDashboardApi();
        workspace.MapCxReportApi();
        workspace.MapExchangeApi();
        workspace.MapSaveAsTemplateApi();
        workspace.MapOfficeApi();
        workspace.MapImportsApi();
        workspace.MapEventsApi();
        workspace.MapAnalyticsApi();
        workspace.MapEventExportApi();
        workspace.MapServiceContactsApi();
        workspace.MapJourneyAnalyticsApi();
        workspace.MapEvidenceApi();
        workspace.MapMembersApi();
        workspace.MapTokensApi();
        workspace.MapAuditApi();
        return app;
    }
}
