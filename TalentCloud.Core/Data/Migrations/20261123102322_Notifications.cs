using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TalentCloud.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class Notifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LastError",
                table: "OutboxEmails",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "NextAttemptAt",
                table: "OutboxEmails",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecipientUserId",
                table: "OutboxEmails",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TimeZoneId",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "UTC");

            migrationBuilder.CreateTable(
                name: "NotificationDigests",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    SlotUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    SlotLocal = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    NotificationId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NotificationDigests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NotificationDigests_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PendingDigestItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    ProfileId = table.Column<int>(type: "INTEGER", nullable: false),
                    CloudId = table.Column<int>(type: "INTEGER", nullable: false),
                    JobId = table.Column<int>(type: "INTEGER", nullable: false),
                    JobTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PostedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClaimedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DigestId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PendingDigestItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PendingDigestItems_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PendingDigestItems_Clouds_CloudId",
                        column: x => x.CloudId,
                        principalTable: "Clouds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NotificationDigestSections",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DigestId = table.Column<long>(type: "INTEGER", nullable: false),
                    NotificationId = table.Column<long>(type: "INTEGER", nullable: true),
                    CloudId = table.Column<int>(type: "INTEGER", nullable: false),
                    JobCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NotificationDigestSections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NotificationDigestSections_Clouds_CloudId",
                        column: x => x.CloudId,
                        principalTable: "Clouds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_NotificationDigestSections_NotificationDigests_DigestId",
                        column: x => x.DigestId,
                        principalTable: "NotificationDigests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_NotificationDigests_UserId_SlotUtc",
                table: "NotificationDigests",
                columns: new[] { "UserId", "SlotUtc" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NotificationDigestSections_CloudId",
                table: "NotificationDigestSections",
                column: "CloudId");

            migrationBuilder.CreateIndex(
                name: "IX_NotificationDigestSections_DigestId",
                table: "NotificationDigestSections",
                column: "DigestId");

            migrationBuilder.CreateIndex(
                name: "IX_NotificationDigestSections_NotificationId_CloudId",
                table: "NotificationDigestSections",
                columns: new[] { "NotificationId", "CloudId" });

            migrationBuilder.CreateIndex(
                name: "IX_PendingDigestItems_ClaimedAt_UserId",
                table: "PendingDigestItems",
                columns: new[] { "ClaimedAt", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_PendingDigestItems_CloudId",
                table: "PendingDigestItems",
                column: "CloudId");

            migrationBuilder.CreateIndex(
                name: "IX_PendingDigestItems_UserId",
                table: "PendingDigestItems",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NotificationDigestSections");

            migrationBuilder.DropTable(
                name: "PendingDigestItems");

            migrationBuilder.DropTable(
                name: "NotificationDigests");

            migrationBuilder.DropColumn(
                name: "LastError",
                table: "OutboxEmails");

            migrationBuilder.DropColumn(
                name: "NextAttemptAt",
                table: "OutboxEmails");

            migrationBuilder.DropColumn(
                name: "RecipientUserId",
                table: "OutboxEmails");

            migrationBuilder.DropColumn(
                name: "TimeZoneId",
                table: "AspNetUsers");
        }
    }
}
