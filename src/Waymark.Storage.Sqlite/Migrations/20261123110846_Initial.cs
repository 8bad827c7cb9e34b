using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waymark.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "workspaces",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workspaces", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "channels",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Reach = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: true),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_channels", x => x.Id);
                    table.ForeignKey(
                        name: "FK_channels_workspaces_WorkspaceId",
                        column: x => x.WorkspaceId,
                        principalTable: "workspaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "departments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: true),
                    Bottlenecks = table.Column<string>(type: "TEXT", nullable: false),
                    Delays = table.Column<string>(type: "TEXT", nullable: false),
                    InternalProblems = table.Column<string>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_departments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_departments_workspaces_WorkspaceId",
                        column: x => x.WorkspaceId,
                        principalTable: "workspaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "personas",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Initials = table.Column<string>(type: "TEXT", nullable: false),
                    PictureUrl = table.Column<string>(type: "TEXT", nullable: true),
                    Quote = table.Column<string>(type: "TEXT", nullable: true),
                    Description = table.Column<string>(type: "TEXT", nullable: true),
                    AgeBand = table.Column<string>(type: "TEXT", nullable: true),
                    Occupation = table.Column<string>(type: "TEXT", nullable: true),
                    IncomeBand = table.Column<string>(type: "TEXT", nullable: true),
                    Location = table.Column<string>(type: "TEXT", nullable: true),
                    Household = table.Column<string>(type: "TEXT", nullable: true),
                    Goals = table.Column<string>(type: "TEXT", nullable: false),
                    Needs = table.Column<string>(type: "TEXT", nullable: false),
                    Frustrations = table.Column<string>(type: "TEXT", nullable: false),
                    PurchasingBehaviour = table.Column<string>(type: "TEXT", nullable: true),
                    OnlineAffinity = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PreferredChannelIds = table.Column<string>(type: "TEXT", nullable: false),
                    ShareOfCustomers = table.Column<double>(type: "REAL", nullable: true),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_personas", x => x.Id);
                    table.ForeignKey(
                        name: "FK_personas_workspaces_WorkspaceId",
                        column: x => x.WorkspaceId,
                        principalTable: "workspaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "phases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: true),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_phases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_phases_workspaces_WorkspaceId",
                        column: x => x.WorkspaceId,
                        principalTable: "workspaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "people",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "TEXT", nullable: true),
                    Email = table.Column<string>(type: "TEXT", nullable: true),
                    DepartmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_people", x => x.Id);
                    table.ForeignKey(
                        name: "FK_people_departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "departments",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_people_workspaces_WorkspaceId",
                        column: x => x.WorkspaceId,
                        principalTable: "workspaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "journeys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: true),
                    Scenario = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CustomScenario = table.Column<string>(type: "TEXT", nullable: true),
                    PersonaId = table.Column<Guid>(type: "TEXT", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Lanes = table.Column<string>(type: "TEXT", nullable: false),
                    MapChangedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_journeys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_journeys_personas_PersonaId",
                        column: x => x.PersonaId,
                        principalTable: "personas",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_journeys_workspaces_WorkspaceId",
                        column: x => x.WorkspaceId,
                        principalTable: "workspaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "touchpoints",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: true),
                    Category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CustomCategory = table.Column<string>(type: "TEXT", nullable: true),
                    ChannelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PhaseIds = table.Column<string>(type: "TEXT", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Relevance = table.Column<int>(type: "INTEGER", nullable: false),
                    IsMomentOfTruth = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsPainPoint = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsBrandSuccessPoint = table.Column<bool>(type: "INTEGER", nullable: false),
                    DesignCompliance = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TonalityCompliance = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ReactionTimeCompliance = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Tags = table.Column<string>(type: "TEXT", nullable: false),
                    EventKey = table.Column<string>(type: "TEXT", nullable: true),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_touchpoints", x => x.Id);
                    table.ForeignKey(
                        name: "FK_touchpoints_channels_ChannelId",
                        column: x => x.ChannelId,
                        principalTable: "channels",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_touchpoints_departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "departments",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_touchpoints_people_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "people",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_touchpoints_workspaces_WorkspaceId",
                        column: x => x.WorkspaceId,
                        principalTable: "workspaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "stages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    JourneyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: true),
                    PhaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_stages_journeys_JourneyId",
                        column: x => x.JourneyId,
                        principalTable: "journeys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_stages_phases_PhaseId",
                        column: x => x.PhaseId,
                        principalTable: "phases",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "steps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ThoughtsAndMotivation = table.Column<string>(type: "TEXT", nullable: true),
                    Questions = table.Column<string>(type: "TEXT", nullable: true),
                    Obstacles = table.Column<string>(type: "TEXT", nullable: true),
                    Emotion = table.Column<int>(type: "INTEGER", nullable: false),
                    TouchpointIds = table.Column<string>(type: "TEXT", nullable: false),
                    BackstageDepartmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    WaitingMinutes = table.Column<int>(type: "INTEGER", nullable: true),
                    IsMomentOfTruth = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsPainPoint = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsBrandSuccessPoint = table.Column<bool>(type: "INTEGER", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_steps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_steps_departments_BackstageDepartmentId",
                        column: x => x.BackstageDepartmentId,
                        principalTable: "departments",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_steps_stages_StageId",
                        column: x => x.StageId,
                        principalTable: "stages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "evaluations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TouchpointId = table.Column<Guid>(type: "TEXT", nullable: true),
                    StepId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PersonaId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Score = table.Column<int>(type: "INTEGER", nullable: false),
                    Expectation = table.Column<string>(type: "TEXT", nullable: true),
                    Experience = table.Column<string>(type: "TEXT", nullable: true),
                    ExpectationLevel = table.Column<int>(type: "INTEGER", nullable: true),
                    ExperienceLevel = table.Column<int>(type: "INTEGER", nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    EvaluatedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Evaluator = table.Column<string>(type: "TEXT", nullable: true),
                    Comment = table.Column<string>(type: "TEXT", nullable: true),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_evaluations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_evaluations_personas_PersonaId",
                        column: x => x.PersonaId,
                        principalTable: "personas",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_evaluations_steps_StepId",
                        column: x => x.StepId,
                        principalTable: "steps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_evaluations_touchpoints_TouchpointId",
                        column: x => x.TouchpointId,
                        principalTable: "touchpoints",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_evaluations_workspaces_WorkspaceId",
                        column: x => x.WorkspaceId,
                        principalTable: "workspaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "kpis",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: true),
                    Unit = table.Column<string>(type: "TEXT", nullable: false),
                    Direction = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Target = table.Column<double>(type: "REAL", nullable: true),
                    BestInClass = table.Column<double>(type: "REAL", nullable: true),
                    TouchpointId = table.Column<Guid>(type: "TEXT", nullable: true),
                    StepId = table.Column<Guid>(type: "TEXT", nullable: true),
                    JourneyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ChannelId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ComputedFrom = table.Column<string>(type: "TEXT", nullable: true),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_kpis", x => x.Id);
                    table.ForeignKey(
                        name: "FK_kpis_channels_ChannelId",
                        column: x => x.ChannelId,
                        principalTable: "channels",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_kpis_journeys_JourneyId",
                        column: x => x.JourneyId,
                        principalTable: "journeys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_kpis_steps_StepId",
                        column: x => x.StepId,
                        principalTable: "steps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_kpis_touchpoints_TouchpointId",
                        column: x => x.TouchpointId,
                        principalTable: "touchpoints",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_kpis_workspaces_WorkspaceId",
                        column: x => x.WorkspaceId,
                        principalTable: "workspaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "improvements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: true),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Priority = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Impact = table.Column<int>(type: "INTEGER", nullable: true),
                    Effort = table.Column<int>(type: "INTEGER", nullable: true),
                    TouchpointId = table.Column<Guid>(type: "TEXT", nullable: true),
                    JourneyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    StepId = table.Column<Guid>(type: "TEXT", nullable: true),
                    KpiId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PersonaId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_improvements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_improvements_journeys_JourneyId",
                        column: x => x.JourneyId,
                        principalTable: "journeys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_improvements_kpis_KpiId",
                        column: x => x.KpiId,
                        principalTable: "kpis",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_improvements_people_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "people",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_improvements_personas_PersonaId",
                        column: x => x.PersonaId,
                        principalTable: "personas",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_improvements_steps_StepId",
                        column: x => x.StepId,
                        principalTable: "steps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_improvements_touchpoints_TouchpointId",
                        column: x => x.TouchpointId,
                        principalTable: "touchpoints",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_improvements_workspaces_WorkspaceId",
                        column: x => x.WorkspaceId,
                        principalTable: "workspaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "kpi_measurements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    KpiId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Value = table.Column<double>(type: "REAL", nullable: false),
                    MeasuredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Note = table.Column<string>(type: "TEXT", nullable: true),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_kpi_measurements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_kpi_measurements_kpis_KpiId",
                        column: x => x.KpiId,
                        principalTable: "kpis",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_kpi_measurements_workspaces_WorkspaceId",
                        column: x => x.WorkspaceId,
                        principalTable: "workspaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_channels_WorkspaceId",
                table: "channels",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_departments_WorkspaceId",
                table: "departments",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_evaluations_PersonaId",
                table: "evaluations",
                column: "PersonaId");

            migrationBuilder.CreateIndex(
                name: "IX_evaluations_StepId",
                table: "evaluations",
                column: "StepId");

            migrationBuilder.CreateIndex(
                name: "IX_evaluations_TouchpointId_EvaluatedOn",
                table: "evaluations",
                columns: new[] { "TouchpointId", "EvaluatedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_evaluations_WorkspaceId",
                table: "evaluations",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_improvements_JourneyId",
                table: "improvements",
                column: "JourneyId");

            migrationBuilder.CreateIndex(
                name: "IX_improvements_KpiId",
                table: "improvements",
                column: "KpiId");

            migrationBuilder.CreateIndex(
                name: "IX_improvements_OwnerId",
                table: "improvements",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_improvements_PersonaId",
                table: "improvements",
                column: "PersonaId");

            migrationBuilder.CreateIndex(
                name: "IX_improvements_StepId",
                table: "improvements",
                column: "StepId");

            migrationBuilder.CreateIndex(
                name: "IX_improvements_TouchpointId",
                table: "improvements",
                column: "TouchpointId");

            migrationBuilder.CreateIndex(
                name: "IX_improvements_WorkspaceId",
                table: "improvements",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_improvements_WorkspaceId_Kind_Status",
                table: "improvements",
                columns: new[] { "WorkspaceId", "Kind", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_journeys_PersonaId",
                table: "journeys",
                column: "PersonaId");

            migrationBuilder.CreateIndex(
                name: "IX_journeys_WorkspaceId",
                table: "journeys",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_kpi_measurements_KpiId_MeasuredAt",
                table: "kpi_measurements",
                columns: new[] { "KpiId", "MeasuredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_kpi_measurements_WorkspaceId",
                table: "kpi_measurements",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_kpis_ChannelId",
                table: "kpis",
                column: "ChannelId");

            migrationBuilder.CreateIndex(
                name: "IX_kpis_JourneyId",
                table: "kpis",
                column: "JourneyId");

            migrationBuilder.CreateIndex(
                name: "IX_kpis_StepId",
                table: "kpis",
                column: "StepId");

            migrationBuilder.CreateIndex(
                name: "IX_kpis_TouchpointId",
                table: "kpis",
                column: "TouchpointId");

            migrationBuilder.CreateIndex(
                name: "IX_kpis_WorkspaceId",
                table: "kpis",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_people_DepartmentId",
                table: "people",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_people_WorkspaceId",
                table: "people",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_personas_WorkspaceId",
                table: "personas",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_phases_WorkspaceId",
                table: "phases",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_stages_JourneyId",
                table: "stages",
                column: "JourneyId");

            migrationBuilder.CreateIndex(
                name: "IX_stages_PhaseId",
                table: "stages",
                column: "PhaseId");

            migrationBuilder.CreateIndex(
                name: "IX_steps_BackstageDepartmentId",
                table: "steps",
                column: "BackstageDepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_steps_StageId",
                table: "steps",
                column: "StageId");

            migrationBuilder.CreateIndex(
                name: "IX_touchpoints_ChannelId",
                table: "touchpoints",
                column: "ChannelId");

            migrationBuilder.CreateIndex(
                name: "IX_touchpoints_DepartmentId",
                table: "touchpoints",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_touchpoints_OwnerId",
                table: "touchpoints",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_touchpoints_WorkspaceId",
                table: "touchpoints",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_touchpoints_WorkspaceId_EventKey",
                table: "touchpoints",
                columns: new[] { "WorkspaceId", "EventKey" });

            migrationBuilder.CreateIndex(
                name: "IX_workspaces_Key",
                table: "workspaces",
                column: "Key",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "evaluations");

            migrationBuilder.DropTable(
                name: "improvements");

            migrationBuilder.DropTable(
                name: "kpi_measurements");

            migrationBuilder.DropTable(
                name: "kpis");

            migrationBuilder.DropTable(
                name: "steps");

            migrationBuilder.DropTable(
                name: "touchpoints");

            migrationBuilder.DropTable(
                name: "stages");

            migrationBuilder.DropTable(
                name: "channels");

            migrationBuilder.DropTable(
                name: "people");

            migrationBuilder.DropTable(
                name: "journeys");

            migrationBuilder.DropTable(
                name: "phases");

            migrationBuilder.DropTable(
                name: "departments");

            migrationBuilder.DropTable(
                name: "personas");

            migrationBuilder.DropTable(
                name: "workspaces");
        }
    }
}
