using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waymark.Storage.Postgres.Migrations
{
    /// <summary>
    /// Appending events cost PostgreSQL more than it needed (issue 12's ingestion figures, docs/benchmarks.md):
    /// <list type="bullet">
    /// <item>A foreign key on interaction_events and on interaction_event_ids ran a trigger and a query for every event
    /// stored, about 40 % of the database's work in a batch. The store itself numbers the workspace before it writes, so
    /// the keys guarded nothing a batch could break; what they did besides, removing a workspace's events with it, is
    /// now one trigger on event_workspaces that runs when a workspace goes.</item>
    /// <item>Customers and event ids were compared under the database's linguistic collation (strcoll for every index
    /// comparison). They are identifiers, compared byte by byte ("C"), which also orders them as the store sorts ids.</item>
    /// </list>
    /// </summary>
    public partial class FasterEventAppend : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE interaction_events DROP CONSTRAINT IF EXISTS interaction_events_workspace_fkey;");
            migrationBuilder.Sql("ALTER TABLE interaction_event_ids DROP CONSTRAINT IF EXISTS interaction_event_ids_workspace_fkey;");
            migrationBuilder.Sql("""
                CREATE FUNCTION forget_event_workspace() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    DELETE FROM interaction_events WHERE workspace = OLD.number;
                    DELETE FROM interaction_event_ids WHERE workspace = OLD.number;
                    RETURN OLD;
                END $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER event_workspace_gone AFTER DELETE ON event_workspaces
                FOR EACH ROW EXECUTE FUNCTION forget_event_workspace();
                """);
            migrationBuilder.Sql("""
                ALTER TABLE interaction_events
                    ALTER COLUMN customer TYPE text COLLATE "C",
                    ALTER COLUMN event_id TYPE text COLLATE "C";
                """);
            migrationBuilder.Sql("""ALTER TABLE interaction_event_ids ALTER COLUMN event_id TYPE text COLLATE "C";""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""ALTER TABLE interaction_event_ids ALTER COLUMN event_id TYPE text COLLATE "default";""");
            migrationBuilder.Sql("""
                ALTER TABLE interaction_events
                    ALTER COLUMN customer TYPE text COLLATE "default",
                    ALTER COLUMN event_id TYPE text COLLATE "default";
                """);
            migrationBuilder.Sql("DROP TRIGGER event_workspace_gone ON event_workspaces;");
            migrationBuilder.Sql("DROP FUNCTION forget_event_workspace();");
            migrationBuilder.Sql("""
                ALTER TABLE interaction_event_ids ADD CONSTRAINT interaction_event_ids_workspace_fkey
                    FOREIGN KEY (workspace) REFERENCES event_workspaces (number) ON DELETE CASCADE;
                """);
            migrationBuilder.Sql("""
                ALTER TABLE interaction_events ADD CONSTRAINT interaction_events_workspace_fkey
                    FOREIGN KEY (workspace) REFERENCES event_workspaces (number) ON DELETE CASCADE;
                """);
        }
    }
}
