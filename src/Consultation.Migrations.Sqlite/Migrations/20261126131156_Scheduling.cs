using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Consultation.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Scheduling : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Attempts",
                table: "SentEffects",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Channel",
                table: "SentEffects",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "LastError",
                table: "SentEffects",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Payload",
                table: "SentEffects",
                type: "TEXT",
                maxLength: 64000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "NotifyByEmail",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "NotifyBySms",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "NotificationPolicy",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    RequireSmsForReminders = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NotificationPolicy", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ScheduledJobs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    VisitId = table.Column<int>(type: "INTEGER", nullable: true),
                    ItemId = table.Column<int>(type: "INTEGER", nullable: true),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    DueAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    HangfireJobId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ScheduledAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CompletedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScheduledJobs", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SentEffects_DeliveredAtUtc",
                table: "SentEffects",
                column: "DeliveredAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_ScheduledJobs_CompletedAtUtc",
                table: "ScheduledJobs",
                column: "CompletedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_ScheduledJobs_Key",
                table: "ScheduledJobs",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScheduledJobs_VisitId",
                table: "ScheduledJobs",
                column: "VisitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NotificationPolicy");

            migrationBuilder.DropTable(
                name: "ScheduledJobs");

            migrationBuilder.DropIndex(
                name: "IX_SentEffects_DeliveredAtUtc",
                table: "SentEffects");

            migrationBuilder.DropColumn(
                name: "Attempts",
                table: "SentEffects");

            migrationBuilder.DropColumn(
                name: "Channel",
                table: "SentEffects");

            migrationBuilder.DropColumn(
                name: "LastError",
                table: "SentEffects");

            migrationBuilder.DropColumn(
                name: "Payload",
                table: "SentEffects");

            migrationBuilder.DropColumn(
                name: "NotifyByEmail",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "NotifyBySms",
                table: "AspNetUsers");
        }
    }
}
