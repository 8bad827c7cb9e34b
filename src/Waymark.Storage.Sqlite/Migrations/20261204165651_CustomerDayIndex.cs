using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waymark.Storage.Sqlite.Migrations
{
    /// <summary>
    /// A customer's events are found by (workspace, day, customer) instead of (workspace, customer): a batch's entries then
    /// land in the pages of the days it covers rather than all over the index, so storing stays as fast as the events grow
    /// (the store reads a customer day by day; the expression must be written exactly so in its queries).
    /// </summary>
    public partial class CustomerDayIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE INDEX ix_interaction_events_customer_day ON interaction_events (workspace, at / 864000000000, customer);");
            migrationBuilder.Sql("DROP INDEX ix_interaction_events_customer;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE INDEX ix_interaction_events_customer ON interaction_events (workspace, customer);");
            migrationBuilder.Sql("DROP INDEX ix_interaction_events_customer_day;");
        }
    }
}
