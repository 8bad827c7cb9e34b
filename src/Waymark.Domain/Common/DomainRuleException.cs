namespace Waymark.Domain.Common;

/// <summary>A rule of the domain was broken; <see cref="Field"/> names the input at fault so the caller can point at it.</summary>
public sealed class DomainRuleException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
