using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waymark.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Issue9Pages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PictureTag",
                table: "personas",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PictureType",
                table: "personas",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "ValidMaximum",
                table: "kpis",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "ValidMinimum",
                table: "kpis",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "kpi_measurements",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.CreateTable(
                name: "persona_pictures",
                columns: table => new
                {
                    PersonaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Tag = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_persona_pictures", x => x.PersonaId);
                    table.ForeignKey(
                        name: "FK_persona_pictures_personas_PersonaId",
                        column: x => x.PersonaId,
                        principalTable: "personas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_persona_pictures_WorkspaceId",
                table: "persona_pictures",
                column: "WorkspaceId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "persona_pictures");

            migrationBuilder.DropColumn(
                name: "PictureTag",
                table: "personas");

            migrationBuilder.DropColumn(
                name: "PictureType",
                table: "personas");

            migrationBuilder.DropColumn(
                name: "ValidMaximum",
                table: "kpis");

            migrationBuilder.DropColumn(
                name: "ValidMinimum",
                table: "kpis");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "kpi_measurements");
        }
    }
}
