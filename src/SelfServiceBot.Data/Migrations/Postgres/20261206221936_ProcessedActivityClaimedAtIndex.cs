using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SelfServiceBot.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ProcessedActivityClaimedAtIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_ProcessedActivities_ClaimedAt",
                table: "ProcessedActivities",
                column: "ClaimedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ProcessedActivities_ClaimedAt",
                table: "ProcessedActivities");
        }
    }
}
