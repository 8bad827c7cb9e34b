using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Waymark.Analytics.Metrics;

namespace Waymark.Analytics.Reporting;

/// <summary>camelCase JSON for the report; NaN (an empty quantile) is written as null.</summary>
public static class ReportJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(AnalysisReport report) => JsonSerializer.Serialize(report, Options);

    public static void Write(AnalysisReport report, Stream stream) => JsonSerializer.Serialize(stream, report, Options);
}
