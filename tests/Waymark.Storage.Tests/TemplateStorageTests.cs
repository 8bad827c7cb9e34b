using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Waymark.Storage.Exchange;
using Waymark.Storage.Templates;
using Waymark.Storage.Tests.Support;

namespace Waymark.Storage.Tests;

/// <summary>The built-in templates through the importer, and the organisation's templates, on SQLite and on PostgreSQL.</summary>
public abstract class TemplateStorageTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase> where TDatabase : TestDatabase
{
    private static readonly JsonSerializerOptions Json = CreateJson();

    private static JsonSerializerOptions CreateJson()
    {
        // The exchange format's rules, as the API reads it: camelCase names and enums as words, required values.
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        json.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        RequiredValues.Apply(json);
        return json;
    }

    [Fact]
    public async Task Every_built_in_template_imports_whole_through_the_all_or_nothing_importer()
    {
        Assert.Equal(6, BuiltInTemplates.Names.Count);
        foreach (var name in BuiltInTemplates.Names)
        {
            await using var db = database.Open();
            var key = $"tpl-{name}-{Guid.NewGuid():N}"[..30].TrimEnd('-');
            var workspace = await WorkspaceImport.FromJsonAsync(db, BuiltInTemplates.Document(name)!, Json, key);

            await using var check = database.Open();
            Assert.True(await check.Touchpoints.CountAsync(t => t.WorkspaceId == workspace.Id) >= 30, name);
            Assert.Equal(2, await check.Personas.CountAsync(p => p.WorkspaceId == workspace.Id));
            Assert.Equal(1, await check.Journeys.CountAsync(j => j.WorkspaceId == workspace.Id));
            Assert.False(await check.Kpis.AnyAsync(k => k.WorkspaceId == workspace.Id && (k.Target != null || k.BestInClass != null)), name);
        }
        Assert.Null(BuiltInTemplates.Document("no-such-template"));
    }

    [Fact]
    public async Task A_saved_template_is_read_back_whole_and_its_name_is_taken_only_once()
    {
        var name = "ours-" + Guid.NewGuid().ToString("N")[..8];
        var document = "{\"format\":\"waymark-workspace\",\"formatVersion\":1,\"workspace\":{\"key\":\"" + name + "\",\"name\":\"Ours ✓ & <co>\",\"description\":null}}";
        var at = new DateTimeOffset(2026, 12, 4, 15, 0, 0, TimeSpan.Zero);
        await using (var db = database.Open())
        {
            db.WorkspaceTemplates.Add(new WorkspaceTemplate(name, "Ours ✓ & <co>", "Stores and web shop.", document, "user-1", "ana@example.com", at));
            await db.SaveChangesAsync();
        }
        await using (var db = database.Open())
        {
            var stored = await db.WorkspaceTemplates.SingleAsync(t => t.Name == name);
            Assert.Equal(("Ours ✓ & <co>", "Stores and web shop.", document, "user-1", "ana@example.com", at),
                (stored.Title, stored.Description, stored.Document, stored.CreatedBy, stored.CreatedByName, stored.CreatedAt));
            db.WorkspaceTemplates.Add(new WorkspaceTemplate(name, "Again", null, document, "user-2", "ben@example.com", at));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }
        await using var after = database.Open();
        Assert.Equal(1, await after.WorkspaceTemplates.CountAsync(t => t.Name == name));
    }
}

public sealed class SqliteTemplateStorageTests(SqliteTestDatabase database) : TemplateStorageTests<SqliteTestDatabase>(database);

public sealed class PostgresTemplateStorageTests(PostgresTestDatabase database) : TemplateStorageTests<PostgresTestDatabase>(database);
