using Microsoft.AspNetCore.Http.HttpResults;
using Waymark.Storage;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Evidence;

/// <summary>The workspace's definition of service contacts: the endpoints; the changes are <see cref="ServiceContactChanges"/>.</summary>
public static class ServiceContactsApi
{
    public static RouteGroupBuilder MapServiceContactsApi(this RouteGroupBuilder workspace)
    {
        workspace.MapGet("/service-contacts", Get).WithTags("Events");
        workspace.MapPut("/service-contacts", Define).WithTags("Events").ProducesProblem(409).ProducesProblem(428);
        workspace.MapDelete("/service-contacts", UseBuiltIn).WithTags("Events").ProducesProblem(409);
        return workspace;
    }

    private static async Task<Ok<ServiceContactsResponse>> Get(CurrentWorkspace ws, WaymarkDb db, CancellationToken ct) =>
        TypedResults.Ok(await ServiceContactChanges.ReadAsync(db, ws, ct));

    private static async Task<Ok<ServiceContactsResponse>> Define(CurrentWorkspace ws, ServiceContactsRequest r, Work work, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await ServiceContactChanges.DefineAsync(work, ws, r with { Version = r.Version ?? Versions.Optional(http) }, ct));

    private static async Task<Ok<ServiceContactsResponse>> UseBuiltIn(CurrentWorkspace ws, Work work, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await ServiceContactChanges.UseBuiltInAsync(work, ws, Versions.Optional(http), ct));
}
