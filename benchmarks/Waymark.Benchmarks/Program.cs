using System.Diagnostics;
using Waymark.Benchmarks;

// Usage: dotnet run -c Release --project benchmarks/Waymark.Benchmarks -- [--events 10000000] [--dir /tmp/waymark-bench]
//        [--xes-events 2000000] [--runs 5] [--no-duckdb]
if (args.Length >= 2 && args[0] == "--memory")
{
    Waymark.Benchmarks.Profile.Memory(args[1]);
    return;
}
if (args.Length >= 2 && args[0] == "--read")
{
    Waymark.Benchmarks.Profile.Read(args[1], args.Length >= 3 ? int.Parse(args[2]) : 3);
    return;
}
if (args.Length >= 2 && args[0] == "--profile")
{
    Waymark.Benchmarks.Profile.Run(args[1], 3);
    return;
}
var options = BenchmarkOptions.Parse(args);
Console.WriteLine($"Waymark analytics benchmark — {options.Events:N0} events, {Environment.ProcessorCount} cores, .NET {Environment.Version}, " +
                  $"{(Environment.Is64BitProcess ? "x64/arm64" : "32-bit")}, GC server={System.Runtime.GCSettings.IsServerGC}");
var sw = Stopwatch.StartNew();
var results = Harness.Run(options);
Console.WriteLine();
Console.WriteLine(results);
Console.WriteLine($"Total harness time {sw.Elapsed.TotalSeconds:F0} s");
if (options.Output is not null) File.WriteAllText(options.Output, results);
