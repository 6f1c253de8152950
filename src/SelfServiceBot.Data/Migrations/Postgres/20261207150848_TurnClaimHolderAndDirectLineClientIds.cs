using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SelfServiceBot.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TurnClaimHolderAndDirectLineClientIds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ClaimToken",
                table: "ProcessedActivities",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RepliedAt",
                table: "ProcessedActivities",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClientActivityId",
                table: "DirectLineActivities",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_DirectLineActivities_ConversationId_ClientActivityId",
                table: "DirectLineActivities",
                columns: new[] { "ConversationId", "ClientActivityId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DirectLineActivities_ConversationId_ClientActivityId",
                table: "DirectLineActivities");

            migrationBuilder.DropColumn(
                name: "ClaimToken",
                table: "ProcessedActivities");

            migrationBuilder.DropColumn(
                name: "RepliedAt",
                table: "ProcessedActivities");

            migrationBuilder.DropColumn(
                name: "ClientActivityId",
                table: "DirectLineActivities");
        }
    }
}
