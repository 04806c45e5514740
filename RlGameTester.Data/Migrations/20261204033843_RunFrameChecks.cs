using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RlGameTester.Data.Migrations
{
    /// <inheritdoc />
    public partial class RunFrameChecks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "frame_findings",
                table: "runs",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "frames_checked",
                table: "runs",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "frames_checked_at",
                table: "runs",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "frame_findings",
                table: "runs");

            migrationBuilder.DropColumn(
                name: "frames_checked",
                table: "runs");

            migrationBuilder.DropColumn(
                name: "frames_checked_at",
                table: "runs");
        }
    }
}
