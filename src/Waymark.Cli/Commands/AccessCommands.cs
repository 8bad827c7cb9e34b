using System.CommandLine;
using System.Globalization;
using Waymark.Domain.Common;
using Waymark.Storage;
using Waymark.Storage.Access;
using Waymark.Web.Access;
using Waymark.Web.Features;

namespace Waymark.Cli.Commands;

/// <summary><c>waymark user add</c> and <c>waymark token create</c>: accounts and API tokens for scripts, through the same use cases as the API, as the operator.</summary>
internal static class AccessCommands
{
    public static Command User()
    {
        var storage = new StorageArguments();
        var email = new Option<string>("--email") { Description = "E-mail address of the new account", Required = true };
        var workspace = new Option<string?>("--workspace") { Description = "Key of a workspace to make them a member of" };
        var role = new Option<string>("--role") { Description = "Their role there: viewer, editor or owner", DefaultValueFactory = _ => "viewer" };
        var admin = new Option<bool>("--admin") { Description = "Make the account an administrator (sees and manages every workspace)" };
        var add = new Command("add", "Create an account with a generated one-time password, printed last.");
        storage.AddTo(add);
        add.Options.Add(email);
        add.Options.Add(workspace);
        add.Options.Add(role);
        add.Options.Add(admin);
        add.SetAction((result, ct) => Run(storage.Read(result), async (services, work) =>
        {
            var key = result.GetValue(workspace);
            var target = key is null ? null : await Operator.WorkspaceAsync(work.Db, key, ct);
            var parsedRole = Accounts.ParseRole(result.GetValue(role));
            var (user, password) = await services.GetRequiredService<AccountAdministration>()
                .CreateAsync(new AccountsAdminApi.NewAccount(result.GetValue(email), null, result.GetValue(admin)), ct);
            if (target is not null)
                await MemberChanges.InviteAsync(work, target, new InviteRequest(user.Email, result.GetValue(role)), ct);
            Console.WriteLine($"Created {user.Email}{(user.IsAdministrator ? " (administrator)" : "")}" +
                (target is null ? "" : $", {parsedRole.ToString().ToLowerInvariant()} of '{target.Key}'") + ". One-time password (change it after signing in):");
            Console.WriteLine(password);
        }));
        var command = new Command("user", "Manage accounts.");
        command.Subcommands.Add(add);
        return command;
    }

    public static Command Token()
    {
        var storage = new StorageArguments();
        var workspace = new Option<string>("--workspace") { Description = "Key of the workspace the token acts in", Required = true };
        var role = new Option<string>("--role") { Description = "eventSender (may only send events), viewer, editor or owner", Required = true };
        var name = new Option<string>("--name") { Description = "Who or what uses it", DefaultValueFactory = _ => "command line" };
        var expires = new Option<string?>("--expires") { Description = "Lifetime such as 30d, 12h or 90m, or a date (2027-01-31)" };
        var create = new Command("create", "Create an API token; it is printed last and shown only this once.");
        storage.AddTo(create);
        create.Options.Add(workspace);
        create.Options.Add(role);
        create.Options.Add(name);
        create.Options.Add(expires);
        create.SetAction((result, ct) => Run(storage.Read(result), async (services, work) =>
        {
            var target = await Operator.WorkspaceAsync(work.Db, result.GetValue(workspace)!, ct);
            var clock = services.GetRequiredService<TimeProvider>();
            var expiresAt = Expiry(result.GetValue(expires), clock.GetUtcNow());
            var created = await TokenChanges.CreateAsync(work, target, new TokenRequest(result.GetValue(name), result.GetValue(role), expiresAt), ct);
            var token = created.Details;
            Console.WriteLine($"Created {token.Role.ToString().ToLowerInvariant()} token '{token.Name}' ({token.Prefix}…) for '{target.Key}'" +
                (expiresAt is { } e ? $", valid until {e:yyyy-MM-dd HH:mm} UTC" : ", without expiry") + ". Send it as 'Authorization: Bearer <token>'; it is not shown again:");
            Console.WriteLine(created.Token);
        }));
        var command = new Command("token", "Manage API tokens.");
        command.Subcommands.Add(create);
        return command;
    }

    internal static DateTimeOffset? Expiry(string? text, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        text = text.Trim();
        if (text.Length > 1 && int.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
        {
            switch (text[^1])
            {
                case 'd': return now.AddDays(n);
                case 'h': return now.AddHours(n);
                case 'm': return now.AddMinutes(n);
            }
        }
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)) return at;
        throw new DomainRuleException("--expires", $"'{text}' is not a lifetime (30d, 12h, 90m) or a date (2027-01-31).");
    }

    /// <summary>Runs the work as the operator (<see cref="Operator"/>); a refusal is said on the error output.</summary>
    private static Task<int> Run(StorageOptions options, Func<IServiceProvider, Work, Task> work) =>
        Operator.RunAsync(options, async (services, w) =>
        {
            try
            {
                await work(services, w);
                return 0;
            }
            catch (Exception e) when (e is DomainRuleException or Web.Infrastructure.ConflictException)
            {
                Console.Error.WriteLine(e.Message);
                return 1;
            }
        });
}
