using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Evaluations;
using Waymark.Storage.Access;
using Waymark.Storage.Demo;
using Waymark.Storage.Tests.Support;
using Xunit.Abstractions;

namespace Waymark.Storage.Tests.Demo;

/// <summary>The large workspace stored once per provider, with the time it took.</summary>
public abstract class StoredLargeWorkspace(TestDatabase database) : IAsyncLifetime
{
    public TestDatabase Database => database;
    public LargeWorkspace.Built Built { get; private set; } = null!;
    public List<int> Reported { get; } = [];
    public TimeSpan StoreTime { get; private set; }

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        Built = LargeWorkspace.Build(today: LargeWorkspaceTests.Today);
        var clock = Stopwatch.StartNew();
        await using var db = database.Open();
        await LargeWorkspace.StoreAsync(db, Built, new Collect(Reported));
        StoreTime = clock.Elapsed;
    }

    public Task DisposeAsync() => database.DisposeAsync();

    private sealed class Collect(List<int> into) : IProgress<int>
    {
        public void Report(int value) => into.Add(value);
    }
}

public sealed class StoredOnSqlite() : StoredLargeWorkspace(new SqliteTestDatabase());

public sealed class StoredOnPostgres() : StoredLargeWorkspace(new PostgresTestDatabase());

public abstract class LargeWorkspaceStorageTests<TStored>(TStored stored, ITestOutputHelper output) : IClassFixture<TStored> where TStored : StoredLargeWorkspace
{
    /// <summary>The stored workspace, for the tests of one provider (which pass their fixture on to here rather than keep it twice).</summary>
    protected TStored Stored => stored;

    [Fact]
    public async Task Stores_and_reads_back_every_row_with_the_members()
    {
        output.WriteLine($"{stored.Database.Provider}: stored in {stored.StoreTime.TotalSeconds:0.0} s");
        var content = stored.Built.Content;
        var ws = content.Workspace.Id;
        await using var db = stored.Database.Open();
        Assert.Equal(2000, await db.Touchpoints.CountAsync(t => t.WorkspaceId == ws));
        Assert.Equal(25, await db.Channels.CountAsync(t => t.WorkspaceId == ws));
        Assert.Equal(200, await db.Journeys.CountAsync(t => t.WorkspaceId == ws));
        var steps = content.Journeys.Sum(j => j.OrderedSteps.Count());
        Assert.Equal(steps, await db.Steps.CountAsync(s => db.Stages.Any(st => st.Id == s.StageId && db.Journeys.Any(j => j.Id == st.JourneyId && j.WorkspaceId == ws))));
        Assert.Equal(100_000, await db.Evaluations.CountAsync(e => e.WorkspaceId == ws));
        Assert.Equal(60, await db.Kpis.CountAsync(k => k.WorkspaceId == ws));
        Assert.Equal(109_560, await db.KpiMeasurements.CountAsync(m => m.WorkspaceId == ws));
        Assert.Equal(5000, await db.Improvements.CountAsync(i => i.WorkspaceId == ws));

        var members = await db.Memberships.Where(m => m.WorkspaceId == ws).ToListAsync();
        Assert.Equal(50, members.Count);
        Assert.Equal(5, members.Count(m => m.Role == WorkspaceRole.Owner));
        var accounts = await db.Users.Where(u => members.Select(m => m.UserId).Contains(u.Id)).ToListAsync();
        Assert.Equal(50, accounts.Count);
        Assert.All(accounts, a => Assert.Null(a.PasswordHash));
        Assert.All(accounts, a => Assert.Equal(a.Email!.ToUpperInvariant(), a.NormalizedEmail));
    }

    [Fact]
    public async Task Reads_back_the_same_scores_and_dates()
    {
        var content = stored.Built.Content;
        await using var db = stored.Database.Open();
        var sample = content.Evaluations.Where((_, i) => i % 997 == 0).ToList();
        var ids = sample.Select(e => e.Id).ToList();
        var read = await db.Evaluations.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id);
        Assert.All(sample, e => Assert.Equal((e.Score, e.EvaluatedOn, e.PersonaId, e.TouchpointId, e.StepId),
            (read[e.Id].Score, read[e.Id].EvaluatedOn, read[e.Id].PersonaId, read[e.Id].TouchpointId, read[e.Id].StepId)));
    }

    [Fact]
    public void Saves_in_portions_and_reports_the_rows_saved()
    {
        var total = WorkspaceStore.RowsOf(stored.Built.Content);
        Assert.True(stored.Reported.Count >= total / WorkspaceStore.RowsPerSave, $"{stored.Reported.Count} reports");
        Assert.Equal(stored.Reported.Order(), stored.Reported);
        Assert.Equal(total, stored.Reported[^1]);
    }
}

/// <remarks>The failure test runs on SQLite only: it stores half the workspace again, which doubles the time on PostgreSQL.</remarks>
public sealed class SqliteLargeWorkspaceStorageTests(StoredOnSqlite stored, ITestOutputHelper output)
    : LargeWorkspaceStorageTests<StoredOnSqlite>(stored, output)
{
    private TestDatabase Database => Stored.Database;

    [Fact]
    public async Task A_failure_in_a_late_portion_leaves_nothing_behind()
    {
        var built = LargeWorkspace.Build("large-broken", LargeWorkspaceTests.Today);
        // An evaluation of a touchpoint that does not exist, after tens of thousands of rows are already saved.
        built.Content.Evaluations.Add(new Evaluation(built.Content.Workspace.Id, new EvaluationContent(5, LargeWorkspaceTests.Today, TouchpointId: Guid.NewGuid())));
        await using (var db = Database.Open())
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => LargeWorkspace.StoreAsync(db, built));

        await using var check = Database.Open();
        var ws = built.Content.Workspace.Id;
        Assert.False(await check.Workspaces.AnyAsync(w => w.Id == ws));
        Assert.False(await check.Touchpoints.AnyAsync(t => t.WorkspaceId == ws));
        Assert.False(await check.Evaluations.AnyAsync(e => e.WorkspaceId == ws));
    }
}

public sealed class PostgresLargeWorkspaceStorageTests(StoredOnPostgres stored, ITestOutputHelper output)
    : LargeWorkspaceStorageTests<StoredOnPostgres>(stored, output);
