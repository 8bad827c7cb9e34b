namespace Waymark.Web.Features;

/// <summary>Numbers in sentences a person reads: "1 touchpoint", "2 touchpoints", "1 person", "3 people".</summary>
public static class Count
{
    public static string Of(int n, string one, string? many = null) => $"{n} {(n == 1 ? one : many ?? one + "s")}";
}
