using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waymark.Storage.Sqlite.Migrations
{
    /// <summary>
    /// The event store (Waymark.Storage.Interactions), written in SQL because it is not part of the EF model: it is read
    /// and written in bulk by SQL of its own. The workspace is a small number (event_workspaces) rather than a
    /// 36-character text on every event, which also holds how many days the workspace keeps its events; the time is UTC
    /// ticks; an event id is unique per workspace.
    /// </summary>
    public partial class InteractionEvents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE event_workspaces (
                    number INTEGER PRIMARY KEY,
                    workspace_id TEXT NOT NULL UNIQUE REFERENCES workspaces ("Id") ON DELETE CASCADE,
                    retention_days INTEGER);
                """);
            migrationBuilder.Sql("""
                CREATE TABLE interaction_events (
                    id INTEGER PRIMARY KEY,
                    workspace INTEGER NOT NULL REFERENCES event_workspaces (number) ON DELETE CASCADE,
                    at INTEGER NOT NULL,
                    customer TEXT NOT NULL,
                    touchpoint TEXT NOT NULL,
                    channel TEXT NOT NULL,
                    event_id TEXT,
                    case_id TEXT,
                    outcome TEXT,
                    agent TEXT,
                    handling_seconds REAL,
                    waiting_seconds REAL,
                    score REAL,
                    score_kind INTEGER,
                    attributes TEXT);
                """);
            migrationBuilder.Sql("CREATE INDEX ix_interaction_events_time ON interaction_events (workspace, at);");
            migrationBuilder.Sql("CREATE INDEX ix_interaction_events_customer ON interaction_events (workspace, customer);");
            migrationBuilder.Sql("CREATE UNIQUE INDEX ux_interaction_events_event_id ON interaction_events (workspace, event_id) WHERE event_id IS NOT NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE interaction_events;");
            migrationBuilder.Sql("DROP TABLE event_workspaces;");
        }
    }
}
