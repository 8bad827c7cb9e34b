using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waymark.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TrendIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_evaluations_TouchpointId_PersonaId_EvaluatedOn",
                table: "evaluations",
                columns: new[] { "TouchpointId", "PersonaId", "EvaluatedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_evaluations_WorkspaceId_EvaluatedOn",
                table: "evaluations",
                columns: new[] { "WorkspaceId", "EvaluatedOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_evaluations_TouchpointId_PersonaId_EvaluatedOn",
                table: "evaluations");

            migrationBuilder.DropIndex(
                name: "IX_evaluations_WorkspaceId_EvaluatedOn",
                table: "evaluations");
        }
    }
}
