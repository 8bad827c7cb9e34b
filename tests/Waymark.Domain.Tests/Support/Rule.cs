using Waymark.Domain.Common;

namespace Waymark.Domain.Tests.Support;

internal static class Rule
{
    /// <summary>Asserts that <paramref name="act"/> breaks a domain rule about <paramref name="field"/> and returns the exception.</summary>
    public static DomainRuleException Broken(string field, Action act)
    {
        var ex = Assert.Throws<DomainRuleException>(act);
        Assert.Equal(field, ex.Field);
        Assert.False(string.IsNullOrWhiteSpace(ex.Message));
        return ex;
    }

    public static DomainRuleException Broken(string field, Func<object?> act) => Broken(field, () => { act(); });
}
