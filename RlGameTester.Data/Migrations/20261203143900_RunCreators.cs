using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RlGameTester.Data.Migrations
{
    /// <inheritdoc />
    public partial class RunCreators : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "created_by",
                table: "runs",
                type: "character varying(160)",
                maxLength: 160,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_runs_created_by_status",
                table: "runs",
                columns: new[] { "created_by", "status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_runs_created_by_status",
                table: "runs");

            migrationBuilder.DropColumn(
                name: "created_by",
                table: "runs");
        }
    }
}
