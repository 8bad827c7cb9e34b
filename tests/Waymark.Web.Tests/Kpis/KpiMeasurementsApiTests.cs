using System.Text.Json;
using Waymark.Domain.Kpis;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Kpis;

public sealed class KpiMeasurementsApiTests(WaymarkApiFactory factory) : ApiTest(factory)
{
    private async Task<Guid> Kpi(string name = "First call resolution") =>
        (await PostOk($"{Api}/kpis", new { name, unit = "%", target = 75 })).GetProperty("id").GetGuid();

    private int MeasurementCount() { var ws = MapSeed.WorkspaceId(Factory, Workspace); using var db = Factory.OpenDb(); return db.KpiMeasurements.Count(m => m.WorkspaceId == ws); }

    [Fact]
    public async Task A_batch_is_stored_with_its_source_and_listed_in_time_order()
    {
        var id = await Kpi();
        var stored = await PostOk($"{Api}/kpis/{id}/measurements", new
        {
            measurements = new object[]
            {
                new { value = 72.5, measuredAt = "2026-03-31T00:00:00Z", note = "March" },
                new { value = 70.0, measuredAt = "2026-01-31T00:00:00+01:00" },
                new { value = 71.0, measuredAt = "2026-02-28T00:00:00Z" },
            },
        });
        Assert.Equal(3, stored.GetProperty("stored").GetInt32());
        Assert.All(stored.GetProperty("measurements").EnumerateArray(), m => Assert.Equal("api", m.GetProperty("source").GetString()));

        var list = await GetOk($"{Api}/kpis/{id}/measurements");
        Assert.Equal([70.0, 71.0, 72.5], list.Items().Select(m => m.GetProperty("value").GetDouble()));
        Assert.Equal(new DateTimeOffset(2026, 1, 30, 23, 0, 0, TimeSpan.Zero), list.Items()[0].GetProperty("measuredAt").GetDateTimeOffset());
        Assert.Equal("March", list.Items()[2].GetProperty("note").GetString());

        var manual = await PostOk($"{Api}/kpis/{id}/measurements", new { source = "manual", measurements = new[] { new { value = 74.0, measuredAt = "2026-04-30T00:00:00Z" } } });
        Assert.Equal("manual", manual.GetProperty("measurements")[0].GetProperty("source").GetString());

        using var db = Factory.OpenDb();
        var rows = db.KpiMeasurements.Where(m => m.KpiId == id).ToList();
        Assert.Equal(4, rows.Count);
        Assert.Equal(3, rows.Count(m => m.Source == MeasurementSource.Api));
        Assert.Equal(MeasurementSource.Manual, rows.Single(m => m.Value == 74.0).Source);
    }

    [Fact]
    public async Task The_list_filters_by_time_and_pages()
    {
        var id = await Kpi();
        await PostOk($"{Api}/kpis/{id}/measurements", new
        {
            measurements = Enumerable.Range(1, 6).Select(m => new { value = 60.0 + m, measuredAt = new DateTimeOffset(2026, m, 15, 0, 0, 0, TimeSpan.Zero) }),
        });
        var spring = await GetOk($"{Api}/kpis/{id}/measurements?from=2026-03-01T00:00:00Z&to=2026-05-15T00:00:00Z");
        Assert.Equal([63.0, 64.0, 65.0], spring.Items().Select(m => m.GetProperty("value").GetDouble()));

        var page = await GetOk($"{Api}/kpis/{id}/measurements?page=2&pageSize=4");
        Assert.Equal([65.0, 66.0], page.Items().Select(m => m.GetProperty("value").GetDouble()));
        Assert.Equal(6, page.GetProperty("total").GetInt32());

        Assert.Contains("to", ErrorFields(await Problem(await Client.GetAsync($"{Api}/kpis/{id}/measurements?from=2026-05-01T00:00:00Z&to=2026-01-01T00:00:00Z"), 400)));
        await Problem(await Client.GetAsync($"{Api}/kpis/{id}/measurements?from=yesterday"), 400);
    }

    [Fact]
    public async Task A_batch_with_a_bad_third_item_stores_nothing_and_names_the_item()
    {
        var id = await Kpi();
        var path = $"{Api}/kpis/{id}/measurements";
        const string good = """{"value": 70, "measuredAt": "2026-01-31T00:00:00Z"}""";

        var missingValue = await Problem(await Client.PostAsync(path, MapSeed.Raw($$"""{"measurements": [{{good}}, {{good}}, {"measuredAt": "2026-03-31T00:00:00Z"}]}""")), 400);
        Assert.Equal(["measurements[2].value"], ErrorFields(missingValue));
        var wrongType = await Problem(await Client.PostAsync(path, MapSeed.Raw($$"""{"measurements": [{{good}}, {{good}}, {"value": "seventy", "measuredAt": "2026-03-31T00:00:00Z"}]}""")), 400);
        Assert.Equal(["measurements[2].value"], ErrorFields(wrongType));
        var missingTime = await Problem(await Client.PostAsync(path, MapSeed.Raw($$"""{"measurements": [{{good}}, {{good}}, {"value": 71}]}""")), 400);
        Assert.Equal(["measurements[2].measuredAt"], ErrorFields(missingTime));
        var badTime = await Problem(await Client.PostAsync(path, MapSeed.Raw($$"""{"measurements": [{{good}}, {{good}}, {"value": 71, "measuredAt": "last Tuesday"}]}""")), 400);
        Assert.Equal(["measurements[2].measuredAt"], ErrorFields(badTime));
        var longNote = await Problem(await Client.PostJson(path, new
        {
            measurements = new[] { new { value = 1.0, measuredAt = "2026-01-01T00:00:00Z", note = "" }, new { value = 2.0, measuredAt = "2026-01-02T00:00:00Z", note = new string('x', 1001) } },
        }), 400);
        Assert.Equal(["measurements[1].note"], ErrorFields(longNote));
        Assert.Contains("source", ErrorFields(await Problem(await Client.PostAsync(path, MapSeed.Raw($$"""{"source": "guesswork", "measurements": [{{good}}]}""")), 400)));
        Assert.Contains("measurements", ErrorFields(await Problem(await Client.PostJson(path, new { measurements = Array.Empty<object>() }), 400)));
        await Problem(await Client.PostAsync(path, MapSeed.Raw("""{"measurements": [{"value": 70,""")), 400);

        Assert.Equal(0, MeasurementCount());
        Assert.Empty((await GetOk(path)).Items());
    }

    [Fact]
    public async Task A_batch_across_kpis_is_stored_as_a_whole()
    {
        var fcr = await Kpi();
        var aht = await Kpi("Average handling time");
        var stored = await PostOk($"{Api}/kpis/measurements", new object[]
        {
            new { kpiId = fcr, value = 76.0, measuredAt = "2026-02-01T00:00:00Z" },
            new { kpiId = aht, value = 312.0, measuredAt = "2026-02-01T00:00:00Z" },
            new { kpiId = fcr, value = 78.0, measuredAt = "2026-03-01T00:00:00Z", source = "import" },
        });
        Assert.Equal(3, stored.GetProperty("stored").GetInt32());
        Assert.Equal(78, (await GetOk($"{Api}/kpis/{fcr}/performance")).GetProperty("actual").GetDouble());
        Assert.Equal(312, (await GetOk($"{Api}/kpis/{aht}/performance")).GetProperty("actual").GetDouble());
        using var db = Factory.OpenDb();
        Assert.Equal(MeasurementSource.Import, db.KpiMeasurements.Single(m => m.Value == 78.0).Source);
        Assert.Equal(MeasurementSource.Api, db.KpiMeasurements.Single(m => m.Value == 312.0).Source);
    }

    [Fact]
    public async Task A_batch_across_kpis_refuses_a_kpi_of_another_workspace_and_stores_nothing()
    {
        var ours = await Kpi();
        var other = await MapSeed.OtherWorkspace(Client);
        var theirs = (await PostOk($"/api/workspaces/{other}/kpis", new { name = "Their FCR", unit = "%" })).GetProperty("id").GetGuid();

        var problem = await Problem(await Client.PostJson($"{Api}/kpis/measurements", new object[]
        {
            new { kpiId = ours, value = 76.0, measuredAt = "2026-02-01T00:00:00Z" },
            new { kpiId = theirs, value = 99.0, measuredAt = "2026-02-01T00:00:00Z" },
        }), 400);
        Assert.Equal(["[1].kpiId"], ErrorFields(problem));
        Assert.DoesNotContain("Their FCR", problem.GetProperty("detail").GetString());

        Assert.Equal(["[0].kpiId"], ErrorFields(await Problem(await Client.PostJson($"{Api}/kpis/measurements", new object[] { new { value = 1.0, measuredAt = "2026-02-01T00:00:00Z" } }), 400)));
        Assert.Equal(["[0].value"], ErrorFields(await Problem(await Client.PostJson($"{Api}/kpis/measurements", new object[] { new { kpiId = ours, measuredAt = "2026-02-01T00:00:00Z" } }), 400)));
        await Problem(await Client.PostJson($"{Api}/kpis/measurements", Array.Empty<object>()), 400);
        // The other workspace's KPI cannot be fed through its id from here either.
        await Problem(await Client.PostJson($"{Api}/kpis/{theirs}/measurements", new { measurements = new[] { new { value = 1.0, measuredAt = "2026-02-01T00:00:00Z" } } }), 404);
        Assert.Equal(0, MeasurementCount());
        using var db = Factory.OpenDb();
        Assert.Equal(0, db.KpiMeasurements.Count(m => m.KpiId == theirs));
    }

    [Fact]
    public async Task A_measurement_is_deleted_only_through_its_own_kpi()
    {
        var fcr = await Kpi();
        var aht = await Kpi("Average handling time");
        var stored = await PostOk($"{Api}/kpis/{fcr}/measurements", new
        {
            measurements = new[] { new { value = 70.0, measuredAt = "2026-01-31T00:00:00Z" }, new { value = 90.0, measuredAt = "2026-02-28T00:00:00Z" } },
        });
        var typo = stored.GetProperty("measurements")[1].GetProperty("id").GetGuid();

        await Problem(await Client.DeleteAsync($"{Api}/kpis/{aht}/measurements/{typo}"), 404);
        await Problem(await Client.DeleteAsync($"{Api}/kpis/{fcr}/measurements/{Guid.NewGuid()}"), 404);
        await Problem(await Client.DeleteAsync($"/api/workspaces/no-such-workspace/kpis/{fcr}/measurements/{typo}"), 404);
        Assert.Equal(2, MeasurementCount());

        Assert.Equal(204, (int)(await Client.DeleteAsync($"{Api}/kpis/{fcr}/measurements/{typo}")).StatusCode);
        Assert.Equal(70, (await GetOk($"{Api}/kpis/{fcr}/performance")).GetProperty("actual").GetDouble());
        Assert.Equal(1, MeasurementCount());
    }

    [Fact]
    public async Task Measurements_of_unknown_kpis_or_workspaces_answer_404()
    {
        await Problem(await Client.GetAsync($"{Api}/kpis/{Guid.NewGuid()}/measurements"), 404);
        await Problem(await Client.PostJson($"{Api}/kpis/{Guid.NewGuid()}/measurements", new { measurements = new[] { new { value = 1.0, measuredAt = "2026-01-01T00:00:00Z" } } }), 404);
        await Problem(await Client.PostJson("/api/workspaces/no-such-workspace/kpis/measurements", new object[] { new { kpiId = Guid.NewGuid(), value = 1.0, measuredAt = "2026-01-01T00:00:00Z" } }), 404);
        Assert.Equal(0, MeasurementCount());
    }
}
