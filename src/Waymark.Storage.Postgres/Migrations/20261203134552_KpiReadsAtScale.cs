using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waymark.Storage.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class KpiReadsAtScale : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_kpi_measurements_KpiId_MeasuredAt",
                table: "kpi_measurements");

            migrationBuilder.AddColumn<int>(
                name: "MeasurementCount",
                table: "kpis",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_kpi_measurements_KpiId_MeasuredAt_RecordedAt_Id",
                table: "kpi_measurements",
                columns: new[] { "KpiId", "MeasuredAt", "RecordedAt", "Id" });

            // The count of the measurements already stored; from now on every save keeps it.
            migrationBuilder.Sql(
                "UPDATE kpis SET \"MeasurementCount\" = (SELECT COUNT(*) FROM kpi_measurements m WHERE m.\"KpiId\" = kpis.\"Id\");");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_kpi_measurements_KpiId_MeasuredAt_RecordedAt_Id",
                table: "kpi_measurements");

            migrationBuilder.DropColumn(
                name: "MeasurementCount",
                table: "kpis");

            migrationBuilder.CreateIndex(
                name: "IX_kpi_measurements_KpiId_MeasuredAt",
                table: "kpi_measurements",
                columns: new[] { "KpiId", "MeasuredAt" });
        }
    }
}
