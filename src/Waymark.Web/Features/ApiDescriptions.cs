using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Waymark.Web.Features;

/// <summary>
/// Completes the generated OpenAPI document in one place instead of on every endpoint: how to sign in (cookie or API
/// token), the <c>{workspace}</c> path parameter that handlers read through <c>CurrentWorkspace</c> rather than bind,
/// and for each operation a summary and an operationId derived from its handler's name and the resource it serves.
/// </summary>
public static partial class ApiDescriptions
{
    private const string CookieScheme = "cookie";
    private const string TokenScheme = "apiToken";

    /// <summary>What an API tag is about: one item, many items, and the tag's description.</summary>
    private sealed record Resource(string One, string Many, string Description);

    private static readonly Dictionary<string, Resource> Resources = new(StringComparer.Ordinal)
    {
        ["Account"] = new("account", "accounts", "The signed-in person's own account."),
        ["Workspaces"] = new("workspace", "workspaces", "Workspaces, each holding one organisation's journeys, touchpoints and KPIs; exported whole or imported as a new workspace."),
        ["Administration"] = new("account", "accounts", "The accounts of everyone who may sign in; for administrators only."),
        ["Phases"] = new("phase", "phases", "The phases of the customer lifecycle that order stages and touchpoints."),
        ["Channels"] = new("channel", "channels", "The channels through which customers meet the organisation."),
        ["Departments"] = new("department", "departments", "The departments behind the scenes, with their bottlenecks, delays and internal problems."),
        ["People"] = new("person", "people", "The people of the organisation who own touchpoints and actions."),
        ["Personas"] = new("persona", "personas", "Personas: the typical customers whose journeys are mapped."),
        ["Touchpoints"] = new("touchpoint", "touchpoints", "Touchpoints where customers meet the organisation, with their current scores."),
        ["Evaluations"] = new("evaluation", "evaluations", "Scores of touchpoints and journey steps from workshops, surveys and interviews."),
        ["Journeys"] = new("journey map", "journey maps", "Journey maps of a persona through stages and steps."),
        ["Journey stages"] = new("stage", "stages", "The stages of a journey map, in order."),
        ["Journey steps"] = new("step", "steps", "The steps of a journey map: what the customer does, thinks and feels, and where."),
        ["KPIs"] = new("KPI", "KPIs", "Key performance indicators with their targets and measurements."),
        ["Insights"] = new("insight", "insights", "Findings about the customer experience."),
        ["Ideas"] = new("idea", "ideas", "Proposed improvements, weighed by impact and effort."),
        ["Actions"] = new("action", "actions", "Decided improvements with an owner, a due date and a status."),
        ["Dashboard"] = new("dashboard", "dashboards", "The workspace at a glance."),
        ["Audit"] = new("audit entry", "audit entries", "Who changed what in the workspace, and when."),
        ["Members"] = new("member", "members", "The people who may open the workspace, and their roles."),
        ["Tokens"] = new("API token", "API tokens", "API tokens for scripts and integrations, each with a role."),
        ["Events"] = new("interaction event", "interaction events", "Interaction events from call-centre software, shops and CRMs: what each customer did, where and when, kept per workspace."),
        ["Exports"] = new("export", "exports", "The workspace for the meeting room: its lists as an Excel workbook or CSV files, and a slide deck of a map."),
        ["Analytics"] = new("journey analysis", "journey analyses", "The journeys customers really take, worked out from the stored interaction events of a period."),
        ["Templates"] = new("template", "templates", "Templates a new workspace starts from: the built-in industry templates and those the organisation saved from its workspaces."),
        ["Imports"] = new("import", "imports", "Touchpoints, personas, channels, departments, people, evaluations and KPI measurements from the team's CSV or XLSX sheets: previewed with every problem by row and column, imported all or nothing, with the column mapping remembered per kind."),
    };

    /// <summary>Handlers whose class serves another resource than their tag names.</summary>
    private static readonly Dictionary<string, Resource> ResourcesByClass = new(StringComparer.Ordinal)
    {
        ["KpiMeasurementsApi"] = new("KPI measurement", "KPI measurements", ""),
    };

    /// <summary>Operations that are more than reading, creating, changing or deleting one resource: summary and operationId.</summary>
    private static readonly Dictionary<string, (string Summary, string Id)> Special = new(StringComparer.Ordinal)
    {
        ["AccountEndpoints.Me"] = ("Read the signed-in person's account.", "getOwnAccount"),
        ["AccountEndpoints.ChangePassword"] = ("Change the signed-in person's password.", "changeOwnPassword"),
        ["AccountsAdminApi.Change"] = ("Change an account.", "changeAccount"),
        ["AccountsAdminApi.Unlock"] = ("Unlock an account that was locked after failed sign-ins.", "unlockAccount"),
        ["AccountsAdminApi.ResetPassword"] = ("Reset an account's password to a new one-time password.", "resetAccountPassword"),
        ["ExchangeApi.Export"] = ("Export a whole workspace as one JSON document.", "exportWorkspace"),
        ["TemplatesApi.List"] = ("List the templates a new workspace can start from, built in and the organisation's, with what each brings.", "listTemplates"),
        ["TemplatesApi.Save"] = ("Save the workspace's structure as a template of the organisation (owners).", "saveWorkspaceAsTemplate"),
        ["TemplatesApi.Delete"] = ("Delete a template of the organisation (its creator or an administrator).", "deleteTemplate"),
        ["ExchangeApi.Import"] = ("Import an exported workspace document as a new workspace.", "importWorkspace"),
        ["TouchpointsApi.Matrix"] = ("Read the touchpoint matrix: touchpoints by phase and channel, with their scores.", "getTouchpointMatrix"),
        ["TouchpointsApi.Score"] = ("Read a touchpoint's current score, overall and per persona.", "getTouchpointScore"),
        ["EvaluationsApi.CreateBatch"] = ("Record a workshop's evaluations together, all or none.", "createEvaluationBatch"),
        ["JourneysApi.ShowLanes"] = ("Choose the lanes a journey map shows.", "showJourneyLanes"),
        ["JourneysApi.Curve"] = ("Read a journey map's emotion curve across its steps.", "getEmotionCurve"),
        ["JourneysApi.DesignedJourneyOf"] = ("Read a journey map as the designed journey that event logs are checked against.", "getDesignedJourney"),
        ["JourneysApi.Copy"] = ("Copy a journey map, for example as its future state.", "copyJourneyMap"),
        ["JourneysApi.Svg"] = ("Draw a journey map as an SVG picture.", "drawJourneyMap"),
        ["StagesApi.Add"] = ("Add a stage to a journey map.", "addStage"),
        ["StagesApi.Restore"] = ("Restore a removed stage with its steps, as it was.", "restoreStage"),
        ["StepsApi.Add"] = ("Add a step to a stage of a journey map.", "addStep"),
        ["StepsApi.Restore"] = ("Restore a removed step with its evaluations and links, as it was.", "restoreStep"),
        ["KpisApi.Performance"] = ("Read a KPI's performance against its target and best in class.", "getKpiPerformance"),
        ["KpiMeasurementsApi.Record"] = ("Record measurements of a KPI.", "recordKpiMeasurements"),
        ["KpiMeasurementsApi.RecordAcrossKpis"] = ("Record measurements of several KPIs at once.", "recordMeasurementsAcrossKpis"),
        ["AnalyticsApi.Get"] = ("Read the journey analytics of a period: variants, the directly-follows graph, channel switches, KPIs and conformance of the journeys that start in it, as waymark analyze --json reports them.", "getJourneyAnalytics"),
        ["DashboardApi.Get"] = ("Read the workspace dashboard: the CX score by phase and channel, the importance–performance grid (counts per quadrant and cell), the KPIs furthest from target, unaddressed moments and the progress of actions.", "getDashboard"),
        ["DashboardApi.GetUnaddressed"] = ("List the moments of truth and pain points that no action addresses yet.", "listUnaddressedMoments"),
        ["DashboardApi.GetGridPoints"] = ("List the evaluated touchpoints on the importance–performance grid, or those of one quadrant, the most in need of attention first.", "listImportancePerformancePoints"),
        ["MembersApi.Invite"] = ("Add a person to the workspace with a role.", "inviteMember"),
        ["MembersApi.ChangeRole"] = ("Change a member's role.", "changeMemberRole"),
        ["MembersApi.Remove"] = ("Remove a member from the workspace.", "removeMember"),
        ["TokensApi.Revoke"] = ("Revoke an API token.", "revokeApiToken"),
        ["EventsApi.Erase"] = ("Erase every event of one customer (the right to erasure); says how many were erased.", "eraseCustomerEvents"),
        ["EventsApi.GetRetention"] = ("Read how many days the workspace keeps its interaction events.", "getEventRetention"),
        ["EventsApi.SetRetention"] = ("Set how many days the workspace keeps its interaction events; older events are erased at once.", "setEventRetention"),
        ["KpisApi.Bind"] = ("Compute a KPI from interaction events: an event measure per day, week or month; its whole history is computed in the background.", "bindKpiToEvents"),
        ["KpisApi.Unbind"] = ("Stop computing a KPI from interaction events; the measurements computed so far stay.", "unbindKpiFromEvents"),
        ["ServiceContactsApi.Get"] = ("Read which events count as service contacts and which outcomes mean resolved (first-contact resolution, repeat contacts).", "getServiceContacts"),
        ["ServiceContactsApi.Define"] = ("Set the workspace's own definition of service contacts and resolved outcomes; KPIs computed from them are recomputed.", "setServiceContacts"),
        ["ServiceContactsApi.UseBuiltIn"] = ("Go back to the built-in definition of service contacts.", "useBuiltInServiceContacts"),
        ["EvidenceApi.Get"] = ("Read what the stored interaction events of a period say about a journey map: per step the journeys that reached it, in the map's order or not, skipped it, waited before it and ended at it; per touchpoint its events and the channel customers switch to next.", "getJourneyEvidence"),
        ["EvidenceApi.Discovered"] = ("List the touchpoints that interaction events of a period use but the inventory does not have, the most frequent first, for adoption into the inventory.", "listDiscoveredTouchpoints"),
        ["JourneyAnalyticsApi.Examples"] = ("List example customers whose journeys in a period take a variant, pass an edge of the directly-follows graph or switch between two channels.", "listExampleCustomers"),
        ["JourneyAnalyticsApi.Timeline"] = ("Read one customer's timeline: every stored event across channels in time order, in journeys, with lost context marked.", "getCustomerTimeline"),
        ["ImportsApi.Preview"] = ("Preview a CSV or XLSX sheet: every row as it would be stored (new or updating a record) and every problem by row and column; nothing is stored.", "previewSheetImport"),
        ["ImportsApi.Import"] = ("Import a CSV or XLSX sheet, all rows or none; rows matching a record update it.", "importSheet"),
        ["ImportsApi.GetMapping"] = ("Read the column mapping remembered for one kind of sheet import.", "getSheetImportMapping"),
        ["ImportsApi.SaveMapping"] = ("Save the column mapping for one kind of sheet import.", "saveSheetImportMapping"),
        ["EventsApi.Send"] = ("Send a batch of interaction events (NDJSON, JSON array or CSV); all are stored or none, events already stored by id are counted as duplicates.", "sendEvents"),
    };

    public static IServiceCollection AddWaymarkOpenApi(this IServiceCollection services) => services.AddOpenApi(o =>
    {
        o.AddOperationTransformer((operation, context, _) => { Describe(operation, context); return Task.CompletedTask; });
        o.AddDocumentTransformer((document, _, _) => { Describe(document); return Task.CompletedTask; });
    });

    private static void Describe(OpenApiDocument document)
    {
        document.Info.Title = "Waymark API";
        document.Info.Description = "Customer journey mapping and touchpoint management. Every resource lives in a workspace: /api/workspaces/{workspace}/…";
        foreach (var server in document.Servers ?? []) server.Url = server.Url?.TrimEnd('/');

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[CookieScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Cookie, Name = "waymark.auth",
            Description = "The sign-in cookie a browser receives when a person signs in to Waymark.",
        };
        document.Components.SecuritySchemes[TokenScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http, Scheme = "bearer",
            Description = "An API token of one workspace, sent as 'Authorization: Bearer wm_…'. Workspace owners create them.",
        };
        document.Security =
        [
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(CookieScheme, document)] = [] },
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(TokenScheme, document)] = [] },
        ];

        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
            if (tag.Name is { } name && Resources.TryGetValue(name, out var resource)) tag.Description ??= resource.Description;

        // Ids must be unique; a handler served under two routes of one resource gets the route's last word added.
        var operations = (document.Paths ?? []).SelectMany(p => (p.Value.Operations ?? []).Select(o => (Path: p.Key, Operation: o.Value))).ToList();
        foreach (var twins in operations.Where(o => o.Operation.OperationId is not null).GroupBy(o => o.Operation.OperationId).Where(g => g.Count() > 1))
            foreach (var (path, operation) in twins.Skip(1))
                operation.OperationId += Pascal(path.Split('/').Last(s => !s.StartsWith('{')));
    }

    private static void Describe(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;

        operation.Parameters ??= [];
        foreach (Match m in RouteParameter().Matches(description.RelativePath ?? ""))
        {
            var name = m.Groups[1].Value;
            if (operation.Parameters.Any(p => p.In == ParameterLocation.Path && p.Name == name)) continue;
            operation.Parameters.Insert(0, new OpenApiParameter
            {
                Name = name, In = ParameterLocation.Path, Required = true,
                Description = name == "workspace" ? "The key of the workspace, for example 'demo'." : null,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
        }

        if (metadata.OfType<IAllowAnonymous>().Any()) operation.Security = [new OpenApiSecurityRequirement()];

        var handler = metadata.OfType<MethodInfo>().FirstOrDefault();
        var tag = operation.Tags?.FirstOrDefault()?.Name ?? "";
        var (summary, id) = SummaryAndId(handler, tag, description.HttpMethod ?? "GET");
        operation.Summary ??= summary;
        operation.OperationId ??= id;
    }

    private static (string Summary, string Id) SummaryAndId(MethodInfo? handler, string tag, string httpMethod)
    {
        var owner = handler?.DeclaringType;
        // Lambdas live in compiler-made classes inside the class that maps them.
        while (owner?.IsNested == true && owner.Name.StartsWith('<')) owner = owner.DeclaringType;
        var method = handler?.Name ?? httpMethod.ToLowerInvariant();
        if (Special.TryGetValue($"{owner?.Name}.{method}", out var special)) return special;

        var resource = owner is not null && ResourcesByClass.TryGetValue(owner.Name, out var byClass) ? byClass
            : Resources.GetValueOrDefault(tag) ?? new Resource("item", "items", "");
        var one = resource.One;
        return method switch
        {
            "List" => ($"List the {resource.Many}.", $"list{Pascal(resource.Many)}"),
            "Get" => ($"Read {Article(one)} {one}.", $"get{Pascal(one)}"),
            "Create" => ($"Create {Article(one)} {one}.", $"create{Pascal(one)}"),
            "Update" => ($"Change {Article(one)} {one}.", $"update{Pascal(one)}"),
            "Delete" => ($"Delete {Article(one)} {one}.", $"delete{Pascal(one)}"),
            "Move" => ($"Move {Article(one)} {one} to another position.", $"move{Pascal(one)}"),
            _ => ($"{Sentence(method)} {Article(one)} {one}.", $"{char.ToLowerInvariant(method[0])}{method[1..]}{Pascal(one)}"),
        };
    }

    private static string Article(string noun) => "aeiouAEIOU".Contains(noun[0]) ? "an" : "a";

    private static string Pascal(string words) =>
        string.Concat(words.Split([' ', '-', '.'], StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w[1..].ToLowerInvariant()));

    /// <summary>"ResetPassword" becomes "Reset password".</summary>
    private static string Sentence(string pascal) => Words().Replace(pascal, " $1").Trim() is var s && s.Length > 0 ? s[0] + s[1..].ToLowerInvariant() : s;

    [GeneratedRegex(@"\{([A-Za-z0-9_]+)(?::[^}]*)?\}")]
    private static partial Regex RouteParameter();

    [GeneratedRegex("([A-Z])")]
    private static partial Regex Words();
}
