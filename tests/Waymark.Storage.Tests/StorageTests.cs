using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Evaluations;
using Waymark.Domain.Journeys;
using Waymark.Domain.Kpis;
using Waymark.Domain.Organisation;
using Waymark.Domain.Touchpoints;
using Waymark.Domain.Workspaces;
using Waymark.Storage.Demo;
using Waymark.Storage.Tests.Support;

namespace Waymark.Storage.Tests;

/// <summary>The same storage tests, run on SQLite and on PostgreSQL by the two classes at the bottom.</summary>
public abstract class StorageTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase> where TDatabase : TestDatabase
{
    protected TDatabase Database => database;
    private static readonly DateOnly Today = new(2026, 11, 23);

    private async Task<WorkspaceContent> SaveDemo(string key)
    {
        var content = DemoWorkspace.Build(key, "Demo " + key, Today);
        await using var db = database.Open();
        await WorkspaceStore.AddAsync(db, content);
        return content;
    }

    [Fact]
    public async Task A_kpi_s_measurement_count_follows_every_save_without_changing_its_version()
    {
        var content = await SaveDemo("kpi-counts");
        await using (var check = database.Open())
            foreach (var kpi in content.Kpis)
                Assert.Equal(content.Measurements.Count(m => m.KpiId == kpi.Id), (await check.Kpis.SingleAsync(k => k.Id == kpi.Id)).MeasurementCount);

        var nps = content.Kpis[0];
        var before = content.Measurements.Count(m => m.KpiId == nps.Id);
        await using (var db = database.Open())
        {
            // Two contexts add at the same time, as two programs pushing figures do; both count.
            await using var other = database.Open();
            db.KpiMeasurements.AddRange(Enumerable.Range(1, 3).Select(d => nps.Measure(40 + d, new DateTimeOffset(2026, 12, d, 0, 0, 0, TimeSpan.Zero), MeasurementSource.Api)));
            other.KpiMeasurements.Add(nps.Measure(50, new DateTimeOffset(2026, 12, 9, 0, 0, 0, TimeSpan.Zero), MeasurementSource.Api));
            await Task.WhenAll(db.SaveChangesAsync(), other.SaveChangesAsync());
            db.KpiMeasurements.Remove(await db.KpiMeasurements.FirstAsync(m => m.KpiId == nps.Id));
            await db.SaveChangesAsync();
        }

        await using var read = database.Open();
        var stored = await read.Kpis.SingleAsync(k => k.Id == nps.Id);
        Assert.Equal(before + 3, stored.MeasurementCount);
        Assert.Equal(await read.KpiMeasurements.CountAsync(m => m.KpiId == nps.Id), stored.MeasurementCount);
        Assert.Equal(1, stored.Version);
    }

    [Fact]
    public async Task A_whole_workspace_is_stored_and_read_back_unchanged()
    {
        var content = await SaveDemo("round-trip");

        await using var db = database.Open();
        var ws = content.Workspace.Id;
        Assert.Equal(content.Touchpoints.Count, await db.Touchpoints.CountAsync(t => t.WorkspaceId == ws));
        Assert.Equal(content.Evaluations.Count, await db.Evaluations.CountAsync(e => e.WorkspaceId == ws));
        Assert.Equal(content.Measurements.Count, await db.KpiMeasurements.CountAsync(m => m.WorkspaceId == ws));
        Assert.Equal(content.Improvements.Count, await db.Improvements.CountAsync(i => i.WorkspaceId == ws));

        var persona = content.Personas[0];
        var stored = await db.Personas.SingleAsync(p => p.Id == persona.Id);
        Assert.Equal(persona.Goals, stored.Goals);
        Assert.Equal(persona.PreferredChannelIds, stored.PreferredChannelIds);
        Assert.Equal(persona.ShareOfCustomers, stored.ShareOfCustomers);
        Assert.Equal(persona.OnlineAffinity, stored.OnlineAffinity);

        var touchpoint = content.Touchpoints.First(t => t.PhaseIds.Length > 0 && t.Tags.Length > 0);
        var storedTouchpoint = await db.Touchpoints.SingleAsync(t => t.Id == touchpoint.Id);
        Assert.Equal(touchpoint.PhaseIds, storedTouchpoint.PhaseIds);
        Assert.Equal(touchpoint.Tags, storedTouchpoint.Tags);
        Assert.Equal(touchpoint.Category, storedTouchpoint.Category);

        var journey = content.Journeys[0];
        var storedJourney = await db.Journeys.Include(j => j.Stages).ThenInclude(s => s.Steps).SingleAsync(j => j.Id == journey.Id);
        Assert.Equal(journey.OrderedSteps.Select(s => s.Action), storedJourney.OrderedSteps.Select(s => s.Action));
        Assert.Equal(journey.OrderedSteps.Select(s => s.Emotion), storedJourney.OrderedSteps.Select(s => s.Emotion));
        Assert.Equal(journey.OrderedSteps.Select(s => s.TouchpointIds.Length), storedJourney.OrderedSteps.Select(s => s.TouchpointIds.Length));
        Assert.Equal(journey.Lanes, storedJourney.Lanes);
    }

    [Fact]
    public async Task Measurements_are_filtered_and_ordered_by_time_in_the_database()
    {
        var content = await SaveDemo("kpi-order");
        var kpi = content.Kpis[0];
        var expected = content.Measurements.Where(m => m.KpiId == kpi.Id).OrderBy(m => m.MeasuredAt).ToList();
        var since = expected[^3].MeasuredAt;

        await using var db = database.Open();
        var latest = await db.KpiMeasurements.Where(m => m.KpiId == kpi.Id && m.MeasuredAt >= since).OrderBy(m => m.MeasuredAt).ToListAsync();

        Assert.Equal(expected.TakeLast(3).Select(m => m.Value), latest.Select(m => m.Value));
        Assert.Equal(KpiPerformance.Of(kpi, expected).Actual, KpiPerformance.Of(kpi, latest).Actual);
    }

    [Fact]
    public async Task A_saved_change_raises_the_version_and_a_concurrent_edit_of_the_old_version_fails()
    {
        var content = await SaveDemo("versions");
        var id = content.Channels[0].Id;

        await using var first = database.Open();
        await using var second = database.Open();
        var mine = await first.Channels.SingleAsync(c => c.Id == id);
        var theirs = await second.Channels.SingleAsync(c => c.Id == id);

        mine.Describe("Renamed by me", mine.Kind, mine.Reach, null);
        await first.SaveChangesAsync();
        Assert.Equal(2, mine.Version);

        theirs.Describe("Renamed by them", theirs.Kind, theirs.Reach, null);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        await using var check = database.Open();
        var stored = await check.Channels.SingleAsync(c => c.Id == id);
        Assert.Equal("Renamed by me", stored.Name);
        Assert.Equal(2, stored.Version);
    }

    [Fact]
    public async Task Moving_a_step_to_another_stage_is_stored_with_both_stages_renumbered()
    {
        var content = await SaveDemo("moves");
        var journeyId = content.Journeys[0].Id;

        Guid moved, target;
        await using (var db = database.Open())
        {
            var journey = await db.Journeys.Include(j => j.Stages).ThenInclude(s => s.Steps).SingleAsync(j => j.Id == journeyId);
            var stages = journey.OrderedStages.ToList();
            moved = stages[0].OrderedSteps.First().Id;
            target = stages[1].Id;
            journey.MoveStep(moved, target, 0);
            var added = journey.AddStep(target, new StepContent("Asks a friend who bought the same TV", Emotion: 1));
            await db.SaveChangesAsync();
        }

        await using var check = database.Open();
        var stored = await check.Journeys.Include(j => j.Stages).ThenInclude(s => s.Steps).SingleAsync(j => j.Id == journeyId);
        var storedStages = stored.OrderedStages.ToList();
        Assert.Equal(moved, storedStages[1].OrderedSteps.First().Id);
        Assert.Equal("Asks a friend who bought the same TV", storedStages[1].OrderedSteps.Last().Action);
        foreach (var stage in storedStages)
            Assert.Equal(Enumerable.Range(0, stage.Steps.Count), stage.OrderedSteps.Select(s => s.Position));
        Assert.True(stored.Version > 1);
    }

    [Fact]
    public async Task A_channel_still_used_by_touchpoints_cannot_be_deleted()
    {
        var content = await SaveDemo("references");
        var used = content.Channels.First(c => content.Touchpoints.Any(t => t.ChannelId == c.Id));

        await using (var db = database.Open())
        {
            db.Channels.Remove(await db.Channels.SingleAsync(c => c.Id == used.Id));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        await using var check = database.Open();
        Assert.True(await check.Channels.AnyAsync(c => c.Id == used.Id));
    }

    [Fact]
    public async Task Deleting_a_workspace_removes_everything_it_held_and_nothing_else()
    {
        var doomed = await SaveDemo("doomed");
        var kept = await SaveDemo("kept");

        await using (var db = database.Open())
            await WorkspaceStore.DeleteAsync(db, doomed.Workspace.Id);

        await using var check = database.Open();
        Assert.Equal(0, await check.Touchpoints.CountAsync(t => t.WorkspaceId == doomed.Workspace.Id));
        Assert.Equal(0, await check.KpiMeasurements.CountAsync(m => m.WorkspaceId == doomed.Workspace.Id));
        Assert.Equal(0, await check.Journeys.CountAsync(j => j.WorkspaceId == doomed.Workspace.Id));
        var doomedStages = doomed.Journeys.SelectMany(j => j.Stages).Select(s => s.Id).ToList();
        Assert.Equal(0, await check.Stages.CountAsync(s => doomedStages.Contains(s.Id)));
        Assert.Equal(kept.Touchpoints.Count, await check.Touchpoints.CountAsync(t => t.WorkspaceId == kept.Workspace.Id));
    }

    [Fact]
    public async Task Two_workspaces_cannot_share_a_key()
    {
        await using var db = database.Open();
        db.Workspaces.Add(new Workspace("same-key", "First"));
        await db.SaveChangesAsync();

        await using var other = database.Open();
        other.Workspaces.Add(new Workspace("same-key", "Second"));
        await Assert.ThrowsAsync<DbUpdateException>(() => other.SaveChangesAsync());
    }

    [Fact]
    public async Task A_failed_save_of_a_whole_workspace_stores_none_of_it()
    {
        var content = DemoWorkspace.Build("half", "Half", Today);
        // An evaluation pointing at a touchpoint that does not exist breaks the save at the very end.
        content.Evaluations.Add(new Evaluation(content.Workspace.Id, new EvaluationContent(5, Today, TouchpointId: Guid.CreateVersion7())));

        await using (var db = database.Open())
            await Assert.ThrowsAsync<DbUpdateException>(() => WorkspaceStore.AddAsync(db, content));

        await using var check = database.Open();
        Assert.False(await check.Workspaces.AnyAsync(w => w.Key == "half"));
        Assert.Equal(0, await check.Touchpoints.CountAsync(t => t.WorkspaceId == content.Workspace.Id));
    }

    [Fact]
    public async Task Migrating_an_up_to_date_database_again_keeps_its_data()
    {
        var content = await SaveDemo("upgrade");

        await using (var db = database.Open())
        {
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            await StorageSetup.MigrateAsync(db);
        }

        await using var check = database.Open();
        Assert.Equal(content.Touchpoints.Count, await check.Touchpoints.CountAsync(t => t.WorkspaceId == content.Workspace.Id));
        Assert.NotEmpty(await check.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task Text_filters_find_names_regardless_of_case()
    {
        var content = await SaveDemo("search");
        var name = content.Touchpoints[0].Name;
        var fragment = name[..Math.Min(5, name.Length)].ToUpperInvariant();

        await using var db = database.Open();
        var found = await db.Touchpoints
            .Where(t => t.WorkspaceId == content.Workspace.Id && EF.Functions.Like(t.Name.ToLower(), "%" + fragment.ToLowerInvariant() + "%"))
            .Select(t => t.Id).ToListAsync();
        Assert.Contains(content.Touchpoints[0].Id, found);
    }
}

public sealed class SqliteStorageTests(SqliteTestDatabase database) : StorageTests<SqliteTestDatabase>(database)
{
    [Fact]
    public async Task Every_sqlite_connection_writes_with_full_synchronisation_in_write_ahead_log_mode()
    {
        await using var db = Database.Open();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA synchronous";
        Assert.Equal(2L, await command.ExecuteScalarAsync()); // 2 = FULL
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", await command.ExecuteScalarAsync());
    }
}

public sealed class PostgresStorageTests(PostgresTestDatabase database) : StorageTests<PostgresTestDatabase>(database);
