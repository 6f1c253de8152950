using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SelfServiceBot.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ContactsTrendIndexCoversTokens : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Contacts_Trend",
                table: "Contacts");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_Trend",
                table: "Contacts",
                columns: new[] { "StartedDay", "Outcome", "Recontacted", "StartedAt", "LlmInputTokens", "LlmOutputTokens" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Contacts_Trend",
                table: "Contacts");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_Trend",
                table: "Contacts",
                columns: new[] { "StartedDay", "Outcome", "Recontacted", "StartedAt" });
        }
    }
}
