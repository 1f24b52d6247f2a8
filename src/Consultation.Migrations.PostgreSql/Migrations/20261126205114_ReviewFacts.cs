using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Consultation.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ReviewFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "FactsComputedAtUtc",
                table: "Items",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LatestVerdict",
                table: "Items",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReHandlingCount",
                table: "Items",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "IsTracked",
                table: "Commitments",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "AnsweredOnTime",
                table: "Assignments",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "ContactedBeforeAnswer",
                table: "Assignments",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "FirstAnsweredAtUtc",
                table: "Assignments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FirstCategory",
                table: "Assignments",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FirstVerdict",
                table: "Assignments",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FactsComputedAtUtc",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "LatestVerdict",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "ReHandlingCount",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "IsTracked",
                table: "Commitments");

            migrationBuilder.DropColumn(
                name: "AnsweredOnTime",
                table: "Assignments");

            migrationBuilder.DropColumn(
                name: "ContactedBeforeAnswer",
                table: "Assignments");

            migrationBuilder.DropColumn(
                name: "FirstAnsweredAtUtc",
                table: "Assignments");

            migrationBuilder.DropColumn(
                name: "FirstCategory",
                table: "Assignments");

            migrationBuilder.DropColumn(
                name: "FirstVerdict",
                table: "Assignments");
        }
    }
}
