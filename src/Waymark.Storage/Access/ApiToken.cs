using System.Security.Cryptography;
using System.Text;

namespace Waymark.Storage.Access;

/// <summary>
/// A machine's key to one workspace with one role. Only the SHA-256 hash of the secret is stored, with a short
/// prefix so people can tell tokens apart; the secret itself is shown once, when it is created.
/// </summary>
public sealed class ApiToken
{
    public const string SecretPrefix = "wm_";
    private const int ShownPrefixLength = 11;

    private ApiToken() { Name = ""; Prefix = ""; Hash = ""; }

    private ApiToken(Guid workspaceId, string name, WorkspaceRole role, string secret, DateTimeOffset createdAt, DateTimeOffset? expiresAt, string? createdBy)
    {
        Id = Guid.CreateVersion7();
        WorkspaceId = workspaceId;
        Name = name;
        Role = role;
        Prefix = secret[..ShownPrefixLength];
        Hash = HashOf(secret);
        CreatedAt = createdAt;
        ExpiresAt = expiresAt;
        CreatedBy = createdBy;
    }

    public Guid Id { get; private set; }
    public Guid WorkspaceId { get; private set; }
    public string Name { get; private set; }
    public WorkspaceRole Role { get; private set; }
    /// <summary>The first characters of the secret, e.g. <c>wm_3fK9a2Lq</c>, to recognise it in a list.</summary>
    public string Prefix { get; private set; }
    /// <summary>Lower-case hex SHA-256 of the whole secret.</summary>
    public string Hash { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string? CreatedBy { get; private set; }
    public DateTimeOffset? ExpiresAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public DateTimeOffset? LastUsedAt { get; set; }

    public bool IsActiveAt(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    /// <summary>Creates a token and returns the secret, which is not kept anywhere.</summary>
    public static (ApiToken Token, string Secret) Create(Guid workspaceId, string name, WorkspaceRole role, DateTimeOffset now,
        DateTimeOffset? expiresAt = null, string? createdBy = null)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new Domain.Common.DomainRuleException("name", "A token needs a name that says who uses it.");
        if (name.Trim().Length > 100) throw new Domain.Common.DomainRuleException("name", "A token name has at most 100 characters.");
        Domain.Common.Guard.Line(name.Trim(), "name", 100);
        if (!Enum.IsDefined(role)) throw new Domain.Common.DomainRuleException("role", "The role must be eventSender, viewer, editor or owner.");
        if (expiresAt is { } e && e <= now) throw new Domain.Common.DomainRuleException("expiresAt", "The expiry must lie in the future.");
        var secret = SecretPrefix + Base62(RandomNumberGenerator.GetBytes(32));
        return (new ApiToken(workspaceId, name.Trim(), role, secret, now, expiresAt, createdBy), secret);
    }

    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base62(byte[] bytes)
    {
        const string alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        var text = new StringBuilder(44);
        var value = new System.Numerics.BigInteger(bytes, isUnsigned: true);
        while (value > 0)
        {
            text.Append(alphabet[(int)(value % 62)]);
            value /= 62;
        }
        return text.ToString().PadRight(43, '0');
    }
}
