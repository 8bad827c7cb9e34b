using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waymark.Storage.Sqlite.Migrations
{
    /// <summary>
    /// Journey analytics kept per day (decision 0008), in SQL like the event store it belongs to. event_day_changes counts,
    /// per workspace and UTC day (its day number since 0001-01-01), the batches, erasures and retention runs that changed
    /// the day's events; event_day_partials keeps one day's mergeable analysis result per question (variant) with the
    /// change count of the days it was worked out from.
    /// </summary>
    public partial class AnalyticsPartials : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE event_day_changes (
                    workspace INTEGER NOT NULL REFERENCES event_workspaces (number) ON DELETE CASCADE,
                    day INTEGER NOT NULL,
                    changes INTEGER NOT NULL,
                    PRIMARY KEY (workspace, day)) WITHOUT ROWID;
                """);
            migrationBuilder.Sql("""
                CREATE TABLE event_day_partials (
                    workspace INTEGER NOT NULL REFERENCES event_workspaces (number) ON DELETE CASCADE,
                    variant TEXT NOT NULL,
                    day INTEGER NOT NULL,
                    basis INTEGER NOT NULL,
                    data BLOB,
                    PRIMARY KEY (workspace, variant, day));
                """);
            // Events stored before this migration count as one change of their days.
            migrationBuilder.Sql("INSERT INTO event_day_changes (workspace, day, changes) SELECT DISTINCT workspace, at / 864000000000, 1 FROM interaction_events;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE event_day_partials;");
            migrationBuilder.Sql("DROP TABLE event_day_changes;");
        }
    }
}
