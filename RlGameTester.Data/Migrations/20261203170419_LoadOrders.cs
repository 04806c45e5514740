using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RlGameTester.Data.Migrations
{
    /// <inheritdoc />
    public partial class LoadOrders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_maps_file_hash_level_name",
                table: "maps");

            migrationBuilder.AddColumn<string>(
                name: "compatibility",
                table: "maps",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "iwad",
                table: "maps",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "load_hash",
                table: "maps",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "resources",
                table: "maps",
                type: "character varying(4160)",
                maxLength: 4160,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_maps_file_hash_level_name_load_hash",
                table: "maps",
                columns: new[] { "file_hash", "level_name", "load_hash" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_maps_file_hash_level_name_load_hash",
                table: "maps");

            migrationBuilder.DropColumn(
                name: "compatibility",
                table: "maps");

            migrationBuilder.DropColumn(
                name: "iwad",
                table: "maps");

            migrationBuilder.DropColumn(
                name: "load_hash",
                table: "maps");

            migrationBuilder.DropColumn(
                name: "resources",
                table: "maps");

            migrationBuilder.CreateIndex(
                name: "ix_maps_file_hash_level_name",
                table: "maps",
                columns: new[] { "file_hash", "level_name" },
                unique: true);
        }
    }
}
