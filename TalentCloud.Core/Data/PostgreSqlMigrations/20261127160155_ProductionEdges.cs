using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace TalentCloud.Core.Data.PostgreSqlMigrations
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
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ClaimedUntil",
                table: "OutboxEmails",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RegisteredAs",
                table: "AspNetUsers",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ActionLimitEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    Action = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
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
            // index can be built and nothing is lost (as in the SQLite migration of the same name).
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

            // The audit log is append-only in the database itself: any UPDATE, DELETE or TRUNCATE of entries is refused,
            // whoever runs it (the SQLite twin has the same two row triggers; PostgreSQL also has TRUNCATE).
            migrationBuilder.Sql("""
                CREATE FUNCTION "AuditEntries_AppendOnly"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'The audit log is append-only: an entry cannot be %.',
                        CASE TG_OP WHEN 'UPDATE' THEN 'changed' ELSE 'deleted' END
                        USING ERRCODE = 'integrity_constraint_violation';
                END
                $$;
                CREATE TRIGGER "AuditEntries_NoUpdate" BEFORE UPDATE ON "AuditEntries"
                    FOR EACH ROW EXECUTE FUNCTION "AuditEntries_AppendOnly"();
                CREATE TRIGGER "AuditEntries_NoDelete" BEFORE DELETE ON "AuditEntries"
                    FOR EACH ROW EXECUTE FUNCTION "AuditEntries_AppendOnly"();
                CREATE TRIGGER "AuditEntries_NoTruncate" BEFORE TRUNCATE ON "AuditEntries"
                    FOR EACH STATEMENT EXECUTE FUNCTION "AuditEntries_AppendOnly"();
                """);

            migrationBuilder.CreateIndex(
                name: "IX_ActionLimitEvents_UserId_Action_At",
                table: "ActionLimitEvents",
                columns: new[] { "UserId", "Action", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS "AuditEntries_NoUpdate" ON "AuditEntries";
                DROP TRIGGER IF EXISTS "AuditEntries_NoDelete" ON "AuditEntries";
                DROP TRIGGER IF EXISTS "AuditEntries_NoTruncate" ON "AuditEntries";
                DROP FUNCTION IF EXISTS "AuditEntries_AppendOnly"();
                """);

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
