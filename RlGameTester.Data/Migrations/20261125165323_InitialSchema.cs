using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace RlGameTester.Data.Migrations
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "maps",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    level_name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    file_path = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    file_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    blob_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    file_size = table.Column<long>(type: "bigint", nullable: true),
                    scenario = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    metadata = table.Column<string>(type: "jsonb", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_maps", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "runs",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    map_id = table.Column<long>(type: "bigint", nullable: false),
                    run_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    agent = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    agent_model = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    scenario = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    seed = table.Column<int>(type: "integer", nullable: true),
                    config = table.Column<string>(type: "jsonb", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    started_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    completed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    total_episodes = table.Column<int>(type: "integer", nullable: true),
                    total_iterations = table.Column<int>(type: "integer", nullable: true),
                    log_path = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    error_message = table.Column<string>(type: "text", nullable: true),
                    attempt = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_runs", x => x.id);
                    table.ForeignKey(
                        name: "fk_runs_maps_map_id",
                        column: x => x.map_id,
                        principalTable: "maps",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "bugs",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    run_id = table.Column<long>(type: "bigint", nullable: true),
                    map_id = table.Column<long>(type: "bigint", nullable: false),
                    bug_type = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: false),
                    severity = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    detection_source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    check_name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    title = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    description = table.Column<string>(type: "text", nullable: true),
                    timestamp = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    frame = table.Column<int>(type: "integer", nullable: true),
                    episode = table.Column<int>(type: "integer", nullable: true),
                    confidence = table.Column<double>(type: "double precision", nullable: true),
                    position_x = table.Column<double>(type: "double precision", nullable: true),
                    position_y = table.Column<double>(type: "double precision", nullable: true),
                    element_kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    element_index = table.Column<int>(type: "integer", nullable: true),
                    screenshot_path = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    video_clip_path = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    data = table.Column<string>(type: "jsonb", nullable: true),
                    detected_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bugs", x => x.id);
                    table.ForeignKey(
                        name: "fk_bugs_maps_map_id",
                        column: x => x.map_id,
                        principalTable: "maps",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_bugs_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "events",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    run_id = table.Column<long>(type: "bigint", nullable: false),
                    seq = table.Column<long>(type: "bigint", nullable: true),
                    event_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    timestamp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    iteration = table.Column<int>(type: "integer", nullable: true),
                    episode = table.Column<int>(type: "integer", nullable: true),
                    frame = table.Column<int>(type: "integer", nullable: true),
                    data = table.Column<string>(type: "jsonb", nullable: true),
                    raw_log = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_events_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "metrics",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    run_id = table.Column<long>(type: "bigint", nullable: false),
                    episodes = table.Column<int>(type: "integer", nullable: false),
                    total_kills = table.Column<int>(type: "integer", nullable: false),
                    total_deaths = table.Column<int>(type: "integer", nullable: false),
                    avg_kills_per_episode = table.Column<double>(type: "double precision", nullable: true),
                    min_kills = table.Column<int>(type: "integer", nullable: true),
                    max_kills = table.Column<int>(type: "integer", nullable: true),
                    avg_health = table.Column<double>(type: "double precision", nullable: true),
                    min_health = table.Column<int>(type: "integer", nullable: true),
                    total_damage_taken = table.Column<int>(type: "integer", nullable: true),
                    avg_episode_duration = table.Column<double>(type: "double precision", nullable: true),
                    total_duration = table.Column<double>(type: "double precision", nullable: true),
                    stuck_count = table.Column<int>(type: "integer", nullable: false),
                    final_loss = table.Column<double>(type: "double precision", nullable: true),
                    avg_loss = table.Column<double>(type: "double precision", nullable: true),
                    hardness_score = table.Column<double>(type: "double precision", nullable: false),
                    hardness_band = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    hardness_factors = table.Column<string>(type: "jsonb", nullable: true),
                    solvability = table.Column<bool>(type: "boolean", nullable: true),
                    coverage_reachable = table.Column<double>(type: "double precision", nullable: true),
                    coverage_visited = table.Column<double>(type: "double precision", nullable: true),
                    time_to_exit = table.Column<double>(type: "double precision", nullable: true),
                    calculated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_metrics", x => x.id);
                    table.ForeignKey(
                        name: "fk_metrics_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_bugs_bug_type",
                table: "bugs",
                column: "bug_type");

            migrationBuilder.CreateIndex(
                name: "ix_bugs_map_id_detection_source",
                table: "bugs",
                columns: new[] { "map_id", "detection_source" });

            migrationBuilder.CreateIndex(
                name: "ix_bugs_run_id",
                table: "bugs",
                column: "run_id");

            migrationBuilder.CreateIndex(
                name: "ix_bugs_severity_id",
                table: "bugs",
                columns: new[] { "severity", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_events_run_id_episode",
                table: "events",
                columns: new[] { "run_id", "episode" });

            migrationBuilder.CreateIndex(
                name: "ix_events_run_id_event_type",
                table: "events",
                columns: new[] { "run_id", "event_type" });

            migrationBuilder.CreateIndex(
                name: "ix_events_run_id_id",
                table: "events",
                columns: new[] { "run_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_events_run_id_seq",
                table: "events",
                columns: new[] { "run_id", "seq" },
                unique: true,
                filter: "seq IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_events_run_id_timestamp",
                table: "events",
                columns: new[] { "run_id", "timestamp" });

            migrationBuilder.CreateIndex(
                name: "ix_maps_file_hash_level_name",
                table: "maps",
                columns: new[] { "file_hash", "level_name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_maps_name",
                table: "maps",
                column: "name");

            migrationBuilder.CreateIndex(
                name: "ix_maps_scenario",
                table: "maps",
                column: "scenario");

            migrationBuilder.CreateIndex(
                name: "ix_metrics_hardness_score",
                table: "metrics",
                column: "hardness_score");

            migrationBuilder.CreateIndex(
                name: "ix_metrics_run_id",
                table: "metrics",
                column: "run_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_runs_map_id",
                table: "runs",
                column: "map_id");

            migrationBuilder.CreateIndex(
                name: "ix_runs_status_created_at",
                table: "runs",
                columns: new[] { "status", "created_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "bugs");

            migrationBuilder.DropTable(
                name: "events");

            migrationBuilder.DropTable(
                name: "metrics");

            migrationBuilder.DropTable(
                name: "runs");

            migrationBuilder.DropTable(
                name: "maps");
        }
    }
}
