using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Domain.Events;
using Waymark.Domain.Improvements;
using Waymark.Storage.Access;
using Waymark.Storage.Exchange;
using Waymark.Storage.Interactions;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Access;

public sealed class WalkFactory() : WaymarkApiFactory(seedDemo: true);

/// <summary>
/// Walks every operation of the OpenAPI document, which the app generates from its own endpoint list, with every
/// kind of caller, and checks each answer against the rules: 401 without credentials, 404 for outsiders, 403 for
/// too small a role, something else for enough of one; and that refused requests changed nothing.
/// A new endpoint is walked without editing this test.
/// </summary>
public sealed class AuthorizationWalkTests(WalkFactory factory) : IClassFixture<WalkFactory>
{
    private const string Ws = "demo";

    private sealed record Caller(string Name, HttpClient Client, WorkspaceRole? Role, bool IsPerson, bool Outsider = false, bool Anonymous = false,
        bool Administrator = false);

    private sealed record Operation(string Method, string Template)
    {
        public override string ToString() => $"{Method} {Template}";
        public bool InWorkspace => Template.StartsWith("/api/workspaces/{workspace}", StringComparison.Ordinal);
        public bool IsRead => Method is "GET" or "HEAD";
    }

    /// <summary>The role the rules give an operation, written independently of the app's metadata.</summary>
    private static WorkspaceRole Needed(Operation op)
    {
        if (op.Template.Contains("/members") || op.Template.Contains("/tokens") || op.Template.EndsWith("/audit", StringComparison.Ordinal)) return WorkspaceRole.Owner;
        if (op.Template == "/api/workspaces/{workspace}" && op.Method is "PUT" or "DELETE") return WorkspaceRole.Owner;
        if (op.Template == "/api/workspaces/{workspace}/events/retention" && op.Method == "PUT") return WorkspaceRole.Owner;
        if (op.Template == "/api/workspaces/{workspace}/save-as-template") return WorkspaceRole.Owner;
        // Exporting raw events (GET) is for editors and owners: the events carry customer ids, which viewers do not see.
        if (op.Template == "/api/workspaces/{workspace}/events")
            return op.Method switch { "POST" => WorkspaceRole.EventSender, "GET" => WorkspaceRole.Editor, _ => WorkspaceRole.Owner };
        // Who real customers are and what they did: personal data, for editors and owners.
        if (op.Template is "/api/workspaces/{workspace}/analytics/examples" or "/api/workspaces/{workspace}/customers/{customer}/timeline") return WorkspaceRole.Editor;
        // Sheets in, and the column mappings they are read with: for those who may change the workspace.
        if (op.Template.StartsWith("/api/workspaces/{workspace}/imports", StringComparison.Ordinal)) return WorkspaceRole.Editor;
        return op.IsRead ? WorkspaceRole.Viewer : WorkspaceRole.Editor;
    }

    private enum Outcome { Allowed, Unauthorized, Forbidden, NotFound }

    private static Outcome Expected(Operation op, Caller caller)
    {
        if (caller.Anonymous) return Outcome.Unauthorized;
        // The server's accounts are for its administrators alone, whatever their roles in workspaces.
        if (op.Template.StartsWith("/api/admin/", StringComparison.Ordinal) || op.Template == "/api/admin")
            return caller.Administrator ? Outcome.Allowed : Outcome.Forbidden;
        if (op.InWorkspace)
        {
            if (caller.Outsider) return Outcome.NotFound;
            // Sending events: event-sender tokens, editors and owners; all else needs at least the role, which an event sender never has.
            var needed = Needed(op);
            // A template leaves the workspace for the whole organisation: owners save it in person, a token (which acts only inside its workspace) cannot.
            if (op.Template == "/api/workspaces/{workspace}/save-as-template" && !caller.IsPerson) return Outcome.Forbidden;
            var allowed = needed == WorkspaceRole.EventSender
                ? caller.Role is WorkspaceRole.EventSender or WorkspaceRole.Editor or WorkspaceRole.Owner
                : caller.Role is { } role && role != WorkspaceRole.EventSender && role >= needed;
            return allowed ? Outcome.Allowed : Outcome.Forbidden;
        }
        // Outside a workspace: listing is for everyone signed in; creating, importing, templates and one's account are for people, not tokens.
        // An event-sender token reads nothing, not even the list.
        if (op.Template == "/api/workspaces" && op.Method == "GET") return caller.Role == WorkspaceRole.EventSender ? Outcome.Forbidden : Outcome.Allowed;
        return caller.IsPerson ? Outcome.Allowed : Outcome.Forbidden;
    }

    private async Task<List<Operation>> Operations()
    {
        var document = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json")).RootElement;
        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Where(m => m.Name is "get" or "post" or "put" or "delete" or "patch")
                .Select(m => new Operation(m.Name.ToUpperInvariant(), p.Name)))
            .ToList();

        // The document is the app's endpoint list: every /api endpoint is in it, so none escapes the walk.
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(m => new Operation(m, Template(e.RoutePattern))))
            .ToList();
        Assert.NotEmpty(endpoints);
        var hidden = endpoints.Except(operations).ToList();
        Assert.True(hidden.Count == 0, "Not in the OpenAPI document: " + string.Join(", ", hidden));
        return operations;
    }

    private static string Template(Microsoft.AspNetCore.Routing.Patterns.RoutePattern pattern) =>
        "/" + string.Join("/", pattern.PathSegments.Select(s => string.Concat(s.Parts.Select(p => p switch
        {
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart l => l.Content,
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart x => "{" + x.Name + "}",
            _ => "",
        }))));

    /// <summary>Real ids of the demo workspace for every route value, by the resource the value follows.</summary>
    private async Task<Dictionary<string, string>> Ids(string memberId, string tokenId)
    {
        await using var db = factory.OpenDb();
        var ws = (await db.Workspaces.SingleAsync(w => w.Key == Ws)).Id;
        var journey = await db.Journeys.Include(j => j.Stages).ThenInclude(s => s.Steps)
            .Where(j => j.WorkspaceId == ws).OrderBy(j => j.Name).FirstAsync(j => j.Stages.Any(s => s.Steps.Any()));
        var stage = journey.Stages.First(s => s.Steps.Any());
        var kpi = await db.Kpis.FirstAsync(k => k.WorkspaceId == ws && db.KpiMeasurements.Any(m => m.KpiId == k.Id));
        var improvements = await db.Improvements.Where(i => i.WorkspaceId == ws).ToListAsync();
        string Of(ImprovementKind kind) => improvements.First(i => i.Kind == kind).Id.ToString();
        // The persona walked has a picture, so reading it is a read of something that exists.
        var persona = await db.Personas.FirstAsync(x => x.WorkspaceId == ws);
        await Waymark.Web.Features.Personas.PersonaPictureChanges.AttachAsync(db, persona,
            Waymark.Domain.Personas.PersonaPicture.From([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0]), DateTimeOffset.UtcNow, default);
        await db.SaveChangesAsync();
        // A customer with events, so that their timeline is a read of something that exists.
        await EventStore.For(db).AppendAsync(ws, [new InteractionEvent("walk-customer", new DateTime(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc), "support-call", "phone")]);
        return new()
        {
            ["phases"] = (await db.Phases.FirstAsync(x => x.WorkspaceId == ws)).Id.ToString(),
            ["channels"] = (await db.Channels.FirstAsync(x => x.WorkspaceId == ws)).Id.ToString(),
            ["departments"] = (await db.Departments.FirstAsync(x => x.WorkspaceId == ws)).Id.ToString(),
            ["people"] = (await db.People.FirstAsync(x => x.WorkspaceId == ws)).Id.ToString(),
            ["personas"] = persona.Id.ToString(),
            ["touchpoints"] = (await db.Touchpoints.FirstAsync(x => x.WorkspaceId == ws)).Id.ToString(),
            ["evaluations"] = (await db.Evaluations.FirstAsync(x => x.WorkspaceId == ws)).Id.ToString(),
            ["journeys"] = journey.Id.ToString(),
            ["stages"] = stage.Id.ToString(),
            ["steps"] = stage.Steps.First().Id.ToString(),
            ["kpis"] = kpi.Id.ToString(),
            ["measurements"] = (await db.KpiMeasurements.FirstAsync(m => m.KpiId == kpi.Id)).Id.ToString(),
            ["insights"] = Of(ImprovementKind.Insight),
            ["ideas"] = Of(ImprovementKind.Idea),
            ["actions"] = Of(ImprovementKind.Action),
            ["members"] = memberId,
            ["tokens"] = tokenId,
            ["users"] = memberId,
            ["customers"] = "walk-customer",
            // A template no one saved: the walk checks who gets past the door; deleting a real one is in the templates' tests.
            ["templates"] = "walk-template",
            // GET …/lists/{list}.csv: the segment is the list's file name.
            ["lists"] = "touchpoints.csv",
            ["mappings"] = "touchpoints",
        };
    }

    /// <summary>Fills each {value} with the id of the resource named just before it.</summary>
    private static string Fill(string template, IReadOnlyDictionary<string, string> ids)
    {
        var segments = template.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (!segments[i].StartsWith('{')) continue;
            if (segments[i] == "{workspace}") { segments[i] = Ws; continue; }
            Assert.True(ids.TryGetValue(segments[i - 1], out var id), $"No id for {segments[i]} after '{segments[i - 1]}' in {template}: add the resource to Ids().");
            segments[i] = id;
        }
        return string.Join('/', segments);
    }

    /// <summary>What a read must be asked to answer at all: the reads that refuse a request without it.</summary>
    private static string Query(Operation op) => op.Template switch
    {
        "/api/workspaces/{workspace}/analytics/examples" => "?from=2026-11-01&to=2026-11-30&kind=edge&of=support-call&of=web-visit",
        _ => "",
    };

    private static HttpRequestMessage Request(Operation op, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(op.Method), path + Query(op));
        if (op.Method is "POST" or "PUT" or "PATCH") request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        return request;
    }

    /// <summary>Everything a refused request could have touched: the workspace's content, its members, tokens and audit trail, the workspaces and accounts.</summary>
    private async Task<string> Snapshot()
    {
        await using var db = factory.OpenDb();
        var ws = (await db.Workspaces.SingleAsync(w => w.Key == Ws)).Id;
        var export = JsonSerializer.Serialize(await WorkspaceExporter.ExportAsync(db, ws), WaymarkApiFactory.Json);
        var members = string.Join(",", await db.Memberships.OrderBy(m => m.Id).Select(m => m.UserId + m.Role).ToListAsync());
        var tokens = string.Join(",", (await db.ApiTokens.OrderBy(t => t.Id).ToListAsync()).Select(t => $"{t.Id}{t.Role}{t.RevokedAt}"));
        return $"{export}\n{members}\n{tokens}\naudit {await db.AuditEntries.CountAsync()}\nworkspaces {await db.Workspaces.CountAsync()}\ntemplates {await db.WorkspaceTemplates.CountAsync()}\nusers {await db.Users.CountAsync()}";
    }

    [Fact]
    public async Task Every_endpoint_answers_every_kind_of_caller_as_the_roles_say_and_refusals_change_nothing()
    {
        var operations = await Operations();
        await factory.UserAsync("outsider@waymark.test");
        await factory.CreateClient().PostAsync("/api/workspaces", new StringContent("{\"key\":\"elsewhere\",\"name\":\"Elsewhere\"}", Encoding.UTF8, "application/json"));
        await factory.GrantAsync("elsewhere", "outsider@waymark.test", WorkspaceRole.Owner);
        // Sending events only is a role for tokens, not people.
        var personRoles = Enum.GetValues<WorkspaceRole>().Where(r => r != WorkspaceRole.EventSender).ToList();
        foreach (var role in personRoles) await factory.GrantAsync(Ws, $"{role}@waymark.test".ToLowerInvariant(), role);
        await factory.GrantAsync(Ws, "target@waymark.test", WorkspaceRole.Viewer);
        var target = await factory.UserAsync("target@waymark.test");
        await using (var db = factory.OpenDb())
        {
            await factory.TokenAsync(Ws, WorkspaceRole.Viewer, name: "target");
        }
        Guid targetToken;
        await using (var db = factory.OpenDb()) targetToken = (await db.ApiTokens.SingleAsync(t => t.Name == "target")).Id;
        var ids = await Ids(target.Id, targetToken.ToString());

        var callers = new List<Caller>
        {
            new("no credentials", factory.AnonymousClient(), null, false, Anonymous: true),
            new("member of another workspace", factory.ClientAs("outsider@waymark.test"), null, true, Outsider: true),
            new("owner token of another workspace", factory.TokenClient(await factory.TokenAsync("elsewhere", WorkspaceRole.Owner)), null, false, Outsider: true),
        };
        // An administrator of the server, not a member of the workspace: may do everything (as an owner everywhere).
        await factory.UserAsync("administrator@waymark.test", administrator: true);
        callers.Add(new("administrator", factory.ClientAs("administrator@waymark.test"), WorkspaceRole.Owner, true, Administrator: true));
        foreach (var role in personRoles) callers.Add(new($"{role} person", factory.ClientAs($"{role}@waymark.test".ToLowerInvariant()), role, true));
        foreach (var role in Enum.GetValues<WorkspaceRole>()) callers.Add(new($"{role} token", factory.TokenClient(await factory.TokenAsync(Ws, role)), role, false));

        var failures = new List<string>();
        var refusedCount = 0;

        // 1. Every refused combination first: the answer is right and nothing at all changes.
        var before = await Snapshot();
        foreach (var op in operations)
        foreach (var caller in callers)
        {
            var expected = Expected(op, caller);
            if (expected == Outcome.Allowed) continue;
            refusedCount++;
            var response = await caller.Client.SendAsync(Request(op, Fill(op.Template, ids)));
            var status = (int)response.StatusCode;
            var want = expected switch { Outcome.Unauthorized => 401, Outcome.Forbidden => 403, _ => 404 };
            if (status != want) failures.Add($"{op} as {caller.Name}: expected {want}, got {status} {await response.Content.ReadAsStringAsync()}");
            else if (response.Content.Headers.ContentType?.MediaType != "application/problem+json") failures.Add($"{op} as {caller.Name}: {status} without ProblemDetails");
        }
        Assert.Equal(before, await Snapshot());

        // 2. Reads that are allowed succeed outright on real ids.
        foreach (var op in operations.Where(o => o.IsRead))
        foreach (var caller in callers.Where(c => Expected(op, c) == Outcome.Allowed))
        {
            var response = await caller.Client.SendAsync(Request(op, Fill(op.Template, ids)));
            if (!response.IsSuccessStatusCode) failures.Add($"{op} as {caller.Name}: expected 2xx, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        // 3. Writes that are allowed get past the check (their bodies are empty, so many answer 400); deletes last.
        //    Deleting the whole workspace is left to the workspace tests.
        foreach (var op in operations.Where(o => !o.IsRead).OrderBy(o => o.Method == "DELETE"))
        foreach (var caller in callers.Where(c => Expected(op, c) == Outcome.Allowed))
        {
            if (op.Method == "DELETE" && op.Template == "/api/workspaces/{workspace}") continue;
            var response = await caller.Client.SendAsync(Request(op, Fill(op.Template, ids)));
            var text = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            if (status is 401 or 403 || (status == 404 && text.Contains($"There is no workspace '{Ws}'")))
                failures.Add($"{op} as {caller.Name}: refused with {status} {text}");
        }

        Assert.True(failures.Count == 0, $"{failures.Count} wrong answers:\n" + string.Join("\n", failures));
        Assert.True(operations.Count > 80, $"only {operations.Count} operations found");
        Assert.True(refusedCount > 300, $"only {refusedCount} refused combinations walked");
    }
}
