namespace Waymark.Cli.Commands;

/// <summary>Configuration keys on the command line, the way ASP.NET Core takes them: <c>--Section:Key=value</c> or <c>--Section:Key value</c>.</summary>
internal static class ConfigurationSettings
{
    public static string? Read(IReadOnlyList<string> tokens, out string[] settings)
    {
        var found = new List<string>();
        settings = [];
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var key = token.StartsWith("--", StringComparison.Ordinal) ? token[2..].Split('=', 2)[0] : "";
            if (!key.Contains(':') || key.StartsWith(':') || key.EndsWith(':'))
                return $"Unrecognized command or argument '{token}'. Settings are given as --Section:Key=value, e.g. --Waymark:AdminEmail=cx@example.com.";
            if (token.Contains('='))
            {
                found.Add(token);
            }
            else if (i + 1 < tokens.Count && !tokens[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                found.Add($"{token}={tokens[++i]}");
            }
            else
            {
                return $"The setting '{token}' has no value. Write it as {token}=value.";
            }
        }
        settings = [.. found];
        return null;
    }
}
