using System.Diagnostics;
using Waymark.Analytics.Reading;

namespace Waymark.IngestBenchmark;

/// <summary>The server's share of a batch before the database: reading the NDJSON and checking every event, in this process.</summary>
internal static class ReaderProfile
{
    public static void Run(int batches, int batchSize)
    {
        var start = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        var bodies = Enumerable.Range(0, batches).Select(b => EventBatches.Make("r", b, batchSize, start)).ToArray();
        for (var round = 0; round < 3; round++)
        {
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            long events = 0;
            foreach (var body in bodies)
                foreach (var record in InteractionEventReader.ReadNdjson(new MemoryStream(body, 0, body.Length, false, true), new ColumnMapping(), "the batch"))
                    if (record.Event is not null) events++;
            var seconds = clock.Elapsed.TotalSeconds;
            Console.WriteLine($"reader, round {round + 1}: {events:N0} events in {seconds:F2} s = {events / seconds:N0} events/s on one core, "
                              + $"{(GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)events:F0} bytes allocated per event");
        }
    }
}
