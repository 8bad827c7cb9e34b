using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;

namespace Waymark.Cli.Tests;

public sealed class AccessCommandTests
{
    [Fact]
    public async Task Serve_on_a_fresh_database_prints_a_one_time_administrator_password_and_a_created_token_opens_the_api()
    {
        using var scratch = new Scratch();
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        using var process = Process.Start(WaymarkProcess.StartInfo(scratch.Path, "serve", "--urls", url))!;
        try
        {
            var seen = new List<string>();
            string? line;
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            while ((line = await process.StandardOutput.ReadLineAsync(timeout.Token)) is not null && !line.Contains("Waymark is listening on"))
                seen.Add(line);
            Assert.True(line is not null, "serve ended early: " + string.Join('\n', seen));
            Assert.Contains(seen, l => l.Contains("admin@waymark.local"));
            var password = seen.Single(l => l.Contains("password:")).Split("password:")[1].Trim();
            Assert.Matches("^[A-Za-z0-9]{5}(-[A-Za-z0-9]{5}){3}$", password);

            using var http = new HttpClient();
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync($"{url}/api/workspaces/demo/touchpoints")).StatusCode);

            var created = await WaymarkProcess.RunAsync(scratch.Path, "token", "create", "--workspace", "demo", "--role", "viewer", "--expires", "30d");
            Assert.True(created.ExitCode == 0, created.Errors);
            Assert.StartsWith("wm_", created.LastLine);
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created.LastLine);
            Assert.Contains("\"key\":\"demo\"", await http.GetStringAsync($"{url}/api/workspaces"));
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"{url}/api/workspaces/demo/touchpoints")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await http.DeleteAsync($"{url}/api/workspaces/demo")).StatusCode);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task User_add_prints_a_generated_password_last_and_refuses_a_second_account_for_the_same_address()
    {
        using var scratch = new Scratch();
        var db = scratch.File("w.db");
        await WaymarkProcess.RunAsync(scratch.Path, "demo", "--db", db);
        var added = await WaymarkProcess.RunAsync(scratch.Path, "user", "add", "--email", "ana@example.com", "--workspace", "demo", "--role", "editor", "--db", db);
        Assert.True(added.ExitCode == 0, added.Errors);
        Assert.Contains("editor of 'demo'", added.Output);
        Assert.Matches("^[A-Za-z0-9]{5}(-[A-Za-z0-9]{5}){3}$", added.LastLine);

        var again = await WaymarkProcess.RunAsync(scratch.Path, "user", "add", "--email", "ana@example.com", "--db", db);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("already an account", again.Errors);
    }

    [Fact]
    public async Task Token_create_names_an_unknown_workspace_or_role_and_creates_nothing()
    {
        using var scratch = new Scratch();
        var db = scratch.File("w.db");
        var unknown = await WaymarkProcess.RunAsync(scratch.Path, "token", "create", "--workspace", "nowhere", "--role", "editor", "--db", db);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("nowhere", unknown.Errors);
        await WaymarkProcess.RunAsync(scratch.Path, "demo", "--db", db);
        var badRole = await WaymarkProcess.RunAsync(scratch.Path, "token", "create", "--workspace", "demo", "--role", "boss", "--db", db);
        Assert.Equal(1, badRole.ExitCode);
        Assert.Contains("viewer, editor or owner", badRole.Errors);
        var badExpiry = await WaymarkProcess.RunAsync(scratch.Path, "token", "create", "--workspace", "demo", "--role", "viewer", "--expires", "soon", "--db", db);
        Assert.Equal(1, badExpiry.ExitCode);
    }

    [Fact]
    public async Task User_add_and_token_create_act_as_the_operator_and_leave_the_audit_entries_the_api_leaves()
    {
        using var scratch = new Scratch();
        var db = scratch.File("w.db");
        await WaymarkProcess.RunAsync(scratch.Path, "demo", "--db", db);
        var added = await WaymarkProcess.RunAsync(scratch.Path, "user", "add", "--email", "cli-member@example.com", "--workspace", "demo", "--role", "editor", "--db", db);
        Assert.True(added.ExitCode == 0, added.Errors);
        var created = await WaymarkProcess.RunAsync(scratch.Path, "token", "create", "--workspace", "demo", "--role", "viewer", "--name", "nightly export", "--db", db);
        Assert.True(created.ExitCode == 0, created.Errors);

        await using var data = Storage.StorageSetup.CreateDb(new Storage.StorageOptions { SqliteFile = db });
        var user = await data.Users.SingleAsync(u => u.Email == "cli-member@example.com");
        var entries = await data.AuditEntries.Where(a => a.EntityType == "WorkspaceMembership" || a.EntityType == "ApiToken").ToListAsync();
        Assert.Equal(2, entries.Count);
        Assert.All(entries, a => Assert.Equal((Storage.Access.ActorKind.System, "command line", Storage.Access.AuditAction.Created), (a.ActorKind, a.ActorName, a.Action)));
        var membership = entries.Single(a => a.EntityType == "WorkspaceMembership");
        Assert.Contains($"\"userId\":\"{user.Id}\"", membership.Changes);
        Assert.Contains("\"role\":\"editor\"", membership.Changes);
        var token = entries.Single(a => a.EntityType == "ApiToken");
        Assert.Contains("\"name\":\"nightly export\"", token.Changes);
        Assert.Contains("\"createdBy\":\"command line\"", token.Changes);
    }

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
