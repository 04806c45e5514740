using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RlGameTester.Data.Migrations
{
    /// <inheritdoc />
    public partial class ExitAssumptions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "exit_assumptions",
                table: "metrics",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "exit_assumptions",
                table: "metrics");
        }
    }
}
