namespace Waymark.Benchmarks;

internal sealed record BenchmarkOptions(long Events, string Dir, long XesEvents, int Runs, bool DuckDb, string? Output)
{
    public static BenchmarkOptions Parse(string[] args)
    {
        string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        return new BenchmarkOptions(
            long.Parse(Value("--events") ?? "10000000"),
            Value("--dir") ?? Path.Combine(Path.GetTempPath(), "waymark-bench"),
            long.Parse(Value("--xes-events") ?? "2000000"),
            int.Parse(Value("--runs") ?? "5"),
            !args.Contains("--no-duckdb"),
            Value("--out"));
    }
}
