using System.Globalization;

namespace Waymark.Web.Components.Pages.Kpis;

/// <summary>Wording of KPI figures shared by the KPI pages.</summary>
public static class KpiText
{
    /// <summary>A variance with its sign; the performance figures are positive when better, whatever the KPI's direction.</summary>
    public static string Signed(double? v) => v is { } x ? x.ToString("+0.##;-0.##;0", CultureInfo.InvariantCulture) : "–";
}
