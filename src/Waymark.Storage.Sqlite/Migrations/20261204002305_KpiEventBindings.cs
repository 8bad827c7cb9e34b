using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waymark.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class KpiEventBindings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "BoundChannel",
                table: "kpis",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BoundGrain",
                table: "kpis",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "BoundJourneyId",
                table: "kpis",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BoundMeasure",
                table: "kpis",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BoundToTouchpoint",
                table: "kpis",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BoundTouchpoint",
                table: "kpis",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "service_contact_settings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Touchpoints = table.Column<string>(type: "TEXT", nullable: false),
                    Channels = table.Column<string>(type: "TEXT", nullable: false),
                    ResolvedOutcomes = table.Column<string>(type: "TEXT", nullable: false),
                    UnresolvedOutcomes = table.Column<string>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_service_contact_settings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_service_contact_settings_workspaces_WorkspaceId",
                        column: x => x.WorkspaceId,
                        principalTable: "workspaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_service_contact_settings_WorkspaceId",
                table: "service_contact_settings",
                column: "WorkspaceId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "service_contact_settings");

            migrationBuilder.DropColumn(
                name: "BoundChannel",
                table: "kpis");

            migrationBuilder.DropColumn(
                name: "BoundGrain",
                table: "kpis");

            migrationBuilder.DropColumn(
                name: "BoundJourneyId",
                table: "kpis");

            migrationBuilder.DropColumn(
                name: "BoundMeasure",
                table: "kpis");

            migrationBuilder.DropColumn(
                name: "BoundToTouchpoint",
                table: "kpis");

            migrationBuilder.DropColumn(
                name: "BoundTouchpoint",
                table: "kpis");
        }
    }
}
