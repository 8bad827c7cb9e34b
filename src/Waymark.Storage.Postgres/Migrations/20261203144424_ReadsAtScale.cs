using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waymark.Storage.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ReadsAtScale : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "kept_scores",
                columns: table => new
                {
                    TouchpointId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonaKey = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonaId = table.Column<Guid>(type: "uuid", nullable: true),
                    EvaluatedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Evaluations = table.Column<int>(type: "integer", nullable: false),
                    ScoreSum = table.Column<int>(type: "integer", nullable: false),
                    GapSum = table.Column<int>(type: "integer", nullable: false),
                    Gaps = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_kept_scores", x => new { x.TouchpointId, x.PersonaKey });
                    table.ForeignKey(
                        name: "FK_kept_scores_touchpoints_TouchpointId",
                        column: x => x.TouchpointId,
                        principalTable: "touchpoints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_kept_scores_workspaces_WorkspaceId",
                        column: x => x.WorkspaceId,
                        principalTable: "workspaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "workspace_stamps",
                columns: table => new
                {
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Stamp = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workspace_stamps", x => x.WorkspaceId);
                    table.ForeignKey(
                        name: "FK_workspace_stamps_workspaces_WorkspaceId",
                        column: x => x.WorkspaceId,
                        principalTable: "workspaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_kept_scores_WorkspaceId",
                table: "kept_scores",
                column: "WorkspaceId");

            // The scores kept so far: the latest evaluations of each touchpoint and persona, from the evaluations already stored.
            migrationBuilder.Sql(@"
INSERT INTO kept_scores (""TouchpointId"", ""PersonaKey"", ""WorkspaceId"", ""PersonaId"", ""EvaluatedOn"", ""Evaluations"", ""ScoreSum"", ""GapSum"", ""Gaps"")
SELECT e.""TouchpointId"", COALESCE(e.""PersonaId"", '00000000-0000-0000-0000-000000000000'::uuid), e.""WorkspaceId"", e.""PersonaId"", e.""EvaluatedOn"",
       COUNT(*), SUM(e.""Score""), COALESCE(SUM(e.""ExperienceLevel"" - e.""ExpectationLevel""), 0), COUNT(e.""ExperienceLevel"" - e.""ExpectationLevel"")
FROM evaluations e
WHERE e.""TouchpointId"" IS NOT NULL
  AND e.""EvaluatedOn"" = (SELECT MAX(x.""EvaluatedOn"") FROM evaluations x
                          WHERE x.""TouchpointId"" = e.""TouchpointId""
                            AND (x.""PersonaId"" = e.""PersonaId"" OR (x.""PersonaId"" IS NULL AND e.""PersonaId"" IS NULL)))
GROUP BY e.""TouchpointId"", e.""PersonaId"", e.""WorkspaceId"", e.""EvaluatedOn"";");

            // Each workspace's first stamp: its own id, which no other stamp has.
            migrationBuilder.Sql(@"INSERT INTO workspace_stamps (""WorkspaceId"", ""Stamp"") SELECT ""Id"", ""Id"" FROM workspaces;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "kept_scores");

            migrationBuilder.DropTable(
                name: "workspace_stamps");
        }
    }
}
