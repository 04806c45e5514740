using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RlGameTester.Data.Migrations
{
    /// <inheritdoc />
    public partial class Triage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "triage_carried_from_bug_id",
                table: "bugs",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "triage_marked_at",
                table: "bugs",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "triage_marked_by",
                table: "bugs",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "triage_note",
                table: "bugs",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "triage_status",
                table: "bugs",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "triage_carried_from_bug_id",
                table: "bugs");

            migrationBuilder.DropColumn(
                name: "triage_marked_at",
                table: "bugs");

            migrationBuilder.DropColumn(
                name: "triage_marked_by",
                table: "bugs");

            migrationBuilder.DropColumn(
                name: "triage_note",
                table: "bugs");

            migrationBuilder.DropColumn(
                name: "triage_status",
                table: "bugs");
        }
    }
}
