using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Consultation.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class VisitRecordLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ConfirmedById",
                table: "VisitRecords",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SubmittedAtUtc",
                table: "VisitRecords",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CopiedFromId",
                table: "Commitments",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DoneById",
                table: "Commitments",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "WithdrawnAtUtc",
                table: "Commitments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_VisitRecords_ConfirmedById",
                table: "VisitRecords",
                column: "ConfirmedById");

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_CopiedFromId",
                table: "Commitments",
                column: "CopiedFromId");

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_DoneById",
                table: "Commitments",
                column: "DoneById");

            migrationBuilder.AddForeignKey(
                name: "FK_Commitments_AspNetUsers_DoneById",
                table: "Commitments",
                column: "DoneById",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Commitments_Commitments_CopiedFromId",
                table: "Commitments",
                column: "CopiedFromId",
                principalTable: "Commitments",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_VisitRecords_AspNetUsers_ConfirmedById",
                table: "VisitRecords",
                column: "ConfirmedById",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Commitments_AspNetUsers_DoneById",
                table: "Commitments");

            migrationBuilder.DropForeignKey(
                name: "FK_Commitments_Commitments_CopiedFromId",
                table: "Commitments");

            migrationBuilder.DropForeignKey(
                name: "FK_VisitRecords_AspNetUsers_ConfirmedById",
                table: "VisitRecords");

            migrationBuilder.DropIndex(
                name: "IX_VisitRecords_ConfirmedById",
                table: "VisitRecords");

            migrationBuilder.DropIndex(
                name: "IX_Commitments_CopiedFromId",
                table: "Commitments");

            migrationBuilder.DropIndex(
                name: "IX_Commitments_DoneById",
                table: "Commitments");

            migrationBuilder.DropColumn(
                name: "ConfirmedById",
                table: "VisitRecords");

            migrationBuilder.DropColumn(
                name: "SubmittedAtUtc",
                table: "VisitRecords");

            migrationBuilder.DropColumn(
                name: "CopiedFromId",
                table: "Commitments");

            migrationBuilder.DropColumn(
                name: "DoneById",
                table: "Commitments");

            migrationBuilder.DropColumn(
                name: "WithdrawnAtUtc",
                table: "Commitments");
        }
    }
}
