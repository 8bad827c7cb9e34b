using System.Diagnostics;
using DuckDB.NET.Data;
using Waymark.Analytics.Metrics;

namespace Waymark.Benchmarks;

/// <summary>The same variants, DFG (count, median, p90) and switch matrix in DuckDB SQL over the same CSV.</summary>
internal static class DuckDbComparison
{
    public sealed record Result(double Load, double Variants, double Dfg, double Switch, string Check);

    // seq keeps file order for tied timestamps, as the engine's stable sort does.
    private const string Journeys = "PARTITION BY customer ORDER BY time, seq";

    private const string VariantsSql = """
        SELECT acts, count(*) AS n FROM (
          SELECT customer, list(touchpoint ORDER BY time, seq) AS acts FROM events GROUP BY customer
        ) GROUP BY acts ORDER BY n DESC
        """;

    private const string DfgSql = $"""
        SELECT a, b, count(*) AS n, quantile_cont(d, 0.5) AS median, quantile_cont(d, 0.9) AS p90 FROM (
          SELECT touchpoint AS a, lead(touchpoint) OVER w AS b, epoch(lead(time) OVER w) - epoch(time) AS d
          FROM events WINDOW w AS ({Journeys})
        ) WHERE b IS NOT NULL GROUP BY a, b ORDER BY n DESC
        """;

    private const string SwitchSql = $"""
        SELECT c0, c1, count(*) AS n FROM (
          SELECT channel AS c0, lead(channel) OVER w AS c1 FROM events WINDOW w AS ({Journeys})
        ) WHERE c1 IS NOT NULL GROUP BY c0, c1 ORDER BY c0, c1
        """;

    public static Result Run(string csv, int runs, AnalysisReport ours)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        Exec(connection, $"SET threads = {Environment.ProcessorCount}");
        var load = Stopwatch.StartNew();
        Exec(connection, $$"""
            CREATE TABLE events AS
            SELECT row_number() OVER () AS seq, customer, CAST(time AS TIMESTAMP) AS time, touchpoint, coalesce(channel, '') AS channel
            FROM read_csv('{{csv.Replace("'", "''")}}', header = true, columns = {
              'customer': 'VARCHAR', 'case': 'VARCHAR', 'time': 'TIMESTAMPTZ', 'touchpoint': 'VARCHAR', 'channel': 'VARCHAR',
              'outcome': 'VARCHAR', 'score': 'FLOAT', 'score_kind': 'VARCHAR', 'duration': 'FLOAT', 'waiting': 'FLOAT'})
            """);
        load.Stop();
        Console.WriteLine($"DuckDB load: {load.Elapsed.TotalSeconds:F2} s");

        List<object[]> rows = [];
        var variants = Harness.Time(runs, () => rows = Query(connection, VariantsSql));
        var variantRows = rows;
        var dfg = Harness.Time(runs, () => rows = Query(connection, DfgSql));
        var dfgRows = rows;
        var sw = Harness.Time(runs, () => rows = Query(connection, SwitchSql));
        var switchRows = rows;
        Console.WriteLine($"DuckDB variants {variants.Median:F3} s, DFG {dfg.Median:F3} s, switches {sw.Median:F3} s");

        var checks = new List<string>();
        checks.Add(ParquetFromDuckDb(connection, Path.GetDirectoryName(csv)!));
        checks.Add(variantRows.Count == ours.Variants.Count ? $"variants {ours.Variants.Count:N0} = {variantRows.Count:N0} ✓" : $"variants DIFFER: ours {ours.Variants.Count} vs {variantRows.Count}");
        checks.Add(Convert.ToInt64(variantRows[0][1]) == ours.Variants[0].Count ? "top variant count ✓" : "top variant count DIFFERS");
        var dfgMatch = dfgRows.Count == ours.Dfg.Count && dfgRows.All(r =>
        {
            var e = ours.Dfg.FirstOrDefault(x => x.From == (string)r[0] && x.To == (string)r[1]);
            return e is not null && e.Count == Convert.ToInt64(r[2]) && Math.Abs(e.MedianSeconds - Convert.ToDouble(r[3])) < 1e-3 && Math.Abs(e.P90Seconds - Convert.ToDouble(r[4])) < 1e-3;
        });
        checks.Add(dfgMatch ? $"DFG {dfgRows.Count} edges, counts, medians and p90s equal ✓" : "DFG DIFFERS");
        var switchMatch = switchRows.Count == ours.ChannelSwitches.Matrix.Count && switchRows.All(r =>
            ours.ChannelSwitches.Matrix.Any(c => c.From == (string)r[0] && c.To == (string)r[1] && c.Count == Convert.ToInt64(r[2])));
        checks.Add(switchMatch ? $"switch matrix {switchRows.Count} cells equal ✓" : "switch matrix DIFFERS");
        return new Result(load.Elapsed.TotalSeconds, variants.Median, dfg.Median, sw.Median, string.Join("; ", checks));
    }

    /// <summary>Parquet written by another tool: DuckDB writes 200,000 events, the engine reads them back.</summary>
    private static string ParquetFromDuckDb(DuckDBConnection c, string dir)
    {
        var path = Path.Combine(dir, "duckdb-sample.parquet");
        Exec(c, $"COPY (SELECT customer, time, touchpoint, channel FROM events ORDER BY seq LIMIT 200000) TO '{path.Replace("'", "''")}' (FORMAT parquet)");
        var log = Waymark.Analytics.Reading.ParquetEventReader.Read(path);
        var customers = Convert.ToInt64(Query(c, "SELECT count(DISTINCT customer) FROM (SELECT customer FROM events ORDER BY seq LIMIT 200000)")[0][0]);
        var journeys = JourneyAnalyzer.Analyze(log, new AnalysisOptions { Metrics = Metric.Activities }).Cases;
        return log.Count == 200000 && journeys == customers
            ? $"Parquet written by DuckDB read back: {log.Count:N0} events, {journeys:N0} journeys ✓"
            : $"Parquet from DuckDB DIFFERS: {log.Count} events, {journeys} journeys vs {customers} customers";
    }

    private static void Exec(DuckDBConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    /// <summary>Runs the query and materialises every row, as the engine materialises its report.</summary>
    private static List<object[]> Query(DuckDBConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        using var reader = cmd.ExecuteReader();
        var rows = new List<object[]>();
        while (reader.Read())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }
        return rows;
    }
}
