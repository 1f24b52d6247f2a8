using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Consultation.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReviewRows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "FactsComputedAtUtc",
                table: "Items",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsTracked",
                table: "Commitments",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "ReviewCommitments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    DueAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Done = table.Column<bool>(type: "INTEGER", nullable: false),
                    ItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    SessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ReceivedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    IsUrgent = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsTroublesome = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsDifficult = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsKey = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsLongOverdue = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewCommitments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReviewDuties",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    ReceivedMonth = table.Column<int>(type: "INTEGER", nullable: true),
                    AnsweredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AnsweredMonth = table.Column<int>(type: "INTEGER", nullable: true),
                    Category = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    OnTime = table.Column<bool>(type: "INTEGER", nullable: false),
                    Contacted = table.Column<bool>(type: "INTEGER", nullable: false),
                    Latest = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    First = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ReHandlings = table.Column<int>(type: "INTEGER", nullable: false),
                    DueAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AwaitingAnswer = table.Column<bool>(type: "INTEGER", nullable: false),
                    ItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    SessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ReceivedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    IsUrgent = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsTroublesome = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsDifficult = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsKey = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsLongOverdue = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewDuties", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReviewVisits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    ItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    SessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ReceivedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    IsUrgent = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsTroublesome = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsDifficult = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsKey = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsLongOverdue = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewVisits", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewCommitments_ItemId",
                table: "ReviewCommitments",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewDuties_Figures",
                table: "ReviewDuties",
                columns: new[] { "UnitId", "SessionId", "Kind", "ReceivedAtUtc", "IsUrgent", "IsTroublesome", "IsDifficult", "IsKey", "IsLongOverdue", "AnsweredAtUtc", "Category", "OnTime", "Contacted", "Latest", "First", "ReHandlings", "DueAtUtc", "AwaitingAnswer" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewDuties_ItemId",
                table: "ReviewDuties",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewVisits_Figures",
                table: "ReviewVisits",
                columns: new[] { "UnitId", "State", "Method", "SessionId", "Kind", "ReceivedAtUtc", "IsUrgent", "IsTroublesome", "IsDifficult", "IsKey", "IsLongOverdue" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewVisits_ItemId",
                table: "ReviewVisits",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewVisits_Trend",
                table: "ReviewVisits",
                columns: new[] { "State", "Month", "UnitId", "SessionId", "Kind", "ReceivedAtUtc", "IsUrgent", "IsTroublesome", "IsDifficult", "IsKey", "IsLongOverdue" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReviewCommitments");

            migrationBuilder.DropTable(
                name: "ReviewDuties");

            migrationBuilder.DropTable(
                name: "ReviewVisits");

            migrationBuilder.DropColumn(
                name: "FactsComputedAtUtc",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "IsTracked",
                table: "Commitments");
        }
    }
}
