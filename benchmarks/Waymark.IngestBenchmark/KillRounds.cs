using System.Net;
using Waymark.Benchmarking;

namespace Waymark.IngestBenchmark;

/// <summary>
/// The promise of POST …/events under a crash, repeated: in each round several clients send batches, the server is
/// killed with SIGKILL once a random number of them is acknowledged, and the database is read: every acknowledged event
/// must be there. The server is started again and the clients send every batch they got no answer for; then every
/// event of the round must be there exactly once.
/// </summary>
internal static class KillRounds
{
    private const int Batches = 30, PerBatch = 2_000;

    public static async Task RunAsync(Storage storage, string dll, string work, int port, HttpClient http, string workspace, int rounds, int clients)
    {
        var (lost, doubled, retried, storedUnanswered) = (0L, 0L, 0, 0);
        var start = new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc);
        var random = new Random(12);
        for (var round = 1; round <= rounds; round++)
        {
            var prefix = $"k{round}";
            var bodies = Enumerable.Range(0, Batches).Select(b => EventBatches.Make(prefix, b, PerBatch, start.AddDays(round))).ToArray();
            var killAfter = random.Next(2, Batches - clients - 2);
            var acknowledged = new HashSet<int>();
            var server = await WaymarkServer.StartAsync(dll, work, storage.Arguments, port);
            var url = $"{server.BaseUrl}/api/workspaces/{workspace}/events";
            var killed = false;
            var next = -1;
            await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
            {
                int b;
                while ((b = Interlocked.Increment(ref next)) < Batches)
                {
                    try
                    {
                        var (status, _, _, _) = await Send.BatchAsync(http, url, bodies[b]);
                        if (status != HttpStatusCode.OK) continue;
                        lock (acknowledged)
                        {
                            acknowledged.Add(b);
                            if (acknowledged.Count == killAfter && !killed)
                            {
                                killed = true;
                                server.Process.Kill();
                            }
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException or System.Net.Sockets.SocketException)
                    {
                        // No answer: the batch is sent again after the restart.
                    }
                }
            })));
            await server.KillAsync();
            if (!killed) throw new InvalidOperationException($"round {round}: the server was not killed during ingestion");

            // Every acknowledged batch is whole in the database, read past the application.
            var afterKill = Counts(await storage.IdsAsync(prefix + "-"));
            var lostNow = acknowledged.Sum(b => PerBatch - afterKill.GetValueOrDefault(b));
            var partial = afterKill.Count(c => c.Value is > 0 and < PerBatch);
            if (partial > 0) throw new InvalidOperationException($"round {round}: {partial} batches are stored in part");

            await using (server = await WaymarkServer.StartAsync(dll, work, storage.Arguments, port))
            {
                foreach (var b in Enumerable.Range(0, Batches).Where(b => !acknowledged.Contains(b)))
                {
                    var (status, _, _, text) = await Send.BatchAsync(http, url, bodies[b]);
                    if (status != HttpStatusCode.OK) throw new InvalidOperationException($"round {round}: batch {b} sent again answered {(int)status}: {text}");
                    retried++;
                    if (afterKill.GetValueOrDefault(b) == PerBatch) storedUnanswered++;
                }
            }
            var ids = await storage.IdsAsync(prefix + "-");
            var doubledNow = ids.Count - ids.Distinct(StringComparer.Ordinal).Count();
            var final = Counts(ids);
            lost += lostNow + Enumerable.Range(0, Batches).Sum(b => Math.Max(0, PerBatch - final.GetValueOrDefault(b)));
            doubled += doubledNow;
            Console.WriteLine($"{storage.Name} kill {round}/{rounds}: killed after {killAfter} acknowledged batches ({acknowledged.Count} acknowledged in all), "
                              + $"acknowledged events missing after the kill {lostNow}, {Batches - acknowledged.Count} batches sent again "
                              + $"({Enumerable.Range(0, Batches).Count(b => !acknowledged.Contains(b) && afterKill.GetValueOrDefault(b) == PerBatch)} of them stored before the kill), "
                              + $"events {ids.Count:N0} of {Batches * PerBatch:N0}, duplicates {doubledNow}");
        }
        Console.WriteLine($"{storage.Name}: {rounds} kills of {Batches} batches of {PerBatch:N0} events: {lost} acknowledged events lost, {doubled} duplicates; "
                          + $"{retried} unanswered batches sent again, {storedUnanswered} of them had been committed before the kill");
    }

    /// <summary>Events per batch, from ids <c>{prefix}-{batch}-{index}</c>.</summary>
    private static Dictionary<int, int> Counts(List<string> ids)
    {
        var counts = new Dictionary<int, int>();
        foreach (var id in ids)
        {
            var b = int.Parse(id.Split('-')[1]);
            counts[b] = counts.GetValueOrDefault(b) + 1;
        }
        return counts;
    }
}
