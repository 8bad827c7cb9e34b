using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waymark.Storage.Postgres.Migrations
{
    /// <summary>
    /// Journey analytics kept per day (decision 0008), in SQL like the event store it belongs to. event_day_changes counts,
    /// per workspace and UTC day, the batches, erasures and retention runs that changed the day's events;
    /// event_day_partials keeps one day's mergeable analysis result per question (variant) with the change count of the
    /// days it was worked out from.
    /// </summary>
    public partial class AnalyticsPartials : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE event_day_changes (
                    workspace integer NOT NULL REFERENCES event_workspaces (number) ON DELETE CASCADE,
                    day date NOT NULL,
                    changes bigint NOT NULL,
                    PRIMARY KEY (workspace, day));
                """);
            migrationBuilder.Sql("""
                CREATE TABLE event_day_partials (
                    workspace integer NOT NULL REFERENCES event_workspaces (number) ON DELETE CASCADE,
                    day date NOT NULL,
                    basis bigint NOT NULL,
                    variant text NOT NULL,
                    data bytea,
                    PRIMARY KEY (workspace, variant, day));
                """);
            // Events stored before this migration count as one change of their days.
            migrationBuilder.Sql("INSERT INTO event_day_changes (workspace, day, changes) SELECT DISTINCT workspace, (at AT TIME ZONE 'UTC')::date, 1 FROM interaction_events;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE event_day_partials;");
            migrationBuilder.Sql("DROP TABLE event_day_changes;");
        }
    }
}
