using System.Text;
using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Evaluations;
using Waymark.Domain.Touchpoints;

namespace Waymark.Storage.Scores;

/// <summary>
/// Keeps <see cref="KeptScore"/> rows in step with the evaluations of touchpoints: whatever saves evaluations (a use
/// case, an undo, an import, the demo) updates, in the same transaction and after the evaluations are written, the
/// kept rows of the touchpoints it touched. Added evaluations are merged into the kept rows by one atomic statement
/// (a later day replaces, the same day adds, an earlier day changes nothing), so two saves at once both count;
/// touchpoints with changed or deleted evaluations get their rows worked out again from their evaluations as the
/// transaction sees them. Reads of current scores then never grow with the history.
/// </summary>
public static class ScoreKeeper
{
    /// <summary>What a save does to kept scores, taken from the change tracker before the save.</summary>
    public sealed record Pending(IReadOnlyList<KeptScore> Merged, IReadOnlyList<Guid> Redone)
    {
        public bool IsEmpty => Merged.Count == 0 && Redone.Count == 0;
    }

    public static Pending Of(WaymarkDb db)
    {
        var changed = db.ChangeTracker.Entries<Evaluation>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        var redone = changed.Where(e => e.State != EntityState.Added)
            .SelectMany(e => new[] { e.Entity.TouchpointId, e.Property(x => x.TouchpointId).OriginalValue })
            .OfType<Guid>().Distinct().Order().ToList();
        var merged = changed
            .Where(e => e.State == EntityState.Added && e.Entity.TouchpointId is { } t && !redone.Contains(t))
            .Select(e => e.Entity).GroupBy(e => e.TouchpointId!.Value)
            .SelectMany(t => LatestEvaluations.Of(t).Select(latest => new KeptScore(t.First().WorkspaceId, t.Key, latest)))
            .OrderBy(k => k.TouchpointId).ThenBy(k => k.PersonaKey)
            .ToList();
        return new Pending(merged, redone);
    }

    /// <summary>Applies what <see cref="Of"/> found; call it inside the save's transaction, after the evaluations are written.</summary>
    public static async Task ApplyAsync(WaymarkDb db, Pending pending, CancellationToken ct)
    {
        foreach (var touchpoint in pending.Redone)
        {
            await db.KeptScores.Where(k => k.TouchpointId == touchpoint).ExecuteDeleteAsync(ct);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO kept_scores ("TouchpointId", "PersonaKey", "WorkspaceId", "PersonaId", "EvaluatedOn", "Evaluations", "ScoreSum", "GapSum", "Gaps")
                SELECT e."TouchpointId", COALESCE(e."PersonaId", {Guid.Empty}), e."WorkspaceId", e."PersonaId", e."EvaluatedOn",
                       COUNT(*), SUM(e."Score"), COALESCE(SUM(e."ExperienceLevel" - e."ExpectationLevel"), 0), COUNT(e."ExperienceLevel" - e."ExpectationLevel")
                FROM evaluations e
                WHERE e."TouchpointId" = {touchpoint}
                  AND e."EvaluatedOn" = (SELECT MAX(x."EvaluatedOn") FROM evaluations x
                                        WHERE x."TouchpointId" = e."TouchpointId"
                                          AND (x."PersonaId" = e."PersonaId" OR (x."PersonaId" IS NULL AND e."PersonaId" IS NULL)))
                GROUP BY e."TouchpointId", e."PersonaId", e."WorkspaceId", e."EvaluatedOn"
                """, ct);
        }
        foreach (var batch in pending.Merged.Chunk(500)) await MergeAsync(db, batch, ct);
    }

    /// <summary>One statement for many rows: inserted when new, otherwise merged with the row as it is at that moment.</summary>
    private static Task MergeAsync(WaymarkDb db, IReadOnlyList<KeptScore> rows, CancellationToken ct)
    {
        var sql = new StringBuilder("""
            INSERT INTO kept_scores ("TouchpointId", "PersonaKey", "WorkspaceId", "PersonaId", "EvaluatedOn", "Evaluations", "ScoreSum", "GapSum", "Gaps") VALUES
            """);
        var values = new List<object?>();
        foreach (var row in rows)
        {
            var at = values.Count;
            sql.Append(at == 0 ? "\n" : ",\n").Append('(').AppendJoin(", ", Enumerable.Range(at, 9).Select(i => $"{{{i}}}")).Append(')');
            values.AddRange([row.TouchpointId, row.PersonaKey, row.WorkspaceId, row.PersonaId, row.EvaluatedOn, row.Evaluations, row.ScoreSum, row.GapSum, row.Gaps]);
        }
        static string Merge(string column) =>
            $"\"{column}\" = CASE WHEN excluded.\"EvaluatedOn\" > kept_scores.\"EvaluatedOn\" THEN excluded.\"{column}\" " +
            $"WHEN excluded.\"EvaluatedOn\" = kept_scores.\"EvaluatedOn\" THEN kept_scores.\"{column}\" + excluded.\"{column}\" " +
            $"ELSE kept_scores.\"{column}\" END";
        sql.Append("\nON CONFLICT (\"TouchpointId\", \"PersonaKey\") DO UPDATE SET\n")
            .AppendJoin(",\n", new[] { "Evaluations", "ScoreSum", "GapSum", "Gaps" }.Select(Merge))
            .Append(",\n\"EvaluatedOn\" = CASE WHEN excluded.\"EvaluatedOn\" > kept_scores.\"EvaluatedOn\" THEN excluded.\"EvaluatedOn\" ELSE kept_scores.\"EvaluatedOn\" END");
        return db.Database.ExecuteSqlRawAsync(sql.ToString(), values!, ct);
    }

    /// <summary>The current scores of the given touchpoints of a workspace, read from the kept rows; all of its touchpoints when none are given.</summary>
    public static async Task<Dictionary<Guid, CurrentScore>> ReadAsync(WaymarkDb db, Guid workspaceId, IReadOnlyCollection<Guid>? touchpointIds, CancellationToken ct) =>
        (await ReadLatestAsync(db, workspaceId, touchpointIds, ct)).ToDictionary(g => g.Key, g => CurrentScore.FromLatest(g));

    /// <summary>The kept latest evaluations, per persona, of the given touchpoints of a workspace; all of its touchpoints when none are given.</summary>
    public static async Task<ILookup<Guid, LatestEvaluations>> ReadLatestAsync(WaymarkDb db, Guid workspaceId, IReadOnlyCollection<Guid>? touchpointIds, CancellationToken ct)
    {
        var query = db.KeptScores.Where(k => k.WorkspaceId == workspaceId);
        if (touchpointIds is not null)
        {
            var ids = touchpointIds.Distinct().ToList();
            query = query.Where(k => ids.Contains(k.TouchpointId));
        }
        return (await query.Select(k => new { k.TouchpointId, k.PersonaId, k.EvaluatedOn, k.Evaluations, k.ScoreSum, k.GapSum, k.Gaps }).ToListAsync(ct))
            .ToLookup(k => k.TouchpointId, k => new LatestEvaluations(k.PersonaId, k.EvaluatedOn, k.Evaluations, k.ScoreSum, k.GapSum, k.Gaps));
    }
}
