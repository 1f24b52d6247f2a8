using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Consultation.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class AttachmentPurpose : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Purpose",
                table: "Attachments",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "Item");

            migrationBuilder.AddColumn<int>(
                name: "UnitId",
                table: "Attachments",
                type: "int",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Attachments_StorageKey",
                table: "Attachments",
                column: "StorageKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Attachments_UnitId",
                table: "Attachments",
                column: "UnitId");

            migrationBuilder.AddForeignKey(
                name: "FK_Attachments_Units_UnitId",
                table: "Attachments",
                column: "UnitId",
                principalTable: "Units",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Attachments_Units_UnitId",
                table: "Attachments");

            migrationBuilder.DropIndex(
                name: "IX_Attachments_StorageKey",
                table: "Attachments");

            migrationBuilder.DropIndex(
                name: "IX_Attachments_UnitId",
                table: "Attachments");

            migrationBuilder.DropColumn(
                name: "Purpose",
                table: "Attachments");

            migrationBuilder.DropColumn(
                name: "UnitId",
                table: "Attachments");
        }
    }
}
