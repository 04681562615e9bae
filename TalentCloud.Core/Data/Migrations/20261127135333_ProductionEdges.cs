using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TalentCloud.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class ProductionEdges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Clouds_OrganizationId",
                table: "Clouds");

            migrationBuilder.AddColumn<string>(
                name: "ClaimedBy",
                table: "OutboxEmails",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ClaimedUntil",
                table: "OutboxEmails",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RegisteredAs",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ActionLimitEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    Action = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionLimitEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActionLimitEvents_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxEmails_ClaimedBy",
                table: "OutboxEmails",
                column: "ClaimedBy");

            // Clouds that already share a name within an organisation keep it with their id appended, so the unique
            // index can be built and nothing is lost.
            migrationBuilder.Sql("""
                UPDATE "Clouds" SET "Name" = "Name" || ' (' || "Id" || ')'
                WHERE EXISTS (SELECT 1 FROM "Clouds" AS "Other"
                              WHERE "Other"."OrganizationId" = "Clouds"."OrganizationId" AND "Other"."Name" = "Clouds"."Name"
                                AND "Other"."Id" < "Clouds"."Id");
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Clouds_OrganizationId_Name",
                table: "Clouds",
                columns: new[] { "OrganizationId", "Name" },
                unique: true);

            // The audit log is append-only in the database itself: any UPDATE or DELETE of an entry is refused, whoever
            // runs it. (A later migration that rebuilds this table must create these triggers again.)
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEntries_NoUpdate" BEFORE UPDATE ON "AuditEntries"
                BEGIN SELECT RAISE(ABORT, 'The audit log is append-only: an entry cannot be changed.'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEntries_NoDelete" BEFORE DELETE ON "AuditEntries"
                BEGIN SELECT RAISE(ABORT, 'The audit log is append-only: an entry cannot be deleted.'); END;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_ActionLimitEvents_UserId_Action_At",
                table: "ActionLimitEvents",
                columns: new[] { "UserId", "Action", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "AuditEntries_NoUpdate";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "AuditEntries_NoDelete";""");

            migrationBuilder.DropTable(
                name: "ActionLimitEvents");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropIndex(
                name: "IX_OutboxEmails_ClaimedBy",
                table: "OutboxEmails");

            migrationBuilder.DropIndex(
                name: "IX_Clouds_OrganizationId_Name",
                table: "Clouds");

            migrationBuilder.DropColumn(
                name: "ClaimedBy",
                table: "OutboxEmails");

            migrationBuilder.DropColumn(
                name: "ClaimedUntil",
                table: "OutboxEmails");

            migrationBuilder.DropColumn(
                name: "RegisteredAs",
                table: "AspNetUsers");

            migrationBuilder.CreateIndex(
                name: "IX_Clouds_OrganizationId",
                table: "Clouds",
                column: "OrganizationId");
        }
    }
}
