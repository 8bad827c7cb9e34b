using System.Collections.Concurrent;
using System.Data.Common;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Domain.Kpis;
using Waymark.Storage;
using Waymark.Web.Features.Kpis;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Kpis;

/// <summary>
/// KPI performance read from each KPI's latest measurements and its kept count: the same figures as from all of them,
/// and a KPI list that costs the same queries however long the KPIs have been measured.
/// </summary>
public sealed class KpiPerformanceAtScaleTests(WaymarkApiFactory factory) : ApiTest(factory)
{
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 8, 0, 0, TimeSpan.Zero);

    private async Task<Guid> CreateKpi(string name, string direction, double? target, double? bestInClass) =>
        (await PostOk($"{Api}/kpis", new { name, unit = "points", direction, target, bestInClass })).GetProperty("id").GetGuid();

    [Fact]
    public async Task The_figures_from_the_latest_measurements_are_the_figures_from_all_of_them()
    {
        var random = new Random(1203);
        var ids = new List<Guid>();
        for (var i = 0; i < 9; i++)
            ids.Add(await CreateKpi($"KPI {i}", i % 2 == 0 ? "higherIsBetter" : "lowerIsBetter",
                i % 3 == 0 ? null : random.Next(0, 100), i % 4 == 0 ? null : random.Next(0, 100)));
        // Few distinct days, so measurements share a day; recorded one KPI at a time and across KPIs, as programs do.
        object Item(Guid? kpiId = null) => new
        {
            kpiId, value = random.Next(5) == 0 ? 50 : Math.Round(random.NextDouble() * 100, 2),
            measuredAt = Start.AddDays(random.Next(0, 25)),
        };
        foreach (var id in ids.Skip(1))
            await PostOk($"{Api}/kpis/{id}/measurements", new { measurements = Enumerable.Range(0, random.Next(1, 30)).Select(_ => Item()).ToList() });
        await PostOk($"{Api}/kpis/measurements", Enumerable.Range(0, 60).Select(_ => Item(ids[1 + random.Next(ids.Count - 1)])).ToList());
        // Corrections and deletions change the latest measurements and the count.
        foreach (var id in ids.Skip(1).Take(4))
        {
            var measurements = (await GetOk($"{Api}/kpis/{id}/measurements?pageSize=500")).Items();
            var last = measurements[^1];
            Assert.Equal(204, (int)(await Client.DeleteAsync($"{Api}/kpis/{id}/measurements/{last.GetProperty("id").GetGuid()}")).StatusCode);
            if (measurements.Count > 2)
            {
                var other = measurements[random.Next(measurements.Count - 1)];
                await PutOk($"{Api}/kpis/{id}/measurements/{other.GetProperty("id").GetGuid()}", new
                {
                    value = 99.5, measuredAt = Start.AddDays(30), version = other.GetProperty("version").GetInt32(),
                });
            }
        }

        var listed = (await GetOk($"{Api}/kpis?pageSize=500")).Items().ToDictionary(k => k.GetProperty("id").GetGuid());

        await using var db = Factory.OpenDb();
        foreach (var id in ids)
        {
            var kpi = await db.Kpis.AsNoTracking().SingleAsync(k => k.Id == id);
            var all = await db.KpiMeasurements.AsNoTracking().Where(m => m.KpiId == id).ToListAsync();
            var expected = KpisApi.PerformanceResponse.From(KpiPerformance.Of(kpi, all));
            Assert.Equal(all.Count, kpi.MeasurementCount);
            Assert.Equal(expected, listed[id].GetProperty("performance").Deserialize<KpisApi.PerformanceResponse>(WaymarkApiFactory.Json));
            Assert.Equal(expected, (await GetOk($"{Api}/kpis/{id}/performance")).Deserialize<KpisApi.PerformanceResponse>(WaymarkApiFactory.Json));
        }
        Assert.Equal(0, listed[ids[0]].GetProperty("performance").GetProperty("measurements").GetInt32());
        Assert.Contains(listed.Values, k => k.GetProperty("performance").GetProperty("trend").GetString() is "improving" or "worsening");
    }

    [Fact]
    public async Task The_kpi_list_takes_the_same_queries_with_years_of_measurements_as_with_a_few()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++) ids.Add(await CreateKpi($"Daily KPI {i}", "higherIsBetter", 50, 80));
        await SeedDailyAsync(ids, days: 10);
        var commands = new CommandLog();
        await using var counted = Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.ConfigureDbContext<WaymarkDb>((_, o) => o.AddInterceptors(commands))));
        var client = counted.CreateClient();

        var few = await ListAsync(client, commands);
        await SeedDailyAsync(ids, days: 1826, from: 10);
        var many = await ListAsync(client, commands);

        Assert.Equal(few.Commands, many.Commands);
        Assert.Single(many.Commands, c => c.Contains("kpi_measurements"));
        Assert.All(many.Kpis, k => Assert.Equal(1826, k.GetProperty("performance").GetProperty("measurements").GetInt32()));
        Assert.All(few.Kpis, k => Assert.Equal(10, k.GetProperty("performance").GetProperty("measurements").GetInt32()));
        // The figures follow the newest measurements.
        Assert.All(many.Kpis, k => Assert.Equal(Start.AddDays(1825), k.GetProperty("performance").GetProperty("measuredAt").GetDateTimeOffset()));
    }

    /// <summary>The KPI list and the SQL commands it ran that are about KPIs, with their parameters' values taken out.</summary>
    private async Task<(IReadOnlyList<string> Commands, IReadOnlyList<JsonElement> Kpis)> ListAsync(HttpClient client, CommandLog commands)
    {
        commands.Clear();
        var response = await client.GetAsync($"{Api}/kpis?pageSize=500");
        response.EnsureSuccessStatusCode();
        var kpis = (await response.Content.ReadFromJsonAsync<JsonElement>()).Items();
        return (commands.Texts.Where(c => c.Contains("kpi")).ToList(), kpis);
    }

    private async Task SeedDailyAsync(IReadOnlyList<Guid> ids, int days, int from = 0)
    {
        await using var db = Factory.OpenDb();
        var kpis = await db.Kpis.AsNoTracking().Where(k => ids.Contains(k.Id)).ToListAsync();
        foreach (var kpi in kpis)
            db.KpiMeasurements.AddRange(Enumerable.Range(from, days - from).Select(d =>
                kpi.Measure(40 + d % 30, Start.AddDays(d), MeasurementSource.Import)));
        await db.SaveChangesAsync();
    }
}
