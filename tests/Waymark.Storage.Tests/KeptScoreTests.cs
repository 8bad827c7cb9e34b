using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Waymark.Domain.Evaluations;
using Waymark.Domain.Journeys;
using Waymark.Domain.Workspaces;
using Waymark.Storage.Demo;
using Waymark.Storage.Scores;
using Waymark.Storage.Tests.Support;

namespace Waymark.Storage.Tests;

/// <summary>Kept scores and workspace stamps, on SQLite and on PostgreSQL by the two classes at the bottom.</summary>
public abstract class KeptScoreTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase> where TDatabase : TestDatabase
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private async Task<WorkspaceContent> SaveDemo(string key)
    {
        var content = DemoWorkspace.Build(key, "Demo " + key, Today);
        await using var db = database.Open();
        await WorkspaceStore.AddAsync(db, content);
        return content;
    }

    /// <summary>Every touchpoint's kept score against the score worked out from all its evaluations.</summary>
    private async Task AssertKeptScoresAreCurrent(Guid workspaceId)
    {
        await using var db = database.Open();
        var evaluations = (await db.Evaluations.AsNoTracking().Where(e => e.WorkspaceId == workspaceId && e.TouchpointId != null).ToListAsync())
            .ToLookup(e => e.TouchpointId!.Value);
        var kept = await ScoreKeeper.ReadAsync(db, workspaceId, null, default);
        var touchpoints = await db.Touchpoints.Where(t => t.WorkspaceId == workspaceId).Select(t => t.Id).ToListAsync();
        Assert.NotEmpty(touchpoints);
        foreach (var id in touchpoints)
            Assert.Equal(JsonSerializer.Serialize(CurrentScore.Of(evaluations[id])), JsonSerializer.Serialize(kept.GetValueOrDefault(id, CurrentScore.None)));
        Assert.Empty(kept.Keys.Except(touchpoints));
    }

    [Fact]
    public async Task Kept_scores_stay_the_scores_of_all_evaluations_through_adds_changes_moves_and_deletes()
    {
        var content = await SaveDemo("kept-random");
        var ws = content.Workspace.Id;
        await AssertKeptScoresAreCurrent(ws);
        var rng = new Random(11);
        var touchpoints = content.Touchpoints.Select(t => t.Id).ToList();
        var personas = content.Personas.Select(p => (Guid?)p.Id).Append(null).ToList();
        for (var round = 0; round < 6; round++)
        {
            await using (var db = database.Open())
            {
                var stored = await db.Evaluations.Where(e => e.WorkspaceId == ws && e.TouchpointId != null).OrderBy(e => e.Id).ToListAsync();
                // New evaluations: on the latest day of a touchpoint, after it and before it.
                for (var i = 0; i < 8; i++)
                {
                    var like = stored[rng.Next(stored.Count)];
                    var day = like.EvaluatedOn.AddDays(rng.Next(-3, 4) * (i % 3));
                    db.Evaluations.Add(new Evaluation(ws, new EvaluationContent(rng.Next(1, 11), day, TouchpointId: like.TouchpointId,
                        PersonaId: rng.Next(3) == 0 ? personas[rng.Next(personas.Count)] : like.PersonaId,
                        ExpectationLevel: rng.Next(2) == 0 ? rng.Next(1, 11) : null, ExperienceLevel: rng.Next(1, 11))));
                }
                // Changes of score and date, a move to another touchpoint, and deletes.
                foreach (var e in stored.OrderBy(_ => rng.Next()).Take(6))
                    e.Apply(new EvaluationContent(rng.Next(1, 11), e.EvaluatedOn.AddDays(rng.Next(-10, 11)), TouchpointId: e.TouchpointId, PersonaId: e.PersonaId,
                        ExpectationLevel: e.ExpectationLevel, ExperienceLevel: e.ExperienceLevel));
                var moved = stored[rng.Next(stored.Count)];
                moved.Apply(new EvaluationContent(moved.Score, moved.EvaluatedOn, TouchpointId: touchpoints[rng.Next(touchpoints.Count)], PersonaId: moved.PersonaId));
                db.Evaluations.RemoveRange(stored.OrderBy(_ => rng.Next()).Take(5).Where(e => e != moved));
                await db.SaveChangesAsync();
            }
            await AssertKeptScoresAreCurrent(ws);
        }
    }

    [Fact]
    public async Task A_touchpoint_whose_evaluations_are_all_deleted_keeps_no_score_and_a_deleted_workspace_leaves_nothing_kept()
    {
        var content = await SaveDemo("kept-gone");
        var ws = content.Workspace.Id;
        var evaluated = content.Evaluations.First(e => e.TouchpointId is not null).TouchpointId!.Value;
        await using (var db = database.Open())
        {
            db.Evaluations.RemoveRange(await db.Evaluations.Where(e => e.TouchpointId == evaluated).ToListAsync());
            await db.SaveChangesAsync();
            Assert.False(await db.KeptScores.AnyAsync(k => k.TouchpointId == evaluated));
        }
        await AssertKeptScoresAreCurrent(ws);
        await using (var db = database.Open())
        {
            Assert.True(await db.KeptScores.AnyAsync(k => k.WorkspaceId == ws));
            await WorkspaceStore.DeleteAsync(db, ws);
            Assert.False(await db.KeptScores.AnyAsync(k => k.WorkspaceId == ws));
            Assert.False(await db.Set<WorkspaceStamp>().AnyAsync(s => s.WorkspaceId == ws));
        }
    }

    [Fact]
    public async Task A_workspace_stamp_moves_with_every_change_of_the_workspace_even_of_a_step_and_only_of_that_workspace()
    {
        var one = await SaveDemo("stamp-one");
        var other = await SaveDemo("stamp-other");
        async Task<(Guid One, Guid Other)> Stamps()
        {
            await using var db = database.Open();
            return ((await WorkspaceStamp.OfKeyAsync(db, one.Workspace.Key, default))!.Value, (await WorkspaceStamp.OfKeyAsync(db, other.Workspace.Key, default))!.Value);
        }
        var before = await Stamps();
        Assert.NotEqual(before.One, before.Other);

        await using (var db = database.Open())
        {
            _ = await db.Journeys.Include(j => j.Stages).ThenInclude(s => s.Steps).Where(j => j.WorkspaceId == one.Workspace.Id).ToListAsync();
            await db.SaveChangesAsync();
        }
        Assert.Equal(before, await Stamps()); // reading and saving nothing moves nothing

        var stepId = one.Journeys[0].OrderedSteps.First().Id;
        await using (var db = database.Open())
        {
            // Only the step is loaded: its workspace is found through its stage and journey.
            var step = await db.Steps.SingleAsync(s => s.Id == stepId);
            step.Apply(new StepContent("Reads the delivery date again", null, null, null, step.Emotion));
            await db.SaveChangesAsync();
        }
        var afterStep = await Stamps();
        Assert.NotEqual(before.One, afterStep.One);
        Assert.Equal(before.Other, afterStep.Other);
    }

    [Fact]
    public async Task The_migration_keeps_the_scores_of_evaluations_stored_before_it_and_stamps_every_workspace()
    {
        // A database as it was before kept scores: the demo stored, then the schema taken back one step and forward again.
        var fresh = (TestDatabase)Activator.CreateInstance(typeof(TDatabase))!;
        await fresh.InitializeAsync();
        await using (var db = fresh.Open()) await WorkspaceStore.AddAsync(db, DemoWorkspace.Build("before-kept", "Before kept scores", Today));
        await using (var db = fresh.Open())
        {
            var migrations = db.Database.GetMigrations().ToList();
            var previous = migrations[migrations.FindIndex(m => m.EndsWith("_ReadsAtScale", StringComparison.Ordinal)) - 1];
            await db.Database.MigrateAsync(previous);
        }
        await using (var db = fresh.Open()) await StorageSetup.MigrateAsync(db);
        await using (var db = fresh.Open())
        {
            var ws = await db.Workspaces.Where(w => w.Key == "before-kept").Select(w => w.Id).SingleAsync();
            Assert.NotNull(await WorkspaceStamp.OfKeyAsync(db, "before-kept", default));
            var evaluations = (await db.Evaluations.Where(e => e.WorkspaceId == ws && e.TouchpointId != null).ToListAsync()).ToLookup(e => e.TouchpointId!.Value);
            var kept = await ScoreKeeper.ReadAsync(db, ws, null, default);
            Assert.Equal(evaluations.Count, kept.Count);
            foreach (var group in evaluations)
                Assert.Equal(JsonSerializer.Serialize(CurrentScore.Of(group)), JsonSerializer.Serialize(kept[group.Key]));
        }
        await fresh.DisposeAsync();
    }

    [Fact]
    public async Task Evaluations_added_at_the_same_moment_to_the_same_touchpoint_and_persona_all_count()
    {
        var content = await SaveDemo("kept-together");
        var ws = content.Workspace.Id;
        var touchpoint = content.Evaluations.First(e => e.TouchpointId is not null).TouchpointId!.Value;
        var day = Today.AddDays(1);
        for (var round = 0; round < 5; round++)
        {
            var saves = Enumerable.Range(0, 4).Select(async i =>
            {
                await using var db = database.Open();
                db.Evaluations.Add(new Evaluation(ws, new EvaluationContent(1 + (round + i) % 10, day, TouchpointId: touchpoint)));
                await db.SaveChangesAsync();
            });
            await Task.WhenAll(saves);
        }
        await AssertKeptScoresAreCurrent(ws);
        await using var check = database.Open();
        Assert.Equal(20, (await check.KeptScores.SingleAsync(k => k.TouchpointId == touchpoint && k.PersonaKey == Guid.Empty)).Evaluations);
    }
}

public sealed class SqliteKeptScoreTests(SqliteTestDatabase database) : KeptScoreTests<SqliteTestDatabase>(database);

public sealed class PostgresKeptScoreTests(PostgresTestDatabase database) : KeptScoreTests<PostgresTestDatabase>(database);
