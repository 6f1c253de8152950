using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SelfServiceBot.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AppSecrets",
                columns: table => new
                {
                    Name = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AppSecrets", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "ContactProjections",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    LastEventId = table.Column<long>(type: "bigint", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactProjections", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "Contacts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ContactKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CustomerId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ChannelId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ConversationId = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    Locale = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    StartedDay = table.Column<int>(type: "integer", nullable: false),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastActivityAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    IsOpen = table.Column<bool>(type: "boolean", nullable: false),
                    Category = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    ArticleId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    ArticlesShown = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Confidence = table.Column<int>(type: "integer", nullable: true),
                    HasCustomerMessage = table.Column<bool>(type: "boolean", nullable: false),
                    AnswerShown = table.Column<bool>(type: "boolean", nullable: false),
                    HelpfulFeedback = table.Column<bool>(type: "boolean", nullable: false),
                    UnhelpfulFeedback = table.Column<bool>(type: "boolean", nullable: false),
                    HandoffPending = table.Column<bool>(type: "boolean", nullable: false),
                    HandoffReference = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    EscalationReason = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    HandleMilliseconds = table.Column<long>(type: "bigint", nullable: true),
                    Csat = table.Column<int>(type: "integer", nullable: true),
                    LlmInputTokens = table.Column<long>(type: "bigint", nullable: false),
                    LlmOutputTokens = table.Column<long>(type: "bigint", nullable: false),
                    RecontactWindowStart = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RecontactWindowEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Recontacted = table.Column<bool>(type: "boolean", nullable: false),
                    Question = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    QuestionKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Contacts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ConversationEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IdempotencyKey = table.Column<string>(type: "character varying(700)", maxLength: 700, nullable: false),
                    ChannelId = table.Column<string>(type: "text", nullable: false),
                    ConversationId = table.Column<string>(type: "text", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: true),
                    Type = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Locale = table.Column<string>(type: "text", nullable: true),
                    ArticleId = table.Column<string>(type: "text", nullable: true),
                    Confidence = table.Column<int>(type: "integer", nullable: true),
                    Reason = table.Column<string>(type: "text", nullable: true),
                    Text = table.Column<string>(type: "text", nullable: true),
                    DataJson = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConversationEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ConversationReferences",
                columns: table => new
                {
                    ConversationKey = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: false),
                    ChannelId = table.Column<string>(type: "text", nullable: false),
                    ServiceUrl = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    Json = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConversationReferences", x => x.ConversationKey);
                });

            migrationBuilder.CreateTable(
                name: "ConversationStates",
                columns: table => new
                {
                    ConversationKey = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: false),
                    Json = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConversationStates", x => x.ConversationKey);
                });

            migrationBuilder.CreateTable(
                name: "CostModelVersions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ValidFrom = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ModelJson = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CostModelVersions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DirectLineActivities",
                columns: table => new
                {
                    ConversationId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    Type = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Json = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectLineActivities", x => new { x.ConversationId, x.Sequence });
                });

            migrationBuilder.CreateTable(
                name: "DirectLineConversations",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: true),
                    Locale = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastSequence = table.Column<long>(type: "bigint", nullable: false),
                    Ended = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectLineConversations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HandoffRequests",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Reference = table.Column<string>(type: "text", nullable: false),
                    ChannelId = table.Column<string>(type: "text", nullable: false),
                    ConversationId = table.Column<string>(type: "text", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: true),
                    Locale = table.Column<string>(type: "text", nullable: true),
                    Reason = table.Column<string>(type: "text", nullable: false),
                    LastCustomerText = table.Column<string>(type: "text", nullable: true),
                    TranscriptJson = table.Column<string>(type: "text", nullable: true),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HandoffRequests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProcessedActivities",
                columns: table => new
                {
                    ChannelId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ConversationId = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    ActivityId = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    ClaimedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcessedActivities", x => new { x.ChannelId, x.ConversationId, x.ActivityId });
                });

            migrationBuilder.InsertData(
                table: "ContactProjections",
                columns: new[] { "Name", "LastEventId", "UpdatedAt", "Version" },
                values: new object[] { "contacts", 0L, null, 0L });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_ChannelId_ConversationId_IsOpen",
                table: "Contacts",
                columns: new[] { "ChannelId", "ConversationId", "IsOpen" });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_CustomerId_StartedAt",
                table: "Contacts",
                columns: new[] { "CustomerId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_IsOpen_LastActivityAt",
                table: "Contacts",
                columns: new[] { "IsOpen", "LastActivityAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_RecontactWindowStart",
                table: "Contacts",
                column: "RecontactWindowStart");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_Report",
                table: "Contacts",
                columns: new[] { "Outcome", "ChannelId", "Locale", "Category", "ArticleId", "EscalationReason", "Recontacted", "StartedAt", "HandleMilliseconds", "Csat", "LlmInputTokens", "LlmOutputTokens" });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_Source_ContactKey",
                table: "Contacts",
                columns: new[] { "Source", "ContactKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_StartedAt",
                table: "Contacts",
                column: "StartedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_Trend",
                table: "Contacts",
                columns: new[] { "StartedDay", "Outcome", "Recontacted", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ConversationEvents_ChannelId_ConversationId_OccurredAt",
                table: "ConversationEvents",
                columns: new[] { "ChannelId", "ConversationId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ConversationEvents_IdempotencyKey",
                table: "ConversationEvents",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConversationReferences_ServiceUrl",
                table: "ConversationReferences",
                column: "ServiceUrl");

            migrationBuilder.CreateIndex(
                name: "IX_CostModelVersions_ValidFrom",
                table: "CostModelVersions",
                column: "ValidFrom");

            migrationBuilder.CreateIndex(
                name: "IX_HandoffRequests_ChannelId_ConversationId",
                table: "HandoffRequests",
                columns: new[] { "ChannelId", "ConversationId" });

            migrationBuilder.CreateIndex(
                name: "IX_HandoffRequests_Reference",
                table: "HandoffRequests",
                column: "Reference",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AppSecrets");

            migrationBuilder.DropTable(
                name: "ContactProjections");

            migrationBuilder.DropTable(
                name: "Contacts");

            migrationBuilder.DropTable(
                name: "ConversationEvents");

            migrationBuilder.DropTable(
                name: "ConversationReferences");

            migrationBuilder.DropTable(
                name: "ConversationStates");

            migrationBuilder.DropTable(
                name: "CostModelVersions");

            migrationBuilder.DropTable(
                name: "DirectLineActivities");

            migrationBuilder.DropTable(
                name: "DirectLineConversations");

            migrationBuilder.DropTable(
                name: "HandoffRequests");

            migrationBuilder.DropTable(
                name: "ProcessedActivities");
        }
    }
}
