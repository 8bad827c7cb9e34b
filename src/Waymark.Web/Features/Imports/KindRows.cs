using Waymark.Storage;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Imports;

/// <summary>
/// What one row will do: create a record or update the one it matches (<paramref name="Updates"/> names it), the values
/// as they will be stored, and the use case that stores them.
/// </summary>
internal sealed record RowPlan(string Key, string? Updates, IReadOnlyDictionary<string, string> Values, Func<Work, CurrentWorkspace, CancellationToken, Task> Apply);

/// <summary>
/// How the rows of one kind are read: the records they may match or refer to are loaded once, then each row is
/// planned through the kind's change use case and the domain's rules. Each kind lives in its own file.
/// </summary>
internal abstract class KindRows
{
    public abstract ImportKind Kind { get; }

    public abstract Task LoadAsync(WaymarkDb db, CurrentWorkspace ws, CancellationToken ct);

    /// <summary>The row's plan, or null when it has problems.</summary>
    public abstract RowPlan? Plan(ImportRow row, CurrentWorkspace ws);

    public static KindRows For(ImportKind kind) => kind.Key switch
    {
        "touchpoints" => new TouchpointRows(),
        "personas" => new PersonaRows(),
        "channels" => new ChannelRows(),
        "departments" => new DepartmentRows(),
        "people" => new PersonRows(),
        "evaluations" => new EvaluationRows(),
        _ => new KpiMeasurementRows(),
    };

    /// <summary>The values a row will store, for the preview: empty ones left out.</summary>
    protected static Dictionary<string, string> Shown(params (string Field, string? Value)[] values) =>
        values.Where(v => !string.IsNullOrEmpty(v.Value)).ToDictionary(v => v.Field, v => v.Value!);

    protected static string YesNo(bool value) => value ? "yes" : "no";
}
