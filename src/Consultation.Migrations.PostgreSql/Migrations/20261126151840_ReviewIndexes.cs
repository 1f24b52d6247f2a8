using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Consultation.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ReviewIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Visits_LeadUnitId",
                table: "Visits");

            migrationBuilder.DropIndex(
                name: "IX_ExtensionRequests_AssignmentId",
                table: "ExtensionRequests");

            migrationBuilder.DropIndex(
                name: "IX_Evaluations_ItemId",
                table: "Evaluations");

            migrationBuilder.DropIndex(
                name: "IX_Commitments_OwnerUnitId",
                table: "Commitments");

            migrationBuilder.DropIndex(
                name: "IX_Assignments_ItemId",
                table: "Assignments");

            migrationBuilder.CreateIndex(
                name: "IX_Visits_ItemId_State_StartUtc",
                table: "Visits",
                columns: new[] { "ItemId", "State", "StartUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Visits_LeadUnitId_State_Method",
                table: "Visits",
                columns: new[] { "LeadUnitId", "State", "Method" });

            migrationBuilder.CreateIndex(
                name: "IX_Responses_ItemId_UnitId_AnsweredAtUtc",
                table: "Responses",
                columns: new[] { "ItemId", "UnitId", "AnsweredAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Items_SessionId_SubmittedAtUtc",
                table: "Items",
                columns: new[] { "SessionId", "SubmittedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ExtensionRequests_AssignmentId_State_RequestedDueAtUtc",
                table: "ExtensionRequests",
                columns: new[] { "AssignmentId", "State", "RequestedDueAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Evaluations_ItemId_EvaluatedAtUtc",
                table: "Evaluations",
                columns: new[] { "ItemId", "EvaluatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_OwnerUnitId_DoneAtUtc_DueAtUtc",
                table: "Commitments",
                columns: new[] { "OwnerUnitId", "DoneAtUtc", "DueAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_ItemId_State_Role_UnitId",
                table: "Assignments",
                columns: new[] { "ItemId", "State", "Role", "UnitId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Visits_ItemId_State_StartUtc",
                table: "Visits");

            migrationBuilder.DropIndex(
                name: "IX_Visits_LeadUnitId_State_Method",
                table: "Visits");

            migrationBuilder.DropIndex(
                name: "IX_Responses_ItemId_UnitId_AnsweredAtUtc",
                table: "Responses");

            migrationBuilder.DropIndex(
                name: "IX_Items_SessionId_SubmittedAtUtc",
                table: "Items");

            migrationBuilder.DropIndex(
                name: "IX_ExtensionRequests_AssignmentId_State_RequestedDueAtUtc",
                table: "ExtensionRequests");

            migrationBuilder.DropIndex(
                name: "IX_Evaluations_ItemId_EvaluatedAtUtc",
                table: "Evaluations");

            migrationBuilder.DropIndex(
                name: "IX_Commitments_OwnerUnitId_DoneAtUtc_DueAtUtc",
                table: "Commitments");

            migrationBuilder.DropIndex(
                name: "IX_Assignments_ItemId_State_Role_UnitId",
                table: "Assignments");

            migrationBuilder.CreateIndex(
                name: "IX_Visits_LeadUnitId",
                table: "Visits",
                column: "LeadUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_ExtensionRequests_AssignmentId",
                table: "ExtensionRequests",
                column: "AssignmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Evaluations_ItemId",
                table: "Evaluations",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_OwnerUnitId",
                table: "Commitments",
                column: "OwnerUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_ItemId",
                table: "Assignments",
                column: "ItemId");
        }
    }
}
